package dev.ferry.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    /**
     * The controller's JSON settings, without {@code isX()} methods: those are derived from the
     * fields ({@code isActive()}, {@code isDecided()}), and a stored copy would go stale.
     */
    private static final ObjectMapper WRITER = Json.mapper().copy()
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);

    private RecordJson() {
    }

    /** The record as JSON, without the fields named. */
    static String write(Object record, String... fieldsKeptElsewhere) {
        ObjectNode node = WRITER.valueToTree(record);
        node.remove(List.of(fieldsKeptElsewhere));
        return text(node);
    }

    /** Any value as JSON text. */
    static String text(Object value) {
        try {
            return WRITER.writeValueAsString(value);
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

    static <T> T read(String json, Class<T> type) {
        return read(parse(json), type);
    }

    static <T> T read(JsonNode node, Class<T> type) {
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
