package dev.ferry.metrics;

import dev.ferry.server.Stage;
import dev.ferry.server.WaveStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Emits the metrics of each stage of a wave once, when every server is done with it: the
 * servers per outcome and the stage's duration, both from the server records, so that a stage
 * invoked in a loop (validation every 30 seconds, agent installation, the DNS steps) or retried
 * counts what happened to the servers, not how often a function ran.
 *
 * <p>Exactly-once is bounded by a conditional write: a stage's metrics are emitted only by the
 * caller that wins {@link MeasuredStages#claim}, so a retry, a duplicate or an invocation that
 * Step Functions gave up on while it ran on finds the claim taken and emits nothing. The claim
 * comes before the metric line: a crash between the two loses that stage's line rather than
 * counting its servers twice (a count that claims to count servers must never exceed them).
 */
public final class StageMeasurement {

    private static final Logger LOG = LoggerFactory.getLogger(StageMeasurement.class);

    private final WaveStore waves;
    private final MeasuredStages measured;
    private final WaveMetrics metrics;

    public StageMeasurement(WaveStore waves, MeasuredStages measured, WaveMetrics metrics) {
        this.waves = waves;
        this.measured = measured;
        this.metrics = metrics;
    }

    /** Emits the metrics of every stage of the wave that has finished since the last call. Returns those stages. */
    public List<FinishedStage> measure(String waveId) {
        Set<Stage> already = measured.of(waveId);
        List<FinishedStage> emitted = new ArrayList<>();
        for (FinishedStage stage : FinishedStage.in(waves.servers(waveId))) {
            if (!already.contains(stage.stage()) && measured.claim(waveId, stage.stage())) {
                metrics.finishedStage(waveId, stage);
                emitted.add(stage);
                LOG.info("Stage {} of wave {} finished in {} s: {} passed, {} failed, {} left out", stage.stage(),
                        waveId, stage.duration().toSeconds(), stage.count(StageOutcome.PASSED),
                        stage.count(StageOutcome.FAILED), stage.count(StageOutcome.LEFT_OUT));
            }
        }
        return emitted;
    }
}
