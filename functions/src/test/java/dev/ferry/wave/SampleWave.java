package dev.ferry.wave;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A valid wave that uses every field the parser knows at least once ({@code every-field-wave.json}
 * beside this class), and edits of it by path, so that a test can change one field and see what the
 * parser and the schema make of it.
 */
final class SampleWave {

    private SampleWave() {
    }

    /** A fresh copy of the wave that uses every field. */
    static ObjectNode everyField() {
        try (InputStream in = SampleWave.class.getResourceAsStream("every-field-wave.json")) {
            return (ObjectNode) Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value at a parser-style path, or null when there is none. */
    static JsonNode get(JsonNode wave, String path) {
        JsonNode node = wave;
        for (Object segment : WavePaths.parse(path)) {
            if (node == null) {
                return null;
            }
            node = segment instanceof Integer index ? node.get(index) : node.get((String) segment);
        }
        return node;
    }

    /** Sets the value at a path whose parent exists; an array index must exist already. */
    static void set(JsonNode wave, String path, JsonNode value) {
        List<Object> segments = WavePaths.parse(path);
        JsonNode parent = get(wave, WavePaths.format(segments.subList(0, segments.size() - 1)));
        Object last = segments.getLast();
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    static void remove(JsonNode wave, String path) {
        List<Object> segments = WavePaths.parse(path);
        JsonNode parent = get(wave, WavePaths.format(segments.subList(0, segments.size() - 1)));
        Object last = segments.getLast();
        if (last instanceof Integer index) {
            ((ArrayNode) parent).remove(index);
        } else {
            ((ObjectNode) parent).remove((String) last);
        }
    }

    /** Renames the first key of the object at {@code path}, keeping its value and the order of the others. */
    static void renameFirstKey(JsonNode wave, String path, String newKey) {
        ObjectNode object = (ObjectNode) get(wave, path);
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        boolean first = true;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            entries.put(first ? newKey : field.getKey(), field.getValue());
            first = false;
        }
        object.removeAll();
        entries.forEach(object::set);
    }
}
