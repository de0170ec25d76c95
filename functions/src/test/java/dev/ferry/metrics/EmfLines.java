package dev.ferry.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded metric format lines written to standard output while an action runs (the EMF
 * library prints them there when {@code AWS_EMF_ENVIRONMENT} is {@code Local}, as the functions'
 * tests run; in Lambda they go to the same place). Other output is kept apart.
 */
public final class EmfLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EmfLines() {
    }

    /** Runs the action and returns every EMF line it printed, parsed. */
    public static List<JsonNode> during(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            action.run();
        } finally {
            System.setOut(original);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.contains("\"_aws\"")) {
                lines.add(parse(line));
            } else if (!line.isBlank()) {
                original.println(line);
            }
        }
        return lines;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a JSON metric line: " + line, e);
        }
    }
}
