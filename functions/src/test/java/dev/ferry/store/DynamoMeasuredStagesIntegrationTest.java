package dev.ferry.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.server.Stage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The stages whose metrics were emitted, against DynamoDB Local: each stage of a wave is claimed once. */
class DynamoMeasuredStagesIntegrationTest {

    @RegisterExtension
    static final DynamoDbLocal DYNAMO_DB = new DynamoDbLocal();

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");

    private final DynamoMeasuredStages measured = new DynamoMeasuredStages(DYNAMO_DB.client(), DYNAMO_DB.tableName(),
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(90));

    @Test
    void aStageIsClaimedByTheFirstCallerOnly() {
        assertThat(measured.claim("wave-1", Stage.REPLICATION)).isTrue();

        assertThat(measured.claim("wave-1", Stage.REPLICATION)).isFalse();
    }

    @Test
    void theClaimedStagesOfAWaveAreListedAndNoOtherWavesStages() {
        measured.claim("wave-1", Stage.PREFLIGHT);
        measured.claim("wave-1", Stage.REPLICATION);
        measured.claim("wave-2", Stage.TEST_LAUNCH);

        assertThat(measured.of("wave-1")).containsExactlyInAnyOrder(Stage.PREFLIGHT, Stage.REPLICATION);
        assertThat(measured.of("wave-3")).isEmpty();
    }
}
