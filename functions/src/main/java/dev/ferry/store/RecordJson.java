package dev.ferry.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.json.Json;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Records as the JSON of an item's {@value Items#RECORD} attribute. Fields that conditional
 * updates change are kept in attributes of their own and left out of the JSON, so that the item
 * never holds two different values for one field; reading puts them back.
 */
final class RecordJson {

    private RecordJson() {
    }

    /** The record as JSON, without the fields named. */
    static String write(Object record, String... fieldsKeptElsewhere) {
        ObjectNode node = Json.mapper().valueToTree(record);
        node.remove(List.of(fieldsKeptElsewhere));
        return text(node);
    }

    /** Any value as JSON text. */
    static String text(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON of a record, to complete with the fields kept elsewhere before {@link #read}. */
    static ObjectNode tree(String json) {
        return (ObjectNode) parse(json);
    }

    static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(JsonNode node, Class<T> type) {
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
