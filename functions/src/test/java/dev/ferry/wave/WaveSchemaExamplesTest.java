package dev.ferry.wave;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every wave file of the repository against {@code docs/wave-definition.schema.json}: what the
 * parser accepts the schema accepts, and each invalid example fails both, the schema finding each
 * of the parser's problems at the same path, except the problems of rules no JSON Schema can
 * state (listed below, file by file).
 */
class WaveSchemaExamplesTest {

    /**
     * The parser's problems in the invalid examples that the schema cannot see, because they come
     * from rules a JSON Schema cannot express: an ID or email listed twice in different entries
     * (or in another case), DNS steps that do not rise. See {@link WaveSchemaAgreementTest} for the
     * whole list of such rules.
     */
    private static final Map<String, Set<String>> BEYOND_THE_SCHEMA = Map.of(
            "invalid-wave-identifiers.json", Set.of(
                    "servers[2].sourceServerId: \"s-13a5b49c3810fa449\" is listed twice (first as servers[0].sourceServerId)"),
            "invalid-wave-validation-and-limits.json", Set.of(
                    "approvers[2]: \"OPS@example.com\" is listed twice (first as approvers[0])"),
            "invalid-wave-network-and-dns.json", Set.of(
                    "dns.steps: must rise from step to step, not [50, 10, 90]"));

    static Stream<Path> validWaveFiles() {
        Stream<Path> events = WaveEventFilesTest.validWaveFiles().stream().map(WaveFiles::path);
        return Stream.concat(events, rehearsalWaveFiles().stream());
    }

    static List<String> invalidWaveFiles() {
        return WaveEventFilesTest.invalidWaveFiles();
    }

    private static List<Path> rehearsalWaveFiles() {
        try (Stream<Path> files = Files.list(WaveFiles.eventsFolder().resolve("rehearsal"))) {
            return files.filter(file -> file.getFileName().toString().endsWith("-wave.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theRehearsalWaveFilesAreAmongTheExamples() {
        assertThat(rehearsalWaveFiles()).extracting(file -> file.getFileName().toString())
                .contains("happy-path-wave.json", "network-wave.json", "dns-rollback-wave.json");
    }

    @ParameterizedTest
    @MethodSource("validWaveFiles")
    void aWaveFileTheParserAcceptsValidatesAgainstTheSchema(Path file) {
        JsonNode wave = WaveFiles.readTree(file);
        assertThatCode(() -> WaveDefinitionParser.parse(wave)).as("the parser accepts " + file).doesNotThrowAnyException();

        assertThat(WaveSchema.complaints(wave)).as("the schema's complaints about " + file).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("invalidWaveFiles")
    void anInvalidWaveFileFailsTheParserAndTheSchema(String fileName) {
        JsonNode wave = WaveFiles.read(fileName);

        assertThatThrownBy(() -> WaveDefinitionParser.parse(wave)).isInstanceOf(InvalidWaveException.class);
        assertThat(WaveSchema.accepts(wave)).as("the schema accepts " + fileName).isFalse();
    }

    @ParameterizedTest
    @MethodSource("invalidWaveFiles")
    void theSchemaFindsEachProblemOfAnInvalidWaveFileWhereTheParserFindsIt(String fileName) {
        JsonNode wave = WaveFiles.read(fileName);
        Set<String> beyondTheSchema = BEYOND_THE_SCHEMA.getOrDefault(fileName, Set.of());
        List<WaveSchema.Complaint> complaints = WaveSchema.complaints(wave);

        List<ValidationProblem> problems = parserProblems(wave);

        assertThat(problems).extracting(ValidationProblem::line).as("problems listed as beyond the schema in "
                + fileName).containsAll(beyondTheSchema);
        assertThat(problems).filteredOn(problem -> !beyondTheSchema.contains(problem.line()))
                .allSatisfy(problem -> assertThat(complaints)
                        .as("%s: the parser finds \"%s\"; the schema complains only about: %s", fileName,
                                problem.line(), complaints)
                        .anySatisfy(complaint -> assertThat(isAtTheSamePlace(complaint.location(),
                                WavePaths.parse(problem.path()))).isTrue()));
    }

    /**
     * Whether a complaint of the schema is about the same place as a problem the parser found: its
     * path or a field inside it, or, for a rule between the fields of one object (which the parser
     * reports at one field and the schema at the object or at another field), the same object.
     */
    private static boolean isAtTheSamePlace(List<Object> complaint, List<Object> problem) {
        if (startsWith(complaint, problem)) {
            return true;
        }
        List<Object> object = problem.subList(0, Math.max(problem.size() - 1, 0));
        return !object.isEmpty() && startsWith(complaint, object) && complaint.size() <= problem.size();
    }

    private static boolean startsWith(List<Object> path, List<Object> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    private static List<ValidationProblem> parserProblems(JsonNode wave) {
        try {
            WaveDefinitionParser.parse(wave);
            return List.of();
        } catch (InvalidWaveException e) {
            return e.problems();
        }
    }
}
