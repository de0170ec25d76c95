package dev.ferry.store;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Attribute values of the table's items, and the attribute names every kind of item shares. */
final class Items {

    /** The record itself, as JSON. */
    static final String RECORD = "record";
    /** Where the record stands, for conditions and for people reading the table. */
    static final String STATUS = "status";

    private Items() {
    }

    static AttributeValue text(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue flag(boolean value) {
        return AttributeValue.fromBool(value);
    }

    static Map<String, AttributeValue> key(String partition, String sort) {
        return Map.of(FerryTable.PARTITION_KEY, text(partition), FerryTable.SORT_KEY, text(sort));
    }

    /** The partition of a wave's items: the wave, its servers and its approval link. */
    static String wavePartition(String waveId) {
        return "WAVE#" + waveId;
    }

    /**
     * The consistent query for the items of a wave's partition whose sort key starts with {@code sortKeyPrefix}:
     * one kind of item of the wave, e.g. its servers.
     */
    static QueryRequest waveItemsQuery(String tableName, String waveId, String sortKeyPrefix) {
        return QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", FerryTable.PARTITION_KEY, "#sk", FerryTable.SORT_KEY))
                .expressionAttributeValues(Map.of(":pk", text(wavePartition(waveId)), ":prefix", text(sortKeyPrefix)))
                .consistentRead(true)
                .build();
    }

    /** The string attribute {@code name} of the item, or null when the item has none. */
    static String textOf(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
