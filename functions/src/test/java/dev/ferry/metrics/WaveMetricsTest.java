package dev.ferry.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.server.Stage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaveMetricsTest {

    private final WaveMetrics metrics = new WaveMetrics("Ferry", "ferry");

    @Test
    void aFinishedStageCountsItsServersPerOutcomeUnderStageAndOutcomeAndUnderOutcomeAlone() {
        FinishedStage validation = new FinishedStage(Stage.TEST_VALIDATION,
                Map.of(StageOutcome.PASSED, 4, StageOutcome.FAILED, 1, StageOutcome.LEFT_OUT, 0),
                Duration.ofMinutes(12));

        List<JsonNode> lines = EmfLines.during(() -> metrics.finishedStage("media-1", validation));

        List<JsonNode> outcomes = lines.stream().filter(line -> line.has(MetricNames.STAGE_OUTCOMES)).toList();
        assertThat(outcomes).hasSize(3).allSatisfy(line -> {
            assertThat(directive(line).path("Namespace").asText()).isEqualTo("Ferry");
            assertThat(dimensionSets(line)).containsExactly(List.of("Service", "Stage", "Outcome"),
                    List.of("Service", "Outcome"));
            assertThat(line.path("Service").asText()).isEqualTo("ferry");
            assertThat(line.path("Stage").asText()).isEqualTo("TEST_VALIDATION");
            assertThat(line.path("waveId").asText()).isEqualTo("media-1");
            assertThat(unitOf(line, MetricNames.STAGE_OUTCOMES)).isEqualTo("Count");
        });
        assertThat(outcomes).extracting(line -> line.path("Outcome").asText() + "=" + line.path(MetricNames.STAGE_OUTCOMES).asInt())
                .containsExactlyInAnyOrder("PASSED=4", "FAILED=1", "LEFT_OUT=0");
    }

    @Test
    void aFinishedStageGivesItsDurationInSecondsUnderStage() {
        FinishedStage replication = new FinishedStage(Stage.REPLICATION,
                Map.of(StageOutcome.PASSED, 2, StageOutcome.FAILED, 0, StageOutcome.LEFT_OUT, 0),
                Duration.ofMinutes(95).plusSeconds(7));

        List<JsonNode> lines = EmfLines.during(() -> metrics.finishedStage("media-1", replication));

        JsonNode duration = lines.stream().filter(line -> line.has(MetricNames.STAGE_DURATION)).findFirst().orElseThrow();
        assertThat(duration.path(MetricNames.STAGE_DURATION).asLong()).isEqualTo(95 * 60 + 7);
        assertThat(unitOf(duration, MetricNames.STAGE_DURATION)).isEqualTo("Seconds");
        assertThat(dimensionSets(duration)).containsExactly(List.of("Service", "Stage"));
        assertThat(duration.path("Stage").asText()).isEqualTo("REPLICATION");
        assertThat(lines).hasSize(4);
    }

    @Test
    void aReplicationLagIsOneMetricForEveryServerWithTheWaveAndServerAsPropertiesNotDimensions() {
        List<JsonNode> lines = EmfLines.during(
                () -> metrics.replicationLag("media-1", "s-13a5b49c3810fa449", Duration.ofSeconds(42)));

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.path(MetricNames.REPLICATION_LAG).asDouble()).isEqualTo(42.0);
            assertThat(unitOf(line, MetricNames.REPLICATION_LAG)).isEqualTo("Seconds");
            assertThat(dimensionSets(line)).containsExactly(List.of("Service"));
            assertThat(line.path("sourceServerId").asText()).isEqualTo("s-13a5b49c3810fa449");
            assertThat(line.path("waveId").asText()).isEqualTo("media-1");
        });
    }

    @Test
    void theApprovalsWaitingAreAGaugeUnderServiceAlone() {
        List<JsonNode> lines = EmfLines.during(() -> metrics.approvalsWaiting(3));

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.path(MetricNames.APPROVALS_WAITING).asInt()).isEqualTo(3);
            assertThat(dimensionSets(line)).containsExactly(List.of("Service"));
        });
    }

    @Test
    void aBlankNamespaceIsRefusedByName() {
        assertThatThrownBy(() -> new WaveMetrics(" ", "ferry"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("namespace");
    }

    static JsonNode directive(JsonNode line) {
        return line.path("_aws").path("CloudWatchMetrics").get(0);
    }

    static List<List<String>> dimensionSets(JsonNode line) {
        List<List<String>> sets = new ArrayList<>();
        directive(line).path("Dimensions").forEach(set -> {
            List<String> names = new ArrayList<>();
            set.forEach(name -> names.add(name.asText()));
            sets.add(names);
        });
        return sets;
    }

    private static String unitOf(JsonNode line, String metric) {
        for (JsonNode definition : directive(line).path("Metrics")) {
            if (definition.path("Name").asText().equals(metric)) {
                return definition.path("Unit").asText();
            }
        }
        throw new AssertionError(metric + " is not defined in " + line);
    }
}
