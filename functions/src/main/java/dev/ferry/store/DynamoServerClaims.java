package dev.ferry.store;

import static dev.ferry.store.Items.text;
import static dev.ferry.store.Items.textOf;

import dev.ferry.server.ServerClaim;
import dev.ferry.server.ServerClaims;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Server claims as items {@code CLAIM#<server>} / {@code CLAIM} holding the wave, its execution and
 * the wave's name for the server. A refused write returns the item that refused it, so finding
 * the holder costs no extra read.
 */
public final class DynamoServerClaims implements ServerClaims {

    private static final String SORT_KEY = "CLAIM";
    private static final String WAVE_ID = "waveId";
    private static final String EXECUTION_ARN = "executionArn";
    private static final String LABEL = "label";
    /** How often a claim is tried when its holder gives it back between each write and read. */
    private static final int MAX_ATTEMPTS = 3;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Retention retention;

    public DynamoServerClaims(DynamoDbClient dynamoDb, String tableName, Clock clock, Duration retention) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = new Retention(clock, retention);
    }

    @Override
    public ServerClaim claim(ServerClaim claim) {
        for (int attempt = 1; ; attempt++) {
            try {
                put(claim, "attribute_not_exists(#execution) OR #execution = :mine",
                        Map.of(":mine", text(claim.executionArn())));
                return claim;
            } catch (ConditionalCheckFailedException refused) {
                Optional<ServerClaim> holder = holderAfter(refused, claim.key());
                if (holder.isPresent()) {
                    return holder.get();
                }
                // The holder gave the server back between the write and the read: it is free, try again.
                if (attempt == MAX_ATTEMPTS) {
                    throw new IllegalStateException("The claim on " + claim.key() + " was refused " + MAX_ATTEMPTS
                            + " times by a holder that is gone each time");
                }
            }
        }
    }

    @Override
    public ServerClaim takeOver(ServerClaim claim, ServerClaim stale) {
        try {
            put(claim, "#execution = :stale", Map.of(":stale", text(stale.executionArn())));
            return claim;
        } catch (ConditionalCheckFailedException refused) {
            // Another execution took it first, or the stale one gave it back and it is free to claim.
            return holderAfter(refused, claim.key()).orElseGet(() -> claim(claim));
        }
    }

    @Override
    public void release(String key, String executionArn) {
        try {
            dynamoDb.deleteItem(delete -> delete.tableName(tableName)
                    .key(keyOf(key))
                    .conditionExpression("#execution = :mine")
                    .expressionAttributeNames(Map.of("#execution", EXECUTION_ARN))
                    .expressionAttributeValues(Map.of(":mine", text(executionArn))));
        } catch (ConditionalCheckFailedException notHeld) {
            // Already given back, or taken over after this execution ended: not this execution's to release.
        }
    }

    private void put(ServerClaim claim, String condition, Map<String, AttributeValue> values) {
        dynamoDb.putItem(put -> put.tableName(tableName)
                .item(itemOf(claim))
                .conditionExpression(condition)
                .expressionAttributeNames(Map.of("#execution", EXECUTION_ARN))
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
    }

    /** Who held the server when a write was refused, read again when the refusal does not say; empty when free. */
    private Optional<ServerClaim> holderAfter(ConditionalCheckFailedException refused, String key) {
        return refused.hasItem() && !refused.item().isEmpty() ? Optional.of(claimOf(key, refused.item())) : find(key);
    }

    private Optional<ServerClaim> find(String key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(keyOf(key)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(claimOf(key, item));
    }

    private Map<String, AttributeValue> itemOf(ServerClaim claim) {
        Map<String, AttributeValue> item = new HashMap<>(keyOf(claim.key()));
        item.put(WAVE_ID, text(claim.waveId()));
        item.put(EXECUTION_ARN, text(claim.executionArn()));
        item.put(LABEL, text(claim.label()));
        item.put(FerryTable.TIME_TO_LIVE, retention.expiresAt());
        return item;
    }

    private static ServerClaim claimOf(String key, Map<String, AttributeValue> item) {
        return new ServerClaim(key, textOf(item, WAVE_ID), textOf(item, EXECUTION_ARN), textOf(item, LABEL));
    }

    private static Map<String, AttributeValue> keyOf(String key) {
        return Items.key("CLAIM#" + key, SORT_KEY);
    }
}
