package dev.ferry.json;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonPrimingTest {

    @Test
    void primingRoundTripsAServerRecordUnchanged() {
        assertThat(JsonPriming.roundTrip()).isEqualTo(JsonPriming.sampleServer());
    }

    @Test
    void theSampleHoldsNoCurrentTimeThatASnapshotCouldCapture() {
        assertThat(JsonPriming.sampleServer().stageTimes().values())
                .allSatisfy(time -> assertThat(time.start()).isEqualTo(java.time.Instant.EPOCH));
    }
}
