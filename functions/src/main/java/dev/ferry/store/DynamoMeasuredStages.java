package dev.ferry.store;

import static dev.ferry.store.Items.text;

import dev.ferry.metrics.MeasuredStages;
import dev.ferry.server.Stage;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The stages of a wave whose metrics were emitted, as items {@code METRICS#<waveId>} /
 * {@code <stage>}: one per stage, written once with a condition on its absence, so that of two
 * callers only one can emit a stage's metrics.
 */
public final class DynamoMeasuredStages implements MeasuredStages {

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Retention retention;

    public DynamoMeasuredStages(DynamoDbClient dynamoDb, String tableName, Clock clock, Duration retention) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = new Retention(clock, retention);
    }

    @Override
    public Set<Stage> of(String waveId) {
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        dynamoDb.queryPaginator(query -> query.tableName(tableName)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", FerryTable.PARTITION_KEY))
                        .expressionAttributeValues(Map.of(":pk", text(partitionOf(waveId))))
                        .consistentRead(true))
                .items()
                .forEach(item -> stages.add(Stage.valueOf(item.get(FerryTable.SORT_KEY).s())));
        return stages;
    }

    @Override
    public boolean claim(String waveId, Stage stage) {
        Map<String, AttributeValue> item = new HashMap<>(Items.key(partitionOf(waveId), stage.name()));
        item.put(FerryTable.TIME_TO_LIVE, retention.expiresAt());
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", FerryTable.PARTITION_KEY)));
            return true;
        } catch (ConditionalCheckFailedException alreadyClaimed) {
            return false;
        }
    }

    private static String partitionOf(String waveId) {
        return "METRICS#" + waveId;
    }
}
