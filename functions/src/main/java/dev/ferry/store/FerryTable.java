package dev.ferry.store;

import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The controller's one DynamoDB table: the names of its keys, index and time-to-live attribute,
 * and its definition for DynamoDB Local (the tests and the offline rehearsal). The table deployed
 * by template.yaml has the same keys, index, projection and billing mode.
 *
 * <p>The index {@value #UNRELEASED_WAITS_INDEX} is sparse: only wait items carry
 * {@value #WAIT_STATE}, and only until they are released, so the reconciler reads the waits that
 * still matter without scanning the table. Approvals carry it too, under a value of their own,
 * until they are decided (see {@code DynamoApprovalStore}).
 */
public final class FerryTable {

    /** Partition key (string), such as {@code WAVE#<waveId>}. */
    public static final String PARTITION_KEY = "pk";
    /** Sort key (string), such as {@code WAVE} or {@code SERVER#<sourceServerId>}. */
    public static final String SORT_KEY = "sk";
    /** Time-to-live attribute: epoch seconds after which DynamoDB may delete the item. */
    public static final String TIME_TO_LIVE = "expiresAt";
    /** The sparse index of waits not yet released. */
    public static final String UNRELEASED_WAITS_INDEX = "unreleased-waits";
    /** Partition key of the index (string): {@code UNRELEASED} while a wait is not released,
     *  {@code AWAITING_DECISION} while an approval is not decided, absent after. */
    public static final String WAIT_STATE = "waitState";
    /** Sort key of the index (number): the wait's deadline in epoch seconds. */
    public static final String DEADLINE = "deadline";
    /** How long an item stays after its last write unless a store is built with another period. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(180);

    private FerryTable() {
    }

    /** A request that creates the table as template.yaml declares it (on-demand, one sparse index). */
    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(PARTITION_KEY, ScalarAttributeType.S),
                        attribute(SORT_KEY, ScalarAttributeType.S),
                        attribute(WAIT_STATE, ScalarAttributeType.S),
                        attribute(DEADLINE, ScalarAttributeType.N))
                .keySchema(key(PARTITION_KEY, KeyType.HASH), key(SORT_KEY, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(UNRELEASED_WAITS_INDEX)
                        .keySchema(key(WAIT_STATE, KeyType.HASH), key(DEADLINE, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())
                .build();
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
