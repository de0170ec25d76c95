package dev.ferry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a set of wave files into one folder, all of them or none: existing files are refused
 * unless overwriting was asked for, and every file is written beside its target first, then
 * moved into place, so that a failure leaves no half-written wave behind.
 */
final class WaveFileWriter {

    /** Two-space indents, {@code "field": value} and one array element a line, as the project's wave files. */
    private static final ObjectWriter PRETTY = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private WaveFileWriter() {
    }

    /** The file a wave is written to: its name, which the wave format limits to letters, digits, - and _. */
    static Path fileOf(Path folder, String waveName) {
        return folder.resolve(waveName + ".json");
    }

    /** The existing files that writing these waves would replace. */
    static List<Path> existing(Path folder, List<String> waveNames) {
        return waveNames.stream().map(name -> fileOf(folder, name)).filter(Files::exists).toList();
    }

    /** The wave file's text: pretty-printed JSON ending with a line break. */
    static String text(ObjectNode definition) {
        try {
            return PRETTY.writeValueAsString(definition) + "\n";
        } catch (JsonProcessingException cannotHappen) {
            throw new UncheckedIOException("A JSON tree always prints", cannotHappen);
        }
    }

    /**
     * Writes every wave, replacing files of the same names. Every file is written in full before the
     * first is moved into place, so that a failure while writing (a full disk) leaves the folder as
     * it was; only the moves, renames within one folder, come after.
     */
    static List<Path> writeAll(Path folder, Map<String, ObjectNode> definitions) throws IOException {
        Files.createDirectories(folder);
        Map<Path, Path> staged = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, ObjectNode> wave : definitions.entrySet()) {
                Path target = fileOf(folder, wave.getKey());
                // Not Files.createTempFile: its owner-only permissions would stay on the wave file.
                Path temporary = folder.resolve("." + wave.getKey() + ".json.tmp");
                staged.put(temporary, target);
                Files.writeString(temporary, text(wave.getValue()), StandardCharsets.UTF_8);
            }
            List<Path> written = new ArrayList<>();
            for (Map.Entry<Path, Path> file : staged.entrySet()) {
                Files.move(file.getKey(), file.getValue(), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                written.add(file.getValue());
            }
            return written;
        } finally {
            for (Path temporary : staged.keySet()) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
