package dev.ferry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.server.ServerRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * How DynamoWaveStore batches server writes and re-sends what DynamoDB leaves unprocessed (which
 * DynamoDB Local never does, so a scripted client stands in for DynamoDB here).
 */
class DynamoWaveStoreTest {

    private static final String TABLE = "ferry";
    private static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");

    private final List<Duration> pauses = new ArrayList<>();

    @Test
    void serversAreWrittenInBatchesOfTwentyFive() {
        ScriptedBatchWrites dynamoDb = new ScriptedBatchWrites(request -> allProcessed());

        store(dynamoDb).putServers(servers(60));

        assertThat(dynamoDb.requests).extracting(request -> request.requestItems().get(TABLE).size())
                .containsExactly(25, 25, 10);
    }

    @Test
    void unprocessedItemsAreSentAgainAfterAPause() {
        ScriptedBatchWrites dynamoDb = new ScriptedBatchWrites(
                request -> leavingUnprocessed(request, 2),
                request -> allProcessed());

        store(dynamoDb).putServers(servers(5));

        List<WriteRequest> first = dynamoDb.requests.get(0).requestItems().get(TABLE);
        assertThat(dynamoDb.requests).hasSize(2);
        assertThat(dynamoDb.requests.get(1).requestItems().get(TABLE)).containsExactlyElementsOf(first.subList(0, 2));
        assertThat(pauses).containsExactly(Duration.ofMillis(50));
    }

    @Test
    void pausesDoubleUpToTwoSecondsWhileItemsStayUnprocessed() {
        ScriptedBatchWrites dynamoDb = new ScriptedBatchWrites(request -> leavingUnprocessed(request, 1));

        assertThatThrownBy(() -> store(dynamoDb).putServers(servers(1)))
                .isInstanceOf(BatchWriteIncompleteException.class);

        assertThat(pauses).extracting(Duration::toMillis)
                .containsExactly(50L, 100L, 200L, 400L, 800L, 1600L, 2000L, 2000L);
    }

    @Test
    void givingUpSaysHowManyRecordsWereLeft() {
        ScriptedBatchWrites dynamoDb = new ScriptedBatchWrites(request -> leavingUnprocessed(request, 3));

        assertThatThrownBy(() -> store(dynamoDb).putServers(servers(3)))
                .isInstanceOf(BatchWriteIncompleteException.class)
                .hasMessageStartingWith("3 server records were still unprocessed after 8 re-sends");
    }

    private DynamoWaveStore store(DynamoDbClient dynamoDb) {
        return new DynamoWaveStore(dynamoDb, TABLE,
                new Retention(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(180)), pauses::add);
    }

    private static BatchWriteItemResponse allProcessed() {
        return BatchWriteItemResponse.builder().unprocessedItems(Map.of()).build();
    }

    private static BatchWriteItemResponse leavingUnprocessed(BatchWriteItemRequest request, int count) {
        List<WriteRequest> sent = request.requestItems().get(TABLE);
        return BatchWriteItemResponse.builder()
                .unprocessedItems(Map.of(TABLE, sent.subList(0, Math.min(count, sent.size()))))
                .build();
    }

    private static List<ServerRecord> servers(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> ServerRecord.joining("wave-1", "s-%017d".formatted(i), "server " + i, null, NOW))
                .toList();
    }

    /** Records every BatchWriteItem request and answers with the next scripted response (the last one repeats). */
    private static final class ScriptedBatchWrites implements DynamoDbClient {

        private final List<Function<BatchWriteItemRequest, BatchWriteItemResponse>> script;
        private final List<BatchWriteItemRequest> requests = new ArrayList<>();

        @SafeVarargs
        ScriptedBatchWrites(Function<BatchWriteItemRequest, BatchWriteItemResponse>... script) {
            this.script = List.of(script);
        }

        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            requests.add(request);
            return script.get(Math.min(requests.size(), script.size()) - 1).apply(request);
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    }
}
