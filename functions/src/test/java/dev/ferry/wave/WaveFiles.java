package dev.ferry.wave;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The wave definitions in the repository's {@code events/} folder, for tests. */
public final class WaveFiles {

    private WaveFiles() {
    }

    public static Path eventsFolder() {
        return Path.of(System.getProperty("ferry.projectRoot", "..")).resolve("events");
    }

    public static Path path(String fileName) {
        return eventsFolder().resolve(fileName);
    }

    public static ObjectNode read(String fileName) {
        return (ObjectNode) readTree(path(fileName));
    }

    public static WaveDefinition parse(String fileName) {
        return WaveDefinitionParser.parse(read(fileName));
    }

    /** Every {@code events/*wave*.json} file name. */
    public static List<String> allWaveFileNames() {
        try (Stream<Path> files = Files.list(eventsFolder())) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.contains("wave") && name.endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readTree(Path file) {
        try {
            return Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
