package dev.ferry.store;

import static dev.ferry.store.Items.RECORD;
import static dev.ferry.store.Items.STATUS;
import static dev.ferry.store.Items.text;
import static dev.ferry.store.Items.wavePartition;

import dev.ferry.retry.Sleeper;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Waves and their server records in the Ferry table: the wave at {@code WAVE#<waveId>} /
 * {@code WAVE}, each server at {@code WAVE#<waveId>} / {@code SERVER#<sourceServerId>}, so that one
 * Query reads a wave's servers in source server ID order. Each item holds the record as JSON plus
 * its status (and a server's stage) for people reading the table.
 */
public final class DynamoWaveStore implements WaveStore {

    /** The most items one BatchWriteItem call takes. */
    static final int BATCH_SIZE = 25;
    /** How often unprocessed items are sent again before giving up. */
    static final int MAX_RESENDS = 8;
    static final Duration FIRST_RESEND_DELAY = Duration.ofMillis(50);
    static final Duration MAX_RESEND_DELAY = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(DynamoWaveStore.class);
    private static final String WAVE_SORT_KEY = "WAVE";
    private static final String SERVER_PREFIX = "SERVER#";
    private static final String STAGE = "stage";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Retention retention;
    private final Sleeper pause;

    /** A store on the system clock, keeping items for {@link FerryTable#DEFAULT_RETENTION}. */
    public DynamoWaveStore(DynamoDbClient dynamoDb, String tableName) {
        this(dynamoDb, tableName, Clock.systemUTC(), FerryTable.DEFAULT_RETENTION);
    }

    /** A store that keeps items for {@code retention} after their last write, as told by {@code clock}. */
    public DynamoWaveStore(DynamoDbClient dynamoDb, String tableName, Clock clock, Duration retention) {
        this(dynamoDb, tableName, clock, retention, Sleeper.threadSleep());
    }

    /** As above, pausing between re-sends of unprocessed writes with {@code pause}. */
    public DynamoWaveStore(DynamoDbClient dynamoDb, String tableName, Clock clock, Duration retention, Sleeper pause) {
        this(dynamoDb, tableName, new Retention(clock, retention), pause);
    }

    DynamoWaveStore(DynamoDbClient dynamoDb, String tableName, Retention retention, Sleeper pause) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = retention;
        this.pause = pause;
    }

    @Override
    public WaveRecord create(WaveRecord wave) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(waveItem(wave))
                    .conditionExpression("attribute_not_exists(" + FerryTable.PARTITION_KEY + ")"));
            return wave;
        } catch (ConditionalCheckFailedException alreadyStored) {
            return find(wave.waveId()).orElseThrow(() -> new IllegalStateException(
                    "Wave " + wave.waveId() + " was stored and then vanished", alreadyStored));
        }
    }

    @Override
    public Optional<WaveRecord> find(String waveId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(Items.key(wavePartition(waveId), WAVE_SORT_KEY))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RecordJson.read(item.get(RECORD).s(), WaveRecord.class));
    }

    @Override
    public void update(WaveRecord wave) {
        dynamoDb.putItem(put -> put.tableName(tableName).item(waveItem(wave)));
    }

    @Override
    public void putServers(Collection<ServerRecord> servers) {
        List<WriteRequest> writes = distinctByServer(servers).stream()
                .map(server -> WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(serverItem(server)).build())
                        .build())
                .toList();
        for (int from = 0; from < writes.size(); from += BATCH_SIZE) {
            writeBatch(writes.subList(from, Math.min(from + BATCH_SIZE, writes.size())));
        }
    }

    @Override
    public void putServer(ServerRecord server) {
        dynamoDb.putItem(put -> put.tableName(tableName).item(serverItem(server)));
    }

    @Override
    public Optional<ServerRecord> findServer(String waveId, String sourceServerId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(Items.key(wavePartition(waveId), SERVER_PREFIX + sourceServerId))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RecordJson.read(item.get(RECORD).s(), ServerRecord.class));
    }

    @Override
    public List<ServerRecord> servers(String waveId) {
        // The paginator follows LastEvaluatedKey: a wave's servers can exceed the 1 MB of one page.
        return dynamoDb.queryPaginator(Items.waveItemsQuery(tableName, waveId, SERVER_PREFIX)).items().stream()
                .map(item -> RecordJson.read(item.get(RECORD).s(), ServerRecord.class))
                .toList();
    }

    @Override
    public String recordsOf(String waveId) {
        return "DynamoDB table " + tableName + ", pk " + Items.wavePartition(waveId);
    }

    /** One BatchWriteItem, re-sending what DynamoDB leaves unprocessed (throttling) with growing pauses. */
    private void writeBatch(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(tableName, batch);
        Duration delay = FIRST_RESEND_DELAY;
        for (int resends = 0; ; resends++) {
            BatchWriteItemResponse response =
                    dynamoDb.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
            pending = response.unprocessedItems();
            int unprocessed = pending.values().stream().mapToInt(List::size).sum();
            if (unprocessed == 0) {
                return;
            }
            if (resends == MAX_RESENDS) {
                throw new BatchWriteIncompleteException(unprocessed + " server records were still unprocessed after "
                        + MAX_RESENDS + " re-sends to table " + tableName);
            }
            LOG.warn("DynamoDB left {} server records unprocessed; sending them again in {} ms", unprocessed,
                    delay.toMillis());
            pauseFor(delay, unprocessed);
            delay = min(delay.multipliedBy(2), MAX_RESEND_DELAY);
        }
    }

    private void pauseFor(Duration delay, int unprocessed) {
        try {
            pause.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatchWriteIncompleteException(
                    "Interrupted with " + unprocessed + " server records unprocessed in table " + tableName, e);
        }
    }

    private Map<String, AttributeValue> waveItem(WaveRecord wave) {
        Map<String, AttributeValue> item = new HashMap<>(Items.key(wavePartition(wave.waveId()), WAVE_SORT_KEY));
        item.put(STATUS, text(wave.status().name()));
        item.put(RECORD, text(RecordJson.text(wave)));
        item.put(FerryTable.TIME_TO_LIVE, retention.expiresAt());
        return item;
    }

    private Map<String, AttributeValue> serverItem(ServerRecord server) {
        Map<String, AttributeValue> item =
                new HashMap<>(Items.key(wavePartition(server.waveId()), SERVER_PREFIX + server.sourceServerId()));
        item.put(STATUS, text(server.status().name()));
        item.put(STAGE, text(server.stage().name()));
        item.put(RECORD, text(RecordJson.text(server)));
        item.put(FerryTable.TIME_TO_LIVE, retention.expiresAt());
        return item;
    }

    /** BatchWriteItem refuses two writes to one key in a batch: the last record of a server wins. */
    private static Collection<ServerRecord> distinctByServer(Collection<ServerRecord> servers) {
        Map<List<String>, ServerRecord> latest = new LinkedHashMap<>();
        for (ServerRecord server : servers) {
            latest.put(List.of(server.waveId(), server.sourceServerId()), server);
        }
        return new ArrayList<>(latest.values());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
