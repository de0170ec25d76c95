package dev.ferry.store;

import static dev.ferry.store.Items.RECORD;
import static dev.ferry.store.Items.STATUS;
import static dev.ferry.store.Items.text;
import static dev.ferry.store.Items.wavePartition;

import dev.ferry.agent.AgentInstallRecord;
import dev.ferry.agent.AgentInstallStore;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Agent installations in the Ferry table, in their wave's partition: {@code WAVE#<waveId>} /
 * {@code AGENT#<instanceId>}, so that one Query reads a wave's installations in instance ID order.
 * Each item holds the record as JSON, its state in {@value Items#STATUS} for people reading the
 * table, and its revision in an attribute of its own, which every replacement is conditioned on.
 */
public final class DynamoAgentInstallStore implements AgentInstallStore {

    static final String AGENT_PREFIX = "AGENT#";
    static final String REVISION = "revision";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Retention retention;

    /** A store that keeps items for {@code retention} after their last write, as told by {@code clock}. */
    public DynamoAgentInstallStore(DynamoDbClient dynamoDb, String tableName, Clock clock, Duration retention) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = new Retention(clock, retention);
    }

    @Override
    public AgentInstallRecord create(AgentInstallRecord install) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(item(install))
                    .conditionExpression("attribute_not_exists(" + FerryTable.PARTITION_KEY + ")"));
            return install;
        } catch (ConditionalCheckFailedException alreadyStored) {
            Map<String, AttributeValue> stored = dynamoDb.getItem(get -> get.tableName(tableName)
                    .key(key(install))
                    .consistentRead(true)).item();
            if (stored == null || stored.isEmpty()) {
                throw new IllegalStateException("The agent installation of " + install.instanceId() + " in wave "
                        + install.waveId() + " was stored and then vanished", alreadyStored);
            }
            return read(stored);
        }
    }

    @Override
    public boolean replace(AgentInstallRecord current, AgentInstallRecord next) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(item(next))
                    .conditionExpression("#revision = :current")
                    .expressionAttributeNames(Map.of("#revision", REVISION))
                    .expressionAttributeValues(Map.of(":current", Items.number(current.revision()))));
            return true;
        } catch (ConditionalCheckFailedException movedOn) {
            return false;
        }
    }

    @Override
    public List<AgentInstallRecord> installs(String waveId) {
        return dynamoDb.queryPaginator(Items.waveItemsQuery(tableName, waveId, AGENT_PREFIX)).items().stream()
                .map(DynamoAgentInstallStore::read).toList();
    }

    private Map<String, AttributeValue> item(AgentInstallRecord install) {
        Map<String, AttributeValue> item = new HashMap<>(key(install));
        item.put(STATUS, text(install.state().name()));
        item.put(REVISION, Items.number(install.revision()));
        item.put(RECORD, text(RecordJson.write(install, REVISION)));
        item.put(FerryTable.TIME_TO_LIVE, retention.expiresAt());
        return item;
    }

    private static Map<String, AttributeValue> key(AgentInstallRecord install) {
        return Items.key(wavePartition(install.waveId()), AGENT_PREFIX + install.instanceId());
    }

    private static AgentInstallRecord read(Map<String, AttributeValue> item) {
        var record = RecordJson.tree(item.get(RECORD).s());
        record.put(REVISION, Integer.parseInt(item.get(REVISION).n()));
        return RecordJson.read(record, AgentInstallRecord.class);
    }
}
