package dev.ferry.wave;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code docs/wave-definition.schema.json}, the JSON Schema editors check wave files against,
 * loaded with a draft 2020-12 validator for tests. Its complaints carry the same paths as the
 * parser's problems ({@code servers[1].sourceServerId}, {@code launch.tags["Project"]}), so that
 * the two can be compared.
 */
final class WaveSchema {

    /** Keywords whose error is reported at the object, naming the property it is about. */
    private static final Set<String> KEYWORDS_ABOUT_A_PROPERTY = Set.of("required", "additionalProperties",
            "propertyNames");

    private static final JsonNode DOCUMENT = WaveFiles.readTree(file());
    private static final Schema SCHEMA =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(DOCUMENT);

    private WaveSchema() {
    }

    static Path file() {
        return Path.of(System.getProperty("ferry.projectRoot", "..")).resolve("docs/wave-definition.schema.json");
    }

    /** The schema document itself. */
    static JsonNode document() {
        return DOCUMENT;
    }

    /** The schema's complaints about a wave definition; empty when it validates. */
    static List<Complaint> complaints(JsonNode wave) {
        List<Complaint> complaints = new ArrayList<>();
        for (Error error : SCHEMA.validate(wave)) {
            complaints.add(new Complaint(location(error), error.getKeyword(), error.getMessage()));
        }
        return complaints;
    }

    static boolean accepts(JsonNode wave) {
        return complaints(wave).isEmpty();
    }

    private static List<Object> location(Error error) {
        NodePath path = error.getInstanceLocation();
        List<Object> segments = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            segments.add(path.getElement(i));
        }
        if (error.getProperty() != null && KEYWORDS_ABOUT_A_PROPERTY.contains(error.getKeyword())) {
            segments.add(error.getProperty());
        }
        return segments;
    }

    /**
     * One complaint of the schema.
     *
     * @param location the instance's path as segments: field names and array indexes
     * @param keyword  the schema keyword that failed, such as {@code pattern}
     * @param message  the validator's message
     */
    record Complaint(List<Object> location, String keyword, String message) {

        /** The location as the parser writes paths. */
        String path() {
            return WavePaths.format(location);
        }

        @Override
        public String toString() {
            return (location.isEmpty() ? "$" : path()) + " (" + keyword + "): " + message;
        }
    }
}
