package dev.ferry.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.server.Phase;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveRecord;
import dev.ferry.wave.WaveDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoWaveStore against DynamoDB Local 2.6.1, in memory, through its HTTP API (see {@link DynamoDbLocal}). */
class DynamoWaveStoreIntegrationTest {

    @RegisterExtension
    static final DynamoDbLocal DYNAMO_DB = new DynamoDbLocal();

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");
    private static final Duration RETENTION = Duration.ofDays(180);

    private final DynamoWaveStore store = new DynamoWaveStore(DYNAMO_DB.client(), DYNAMO_DB.tableName(),
            Clock.fixed(NOW, ZoneOffset.UTC), RETENTION);

    @Test
    void creatingAWaveAgainKeepsTheFirstRecord() {
        WaveRecord first = wave("wave-1", NOW);
        store.create(first);

        WaveRecord returned = store.create(wave("wave-1", NOW.plusSeconds(60)));

        assertThat(returned).isEqualTo(first);
        assertThat(store.find("wave-1")).contains(first);
    }

    @Test
    void creatingANewWaveReturnsIt() {
        WaveRecord wave = wave("wave-1", NOW);

        assertThat(store.create(wave)).isEqualTo(wave);
    }

    @Test
    void anUnknownWaveIsNotFound() {
        assertThat(store.find("no-such-wave")).isEmpty();
    }

    @Test
    void updateReplacesTheStoredWave() {
        WaveRecord wave = store.create(wave("wave-1", NOW));
        WaveRecord stopped = wave.withStatus(WaveRecord.WaveStatus.STOPPED, "too many failures");

        store.update(stopped);

        assertThat(store.find("wave-1")).contains(stopped);
    }

    @Test
    void serversReturnsAThousandRecordsPastOneMegabyteInSourceServerIdOrder() {
        String longLabel = "x".repeat(1_200);
        List<ServerRecord> servers = IntStream.range(0, 1_000)
                .mapToObj(i -> ServerRecord.joining("wave-1", serverId(999 - i), longLabel + i, null, NOW))
                .toList();
        store.putServers(servers);
        assertThat(DYNAMO_DB.client().query(query -> query.tableName(DYNAMO_DB.tableName())
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("WAVE#wave-1"))))
                .hasLastEvaluatedKey())
                .as("one page of the query holds only part of the servers")
                .isTrue();

        List<ServerRecord> read = store.servers("wave-1");

        assertThat(read).containsExactlyElementsOf(servers.reversed());
    }

    @Test
    void serversReadsOnlyTheServersOfTheWave() {
        store.create(wave("wave-1", NOW));
        store.putServer(ServerRecord.joining("wave-1", serverId(1), "web", null, NOW));
        store.putServer(ServerRecord.joining("wave-2", serverId(2), "db", null, NOW));

        assertThat(store.servers("wave-1")).extracting(ServerRecord::sourceServerId).containsExactly(serverId(1));
    }

    @Test
    void putServersReplacesEarlierRecordsOfTheSameServers() {
        List<ServerRecord> joined = List.of(
                ServerRecord.joining("wave-1", serverId(1), "web", null, NOW),
                ServerRecord.joining("wave-1", serverId(2), "db", null, NOW));
        store.putServers(joined);
        List<ServerRecord> failed = joined.stream().map(server -> server.failed("stalled", NOW)).toList();

        store.putServers(failed);

        assertThat(store.servers("wave-1")).containsExactlyElementsOf(failed);
    }

    @Test
    void putServersKeepsTheLastOfTwoRecordsForOneServerInOneCall() {
        ServerRecord joined = ServerRecord.joining("wave-1", serverId(1), "web", null, NOW);
        ServerRecord failed = joined.failed("stalled", NOW);

        store.putServers(List.of(joined, failed));

        assertThat(store.servers("wave-1")).containsExactly(failed);
    }

    @Test
    void aServerRecordIsReadBackWithEveryField() {
        ServerRecord server = ServerRecord.joining("wave-1", serverId(1), "web", "i-0123456789abcdef0", NOW)
                .withLastSeen(new ServerRecord.MgnStates("TESTING", "CONTINUOUS", "PT1S", NOW))
                .enteringStage(Stage.TEST_LAUNCH, NOW.plusSeconds(5))
                .withLaunch(Phase.TEST, new ServerRecord.Launch("mgnjob-1", "LAUNCHED", "i-0fedcba9876543210", NOW))
                .withValidation(new ServerRecord.Validation(Phase.TEST, NOW, ServerRecord.Validation.Outcome.PENDING,
                        "port 443 refused"))
                .withStall(new ServerRecord.Stall(NOW, true, false));

        store.putServer(server);

        assertThat(store.servers("wave-1")).containsExactly(server);
    }

    @Test
    void everyItemExpiresARetentionPeriodAfterItWasWritten() {
        store.create(wave("wave-1", NOW));
        store.putServers(List.of(ServerRecord.joining("wave-1", serverId(1), "web", null, NOW)));

        long expected = NOW.plus(RETENTION).getEpochSecond();
        assertThat(expiresAt("WAVE#wave-1", "WAVE")).isEqualTo(expected);
        assertThat(expiresAt("WAVE#wave-1", "SERVER#" + serverId(1))).isEqualTo(expected);
    }

    @Test
    void aServerItemShowsItsStatusAndStageToPeopleReadingTheTable() {
        store.putServer(ServerRecord.joining("wave-1", serverId(1), "web", null, NOW).failed("stalled", NOW));

        Map<String, AttributeValue> item = item("WAVE#wave-1", "SERVER#" + serverId(1));

        assertThat(item.get("status").s()).isEqualTo("FAILED");
        assertThat(item.get("stage").s()).isEqualTo("PREFLIGHT");
    }

    private long expiresAt(String pk, String sk) {
        return Long.parseLong(item(pk, sk).get("expiresAt").n());
    }

    private Map<String, AttributeValue> item(String pk, String sk) {
        return DYNAMO_DB.client().getItem(get -> get.tableName(DYNAMO_DB.tableName())
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
    }

    private static WaveRecord wave(String waveId, Instant startedAt) {
        WaveDefinition definition = new WaveDefinition("Media servers", "eu-central-1", "us-east-1", List.of(), null,
                null, null, List.of("ops@example.com"), null, null, null, null);
        return new WaveRecord(waveId, "arn:aws:states:eu-central-1:111122223333:execution:ferry-wave:" + waveId,
                definition, WaveRecord.WaveStatus.RUNNING, null, startedAt, null, null);
    }

    private static String serverId(int n) {
        return "s-%017d".formatted(n);
    }
}
