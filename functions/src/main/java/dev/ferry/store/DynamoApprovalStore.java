package dev.ferry.store;

import static dev.ferry.store.Items.RECORD;
import static dev.ferry.store.Items.STATUS;
import static dev.ferry.store.Items.number;
import static dev.ferry.store.Items.text;
import static dev.ferry.store.Items.wavePartition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.approval.Approval;
import dev.ferry.approval.ApprovalStore;
import dev.ferry.approval.Decision;
import dev.ferry.sfn.TaskAttempt;
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
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Approvals in the Ferry table: the approval at {@code APPROVAL#<approvalId>} / {@code APPROVAL},
 * and the wave's link to it at {@code WAVE#<waveId>} / {@code APPROVAL}, which makes the approval
 * one per wave. The approval item holds the unchanging part of the record as JSON; the parts that
 * change ({@code taskToken}, {@code decision} as JSON, {@code delivered}) and {@code decideBefore}
 * (the approval's expiry in epoch milliseconds, which a decision is conditioned on) are attributes
 * of their own, with a {@code status} of WAITING, APPROVED or REJECTED for people reading the table.
 * Until it is decided, an approval is also in the sparse index of waits, under its own
 * {@value FerryTable#WAIT_STATE} ({@value #AWAITING_DECISION}) with its expiry as
 * {@value FerryTable#DEADLINE}, so that the approvals waiting for a person are counted without a scan.
 */
public final class DynamoApprovalStore implements ApprovalStore {

    private static final String SORT_KEY = "APPROVAL";
    // Attribute names double as the names of the Approval fields they hold, so reading puts them back as is.
    private static final Logger LOG = LoggerFactory.getLogger(DynamoApprovalStore.class);
    private static final String TASK_TOKEN = "taskToken";
    /** The attempt the token belongs to (JSON), and its {@link TaskAttempt#order()} for the replacing condition. */
    private static final String TASK_ATTEMPT = "taskAttempt";
    private static final String ATTEMPT_ORDER = "attemptOrder";
    private static final String DECISION = "decision";
    private static final String DELIVERED = "delivered";
    private static final String NOTIFIED = "notified";
    private static final String DECIDE_BEFORE = "decideBefore";
    private static final String APPROVAL_ID = "approvalId";
    private static final String WAVE_ID = "waveId";
    /** The approvals' partition of the index of waits; the waits' own is another, so neither reads the other. */
    static final String AWAITING_DECISION = "AWAITING_DECISION";
    /** The link item is the second write of the transaction that creates an approval. */
    private static final int LINK_WRITE = 1;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Retention retention;

    /** A store on the system clock, keeping items for {@link FerryTable#DEFAULT_RETENTION}. */
    public DynamoApprovalStore(DynamoDbClient dynamoDb, String tableName) {
        this(dynamoDb, tableName, Clock.systemUTC(), FerryTable.DEFAULT_RETENTION);
    }

    /** A store that keeps items for {@code retention} after their last write, as told by {@code clock}. */
    public DynamoApprovalStore(DynamoDbClient dynamoDb, String tableName, Clock clock, Duration retention) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = new Retention(clock, retention);
    }

    /**
     * Writes the approval and the wave's link in one transaction conditioned on neither existing;
     * when the wave is already linked, nothing is written and the linked approval is returned.
     */
    @Override
    public Approval createForWave(Approval approval) {
        try {
            dynamoDb.transactWriteItems(write -> write.transactItems(
                    putIfAbsent(approvalItem(approval)),
                    putIfAbsent(linkItem(approval))));
            return approval;
        } catch (TransactionCanceledException cancelled) {
            if (!waveAlreadyLinked(cancelled)) {
                throw cancelled;
            }
            return linkedApproval(approval.waveId()).orElseThrow(() -> new IllegalStateException(
                    "Wave " + approval.waveId() + " links to an approval that is not in the table", cancelled));
        }
    }

    @Override
    public Optional<Approval> find(String approvalId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(keyOf(approvalId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(approvalOf(item));
    }

    /**
     * Points the approval at a retried task's token, decided or not: a decision not delivered needs
     * it. A token of the same or an earlier attempt leaves the approval as it is.
     */
    @Override
    public boolean replaceTaskToken(String approvalId, String taskToken, TaskAttempt attempt) {
        boolean replaced = updateExistingIf(approvalId,
                "SET #token = :token, #attempt = :attempt, #order = :order, #ttl = :ttl",
                "attribute_not_exists(#order) OR #order < :order",
                Map.of("#token", TASK_TOKEN, "#attempt", TASK_ATTEMPT, "#order", ATTEMPT_ORDER),
                Map.of(":token", text(taskToken), ":attempt", text(RecordJson.text(attempt)),
                        ":order", number(attempt.order())));
        if (!replaced) {
            LOG.info("Approval {} already holds the token of this task attempt or a later one", approvalId);
        }
        return replaced;
    }

    @Override
    public boolean decide(String approvalId, Decision decision) {
        Map<String, String> names = Map.of("#decision", DECISION, "#status", STATUS, "#decideBefore", DECIDE_BEFORE,
                "#ttl", FerryTable.TIME_TO_LIVE, "#waitState", FerryTable.WAIT_STATE);
        Map<String, AttributeValue> values = Map.of(
                ":decision", text(RecordJson.text(decision)),
                ":status", text(statusOf(decision)),
                ":decidedAt", number(decision.decidedAt().toEpochMilli()),
                ":ttl", retention.expiresAt());
        try {
            // A missing approval fails the condition too: it has no decideBefore to compare with.
            dynamoDb.updateItem(update -> update.tableName(tableName)
                    .key(keyOf(approvalId))
                    .updateExpression("SET #decision = :decision, #status = :status, #ttl = :ttl REMOVE #waitState")
                    .conditionExpression("attribute_not_exists(#decision) AND #decideBefore > :decidedAt")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException decidedOrExpired) {
            return false;
        }
    }

    /** One query of the approvals' partition of the index, counting only (no item is read out). */
    @Override
    public int waitingForDecision(Instant now) {
        QueryRequest query = QueryRequest.builder()
                .tableName(tableName)
                .indexName(FerryTable.UNRELEASED_WAITS_INDEX)
                .keyConditionExpression("#state = :awaiting AND #deadline > :now")
                .expressionAttributeNames(Map.of("#state", FerryTable.WAIT_STATE, "#deadline", FerryTable.DEADLINE))
                .expressionAttributeValues(Map.of(":awaiting", text(AWAITING_DECISION),
                        ":now", number(now.getEpochSecond())))
                .select(Select.COUNT)
                .build();
        return dynamoDb.queryPaginator(query).stream().mapToInt(QueryResponse::count).sum();
    }

    @Override
    public void markDelivered(String approvalId) {
        updateExisting(approvalId, "SET #delivered = :delivered, #ttl = :ttl",
                Map.of("#delivered", DELIVERED), Map.of(":delivered", Items.flag(true)));
    }

    @Override
    public void markNotified(String approvalId) {
        updateExisting(approvalId, "SET #notified = :notified, #ttl = :ttl",
                Map.of("#notified", NOTIFIED), Map.of(":notified", Items.flag(true)));
    }

    private void updateExisting(String approvalId, String update, Map<String, String> names,
                                Map<String, AttributeValue> values) {
        updateExistingIf(approvalId, update, null, names, values);
    }

    /**
     * Updates the approval when {@code condition} (if any) holds; false when it did not.
     *
     * @throws NoSuchItemException when the approval is not in the table
     */
    private boolean updateExistingIf(String approvalId, String update, String condition, Map<String, String> names,
                                     Map<String, AttributeValue> values) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#pk", FerryTable.PARTITION_KEY);
        allNames.put("#ttl", FerryTable.TIME_TO_LIVE);
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":ttl", retention.expiresAt());
        try {
            // Without attribute_exists an update would create an item holding nothing but these attributes.
            dynamoDb.updateItem(request -> request.tableName(tableName)
                    .key(keyOf(approvalId))
                    .updateExpression(update)
                    .conditionExpression(condition == null ? "attribute_exists(#pk)"
                            : "attribute_exists(#pk) AND (" + condition + ")")
                    .expressionAttributeNames(allNames)
                    .expressionAttributeValues(allValues));
            return true;
        } catch (ConditionalCheckFailedException missingOrNotMet) {
            if (condition == null || find(approvalId).isEmpty()) {
                throw new NoSuchItemException("Approval " + approvalId + " is not in table " + tableName,
                        missingOrNotMet);
            }
            return false;
        }
    }

    private Optional<Approval> linkedApproval(String waveId) {
        Map<String, AttributeValue> link = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(Items.key(wavePartition(waveId), SORT_KEY))
                .consistentRead(true)).item();
        if (link == null || link.isEmpty()) {
            return Optional.empty();
        }
        return find(link.get(APPROVAL_ID).s());
    }

    private static boolean waveAlreadyLinked(TransactionCanceledException cancelled) {
        if (!cancelled.hasCancellationReasons()) {
            return false;
        }
        List<CancellationReason> reasons = cancelled.cancellationReasons();
        return reasons.size() > LINK_WRITE && "ConditionalCheckFailed".equals(reasons.get(LINK_WRITE).code());
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(tableName)
                        .item(item)
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", FerryTable.PARTITION_KEY))
                        .build())
                .build();
    }

    private Map<String, AttributeValue> approvalItem(Approval approval) {
        Map<String, AttributeValue> item = new HashMap<>(keyOf(approval.approvalId()));
        item.put(RECORD, text(RecordJson.write(approval, TASK_TOKEN, TASK_ATTEMPT, DECISION, DELIVERED, NOTIFIED)));
        item.put(WAVE_ID, text(approval.waveId()));
        item.put(TASK_TOKEN, text(approval.taskToken()));
        item.put(TASK_ATTEMPT, text(RecordJson.text(approval.taskAttempt())));
        item.put(ATTEMPT_ORDER, number(approval.taskAttempt().order()));
        item.put(DECIDE_BEFORE, number(approval.expiresAt().toEpochMilli()));
        item.put(DELIVERED, Items.flag(approval.delivered()));
        item.put(NOTIFIED, Items.flag(approval.notified()));
        item.put(STATUS, text(approval.isDecided() ? statusOf(approval.decision()) : "WAITING"));
        if (approval.isDecided()) {
            item.put(DECISION, text(RecordJson.text(approval.decision())));
        } else {
            item.put(FerryTable.WAIT_STATE, text(AWAITING_DECISION));
            item.put(FerryTable.DEADLINE, number(approval.expiresAt().getEpochSecond()));
        }
        item.put(FerryTable.TIME_TO_LIVE, retention.expiresAt());
        return item;
    }

    private Map<String, AttributeValue> linkItem(Approval approval) {
        Map<String, AttributeValue> item = new HashMap<>(Items.key(wavePartition(approval.waveId()), SORT_KEY));
        item.put(APPROVAL_ID, text(approval.approvalId()));
        item.put(FerryTable.TIME_TO_LIVE, retention.expiresAt());
        return item;
    }

    private static Approval approvalOf(Map<String, AttributeValue> item) {
        ObjectNode fields = RecordJson.tree(item.get(RECORD).s());
        fields.put(TASK_TOKEN, item.get(TASK_TOKEN).s());
        String attempt = Items.textOf(item, TASK_ATTEMPT);
        if (attempt != null) {
            fields.set(TASK_ATTEMPT, RecordJson.parse(attempt));
        }
        fields.put(DELIVERED, item.get(DELIVERED).bool());
        fields.put(NOTIFIED, item.containsKey(NOTIFIED) && item.get(NOTIFIED).bool());
        String decision = Items.textOf(item, DECISION);
        if (decision != null) {
            fields.set(DECISION, RecordJson.parse(decision));
        }
        return RecordJson.read(fields, Approval.class);
    }

    private static String statusOf(Decision decision) {
        return decision.approved() ? "APPROVED" : "REJECTED";
    }

    private static Map<String, AttributeValue> keyOf(String approvalId) {
        return Items.key("APPROVAL#" + approvalId, SORT_KEY);
    }
}
