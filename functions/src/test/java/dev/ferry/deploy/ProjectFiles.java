package dev.ferry.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ferry.testing.ProjectFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The repository's deployable files, found from the root Maven passes to the tests. */
final class ProjectFiles {

    private ProjectFiles() {
    }

    static Path root() {
        return ProjectFolder.root();
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    /**
     * The SAM template as a tree. CloudFormation's short-form tags ({@code !Ref}, {@code !Sub},
     * {@code !GetAtt}, {@code !If}) are read as their plain operand, which is all these tests need.
     */
    static JsonNode template() {
        return readYaml(path("template.yaml"));
    }

    /** The logical IDs of the template's functions, in template order. */
    static List<String> templateFunctions() {
        List<String> functions = new ArrayList<>();
        template().path("Resources").fields().forEachRemaining(entry -> {
            if (entry.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
                functions.add(entry.getKey());
            }
        });
        return functions;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readYaml(Path file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
