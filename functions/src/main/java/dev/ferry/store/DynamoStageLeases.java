package dev.ferry.store;

import static dev.ferry.store.Items.number;
import static dev.ferry.store.Items.text;

import dev.ferry.server.Stage;
import dev.ferry.server.StageLeases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Stage leases as items {@code STAGELEASE#<waveId>} / {@code <stage>} holding the holder and the
 * lease's end; taken and given back with conditional writes.
 */
public final class DynamoStageLeases implements StageLeases {

    private static final String HOLDER = "holder";
    private static final String LEASE_UNTIL = "leaseUntil";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Retention retention;

    public DynamoStageLeases(DynamoDbClient dynamoDb, String tableName, Clock clock, Duration retention) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = new Retention(clock, retention);
    }

    @Override
    public boolean tryTake(String waveId, Stage stage, String holder, Instant now, Duration lease) {
        Map<String, AttributeValue> item = new HashMap<>(keyOf(waveId, stage));
        item.put(HOLDER, text(holder));
        item.put(LEASE_UNTIL, number(now.plus(lease).toEpochMilli()));
        item.put(FerryTable.TIME_TO_LIVE, retention.expiresAt());
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(item)
                    .conditionExpression("attribute_not_exists(#until) OR #until <= :now OR #holder = :holder")
                    .expressionAttributeNames(Map.of("#until", LEASE_UNTIL, "#holder", HOLDER))
                    .expressionAttributeValues(Map.of(":now", number(now.toEpochMilli()), ":holder", text(holder))));
            return true;
        } catch (ConditionalCheckFailedException held) {
            return false;
        }
    }

    @Override
    public void giveBack(String waveId, Stage stage, String holder) {
        try {
            dynamoDb.deleteItem(delete -> delete.tableName(tableName)
                    .key(keyOf(waveId, stage))
                    .conditionExpression("#holder = :holder")
                    .expressionAttributeNames(Map.of("#holder", HOLDER))
                    .expressionAttributeValues(Map.of(":holder", text(holder))));
        } catch (ConditionalCheckFailedException lapsedAndTaken) {
            // The lease lapsed and another holder took it: it is theirs to give back.
        }
    }

    private static Map<String, AttributeValue> keyOf(String waveId, Stage stage) {
        return Items.key("STAGELEASE#" + waveId, stage.name());
    }
}
