package dev.ferry.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.server.Stage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stage leases against DynamoDB Local: one holder at a time, until it gives the lease back or it lapses. */
class DynamoStageLeasesIntegrationTest {

    @RegisterExtension
    static final DynamoDbLocal DYNAMO_DB = new DynamoDbLocal();

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");
    private static final Duration LEASE = Duration.ofMinutes(6);

    private final DynamoStageLeases leases = new DynamoStageLeases(DYNAMO_DB.client(), DYNAMO_DB.tableName(),
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(90));

    @Test
    void aHeldLeaseIsRefusedToAnotherHolderUntilItLapses() {
        assertThat(leases.tryTake("wave-1", Stage.FINALIZE, "first", NOW, LEASE)).isTrue();

        assertThat(leases.tryTake("wave-1", Stage.FINALIZE, "second", NOW.plusSeconds(60), LEASE)).isFalse();
        assertThat(leases.tryTake("wave-1", Stage.FINALIZE, "second", NOW.plus(LEASE), LEASE)).isTrue();
    }

    @Test
    void aLeaseGivenBackIsFreeAndOnlyItsHolderCanGiveItBack() {
        leases.tryTake("wave-2", Stage.FINALIZE, "first", NOW, LEASE);

        leases.giveBack("wave-2", Stage.FINALIZE, "someone else");
        assertThat(leases.tryTake("wave-2", Stage.FINALIZE, "second", NOW, LEASE)).isFalse();

        leases.giveBack("wave-2", Stage.FINALIZE, "first");
        assertThat(leases.tryTake("wave-2", Stage.FINALIZE, "second", NOW, LEASE)).isTrue();
    }

    @Test
    void eachWaveAndStageHasItsOwnLease() {
        leases.tryTake("wave-3", Stage.FINALIZE, "first", NOW, LEASE);

        assertThat(leases.tryTake("wave-4", Stage.FINALIZE, "second", NOW, LEASE)).isTrue();
        assertThat(leases.tryTake("wave-3", Stage.CUTOVER_VALIDATION, "second", NOW, LEASE)).isTrue();
    }
}
