package dev.ferry.store;

import static dev.ferry.store.Items.RECORD;
import static dev.ferry.store.Items.STATUS;
import static dev.ferry.store.Items.number;
import static dev.ferry.store.Items.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.waits.Wait;
import dev.ferry.waits.WaitStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Waits in the Ferry table, one item per wave and kind at {@code WAIT#<waveId>#<kind>} /
 * {@code WAIT}. Besides the record as JSON, an item holds the attributes its conditional writes
 * test: {@code status}, {@code taskToken}, {@code leaseUntil} (epoch milliseconds) and, while the
 * wait is not released, {@value FerryTable#WAIT_STATE} and {@value FerryTable#DEADLINE}, which put it
 * in the sparse {@value FerryTable#UNRELEASED_WAITS_INDEX} index.
 */
public final class DynamoWaitStore implements WaitStore {

    /** The value of {@value FerryTable#WAIT_STATE} while a wait is in the index. */
    static final String UNRELEASED = "UNRELEASED";

    private static final Logger LOG = LoggerFactory.getLogger(DynamoWaitStore.class);
    private static final String SORT_KEY = "WAIT";
    // Attribute names double as the names of the Wait fields they hold, so reading puts them back as is.
    private static final String TASK_TOKEN = "taskToken";
    private static final String RELEASING_SINCE = "releasingSince";
    /** {@link dev.ferry.sfn.TaskAttempt#order()} of the attempt that opened the wait, for open's condition. */
    private static final String ATTEMPT_ORDER = "attemptOrder";
    private static final String LEASE_UNTIL = "leaseUntil";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Retention retention;

    /** A store on the system clock, keeping items for {@link FerryTable#DEFAULT_RETENTION}. */
    public DynamoWaitStore(DynamoDbClient dynamoDb, String tableName) {
        this(dynamoDb, tableName, Clock.systemUTC(), FerryTable.DEFAULT_RETENTION);
    }

    /** A store that keeps items for {@code retention} after their last write, as told by {@code clock}. */
    public DynamoWaitStore(DynamoDbClient dynamoDb, String tableName, Clock clock, Duration retention) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = new Retention(clock, retention);
    }

    /**
     * Replaces the wave's wait of this kind whole when the item was opened by an earlier task
     * attempt (a retried task brings a new token, and the old task can no longer be ended). A
     * duplicate of an open that happened, or a handler of an earlier attempt that ran on after its
     * task was retried, changes nothing, even once the wait is claimed or released.
     */
    @Override
    public boolean open(Wait wait) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(itemOf(wait))
                    .conditionExpression("attribute_not_exists(#attempt) OR #attempt < :attempt")
                    .expressionAttributeNames(Map.of("#attempt", ATTEMPT_ORDER))
                    .expressionAttributeValues(Map.of(":attempt", number(wait.attempt().order()))));
            return true;
        } catch (ConditionalCheckFailedException sameOrLaterAttempt) {
            LOG.info("Wait {} is already open for this task attempt or a later one; left as it is", wait.waitId());
            return false;
        }
    }

    @Override
    public Optional<Wait> find(String waitId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(keyOf(waitId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(waitOf(item));
    }

    @Override
    public List<Wait> unreleased() {
        QueryRequest query = QueryRequest.builder()
                .tableName(tableName)
                .indexName(FerryTable.UNRELEASED_WAITS_INDEX)
                .keyConditionExpression("#state = :unreleased")
                .expressionAttributeNames(Map.of("#state", FerryTable.WAIT_STATE))
                .expressionAttributeValues(Map.of(":unreleased", text(UNRELEASED)))
                .build();
        return dynamoDb.queryPaginator(query).items().stream().map(DynamoWaitStore::waitOf).toList();
    }

    @Override
    public boolean tryLease(String waitId, Instant now, Duration lease) {
        return updateIf(waitId,
                "SET #lease = :until, #ttl = :ttl",
                "attribute_exists(#state) AND (attribute_not_exists(#lease) OR #lease <= :now)",
                Map.of("#lease", LEASE_UNTIL, "#state", FerryTable.WAIT_STATE),
                Map.of(":until", number(now.plus(lease).toEpochMilli()), ":now", number(now.toEpochMilli())));
    }

    /** Gives the lease back; a wait that is gone has no lease to give back. */
    @Override
    public void endLease(String waitId) {
        updateIf(waitId,
                "REMOVE #lease SET #ttl = :ttl",
                "attribute_exists(#pk)",
                Map.of("#lease", LEASE_UNTIL, "#pk", FerryTable.PARTITION_KEY),
                Map.of());
    }

    @Override
    public boolean claim(String waitId, String taskToken, Instant now) {
        return updateIf(waitId,
                "SET #status = :releasing, #since = :now, #ttl = :ttl",
                "#status = :pending AND #token = :token",
                Map.of("#status", STATUS, "#since", RELEASING_SINCE, "#token", TASK_TOKEN),
                Map.of(":releasing", text(Wait.Status.RELEASING.name()), ":now", text(now.toString()),
                        ":pending", text(Wait.Status.PENDING.name()), ":token", text(taskToken)));
    }

    /**
     * Marks the wait released and takes it out of the index. A wait replaced by a retried task
     * holds another token and stays as it is: the new task still has to be released.
     */
    @Override
    public void markReleased(String waitId, String taskToken) {
        boolean released = updateIf(waitId,
                "SET #status = :released, #ttl = :ttl REMOVE #state, #lease",
                "#token = :token",
                Map.of("#status", STATUS, "#state", FerryTable.WAIT_STATE, "#lease", LEASE_UNTIL,
                        "#token", TASK_TOKEN),
                Map.of(":released", text(Wait.Status.RELEASED.name()), ":token", text(taskToken)));
        if (!released) {
            LOG.info("Wait {} no longer holds the released task's token; left as it is", waitId);
        }
    }

    /** Runs a conditional update that also renews the item's time to live; false when the condition failed. */
    private boolean updateIf(String waitId, String update, String condition, Map<String, String> names,
                             Map<String, AttributeValue> values) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#ttl", FerryTable.TIME_TO_LIVE);
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":ttl", retention.expiresAt());
        try {
            dynamoDb.updateItem(request -> request.tableName(tableName)
                    .key(keyOf(waitId))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(allNames)
                    .expressionAttributeValues(allValues));
            return true;
        } catch (ConditionalCheckFailedException conditionNotMet) {
            return false;
        }
    }

    private Map<String, AttributeValue> itemOf(Wait wait) {
        Map<String, AttributeValue> item = new HashMap<>(keyOf(wait.waitId()));
        item.put(RECORD, text(RecordJson.write(wait, TASK_TOKEN, STATUS, RELEASING_SINCE)));
        item.put(TASK_TOKEN, text(wait.taskToken()));
        item.put(ATTEMPT_ORDER, number(wait.attempt().order()));
        item.put(STATUS, text(wait.status().name()));
        if (wait.releasingSince() != null) {
            item.put(RELEASING_SINCE, text(wait.releasingSince().toString()));
        }
        if (wait.status() != Wait.Status.RELEASED) {
            item.put(FerryTable.WAIT_STATE, text(UNRELEASED));
        }
        item.put(FerryTable.DEADLINE, number(wait.deadline().getEpochSecond()));
        item.put(FerryTable.TIME_TO_LIVE, retention.expiresAt());
        return item;
    }

    private static Wait waitOf(Map<String, AttributeValue> item) {
        ObjectNode fields = RecordJson.tree(item.get(RECORD).s());
        fields.put(TASK_TOKEN, item.get(TASK_TOKEN).s());
        fields.put(STATUS, item.get(STATUS).s());
        String releasingSince = Items.textOf(item, RELEASING_SINCE);
        if (releasingSince != null) {
            fields.put(RELEASING_SINCE, releasingSince);
        }
        return RecordJson.read(fields, Wait.class);
    }

    private static Map<String, AttributeValue> keyOf(String waitId) {
        return Items.key("WAIT#" + waitId, SORT_KEY);
    }
}
