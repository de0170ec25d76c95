package dev.ferry.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.agent.AgentInstallRecord;
import dev.ferry.network.Platform;
import dev.ferry.server.ServerRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoAgentInstallStore against DynamoDB Local, in memory, through its HTTP API (see {@link DynamoDbLocal}). */
class DynamoAgentInstallStoreIntegrationTest {

    @RegisterExtension
    static final DynamoDbLocal DYNAMO_DB = new DynamoDbLocal();

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");

    private final DynamoAgentInstallStore store = new DynamoAgentInstallStore(DYNAMO_DB.client(),
            DYNAMO_DB.tableName(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(180));

    @Test
    void anInstallationIsStoredInItsWavesPartitionUnderItsInstance() {
        store.create(AgentInstallRecord.pending("wave-1", "i-0a1b2c3d4e5f60718", "web-1", NOW));

        Map<String, AttributeValue> item = DYNAMO_DB.client().getItem(get -> get.tableName(DYNAMO_DB.tableName())
                .key(Map.of("pk", AttributeValue.fromS("WAVE#wave-1"), "sk",
                        AttributeValue.fromS("AGENT#i-0a1b2c3d4e5f60718")))).item();
        assertThat(item.get("status").s()).isEqualTo("CHECKING");
        assertThat(item.get("revision").n()).isEqualTo("0");
        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(NOW.plus(Duration.ofDays(180)).getEpochSecond()));
    }

    @Test
    void creatingAnInstallationAgainKeepsTheOneStored() {
        AgentInstallRecord first = AgentInstallRecord.pending("wave-1", "i-0a1b2c3d4e5f60718", "web-1", NOW);
        AgentInstallRecord failed = first.failed("not found", NOW);
        store.create(first);
        store.replace(first, failed);

        AgentInstallRecord returned = store.create(AgentInstallRecord.pending("wave-1", "i-0a1b2c3d4e5f60718", "web-1",
                NOW.plusSeconds(60)));

        assertThat(returned).isEqualTo(failed);
    }

    @Test
    void aStepIsWrittenOverTheRevisionItWasMadeFromAndEveryFieldReadsBack() {
        AgentInstallRecord pending = store.create(AgentInstallRecord.pending("wave-1", "i-0a1b2c3d4e5f60718", null, NOW));
        AgentInstallRecord sending = pending.withFixes(List.of("attached a policy"), NOW)
                .sending(Platform.WINDOWS, "ferry agent install i-0a1b2c3d4e5f60718 wave wave-1", NOW);

        boolean written = store.replace(pending, sending);

        assertThat(written).isTrue();
        assertThat(store.installs("wave-1")).containsExactly(sending);
    }

    @Test
    void aStepMadeFromAnOlderRevisionIsNotWritten() {
        AgentInstallRecord pending = store.create(AgentInstallRecord.pending("wave-1", "i-0a1b2c3d4e5f60718", null, NOW));
        AgentInstallRecord running = pending.sending(Platform.LINUX, "c", NOW).running("cmd-1", NOW);
        store.replace(pending, running);

        boolean written = store.replace(pending, pending.failed("late duplicate", NOW));

        assertThat(written).isFalse();
        assertThat(store.installs("wave-1")).containsExactly(running);
    }

    @Test
    void aWavesInstallationsAreReadInInstanceOrderWithoutItsOtherItems() {
        store.create(AgentInstallRecord.pending("wave-1", "i-0b2c3d4e5f6071829", null, NOW));
        store.create(AgentInstallRecord.pending("wave-1", "i-0a1b2c3d4e5f60718", null, NOW));
        store.create(AgentInstallRecord.pending("wave-2", "i-0c2c3d4e5f6071829", null, NOW));
        new DynamoWaveStore(DYNAMO_DB.client(), DYNAMO_DB.tableName()).putServer(
                ServerRecord.joining("wave-1", "s-0000000000000000a", "web", null, NOW));

        assertThat(store.installs("wave-1")).extracting(AgentInstallRecord::instanceId)
                .containsExactly("i-0a1b2c3d4e5f60718", "i-0b2c3d4e5f6071829");
    }
}
