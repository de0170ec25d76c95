package dev.ferry.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.Stage;
import dev.ferry.testing.InMemoryWaveStore;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ferry.metrics.FinishedStageTest.minute;
import static dev.ferry.metrics.FinishedStageTest.through;
import static org.assertj.core.api.Assertions.assertThat;

class StageMeasurementTest {

    private final InMemoryWaveStore waves = new InMemoryWaveStore();
    private final InMemoryMeasuredStages measured = new InMemoryMeasuredStages();
    private final StageMeasurement measurement =
            new StageMeasurement(waves, measured, new WaveMetrics("Ferry", "ferry"));

    @Test
    void aStageInvokedInALoopIsCountedOnceWhenItsLastServerIsDoneNotOnEveryTurn() {
        ServerRecord validated = through("s-1", 0, Stage.PREPARE_LAUNCH, Stage.REPLICATION, Stage.TEST_LAUNCH,
                Stage.TEST_VALIDATION);
        ServerRecord validating = through("s-2", 0, Stage.PREPARE_LAUNCH, Stage.REPLICATION, Stage.TEST_LAUNCH,
                Stage.TEST_VALIDATION);
        waves.putServers(List.of(validated, validating));
        measurement.measure("media-1");

        List<JsonNode> whileValidating = EmfLines.during(() -> measurement.measure("media-1"));
        waves.putServers(List.of(validated.enteringStage(Stage.READY_FOR_CUTOVER, minute(10)),
                validating.failed("probe tcp 22 refused", minute(12))));
        List<JsonNode> onceDone = EmfLines.during(() -> measurement.measure("media-1"));
        List<JsonNode> nextTurn = EmfLines.during(() -> measurement.measure("media-1"));

        assertThat(whileValidating).isEmpty();
        assertThat(outcomes(onceDone, "TEST_VALIDATION")).containsExactlyInAnyOrder("PASSED=1", "FAILED=1", "LEFT_OUT=0");
        assertThat(nextTurn).isEmpty();
    }

    @Test
    void aRetriedInvocationFindsTheStageClaimedAndCountsNoServerTwice() {
        waves.putServers(List.of(through("s-1", 0, Stage.PREPARE_LAUNCH, Stage.REPLICATION),
                through("s-2", 0, Stage.PREPARE_LAUNCH, Stage.REPLICATION)));
        StageMeasurement retry = new StageMeasurement(waves, measured, new WaveMetrics("Ferry", "ferry"));

        List<JsonNode> first = EmfLines.during(() -> measurement.measure("media-1"));
        List<JsonNode> retried = EmfLines.during(() -> retry.measure("media-1"));

        assertThat(outcomes(first, "PREFLIGHT")).contains("PASSED=2");
        assertThat(outcomes(first, "PREPARE_LAUNCH")).contains("PASSED=2");
        assertThat(retried).isEmpty();
    }

    @Test
    void aStageClaimedByAnotherCallerSinceTheListWasReadIsLeftToThatCaller() {
        waves.putServers(List.of(through("s-1", 0, Stage.PREPARE_LAUNCH, Stage.REPLICATION)));
        MeasuredStages claimedMeanwhile = new MeasuredStages() {
            @Override
            public java.util.Set<Stage> of(String waveId) {
                return java.util.Set.of();
            }

            @Override
            public boolean claim(String waveId, Stage stage) {
                return stage != Stage.PREFLIGHT && measured.claim(waveId, stage);
            }
        };
        StageMeasurement racing = new StageMeasurement(waves, claimedMeanwhile, new WaveMetrics("Ferry", "ferry"));

        List<FinishedStage> emitted = racing.measure("media-1");

        assertThat(emitted).extracting(FinishedStage::stage).containsExactly(Stage.PREPARE_LAUNCH);
    }

    @Test
    void eachFinishedStageGivesItsDurationOnce() {
        waves.putServers(List.of(through("s-1", 0, Stage.PREPARE_LAUNCH, Stage.REPLICATION)));

        List<JsonNode> lines = EmfLines.during(() -> measurement.measure("media-1"));

        assertThat(lines).filteredOn(line -> line.has(MetricNames.STAGE_DURATION))
                .extracting(line -> line.path("Stage").asText() + "=" + line.path(MetricNames.STAGE_DURATION).asLong())
                .containsExactly("PREFLIGHT=60", "PREPARE_LAUNCH=60");
    }

    private static List<String> outcomes(List<JsonNode> lines, String stage) {
        return lines.stream()
                .filter(line -> line.has(MetricNames.STAGE_OUTCOMES) && line.path("Stage").asText().equals(stage))
                .map(line -> line.path("Outcome").asText() + "=" + line.path(MetricNames.STAGE_OUTCOMES).asInt())
                .toList();
    }
}
