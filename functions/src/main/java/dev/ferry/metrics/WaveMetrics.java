package dev.ferry.metrics;

import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Writes Ferry's metrics as CloudWatch embedded metric format lines (through Powertools), which
 * Lambda's log pipeline turns into metrics: no PutMetricData call, no permission, no latency.
 * Each call writes its own line at once ({@link Metrics#flushMetrics}), so that nothing waits for
 * the end of an invocation and a line carries only its own metrics. Names and dimensions come
 * from {@link MetricNames}.
 */
public final class WaveMetrics {

    private final String namespace;
    private final String service;

    /**
     * Metrics in this CloudWatch namespace, each under the dimension {@code Service} with this value
     * (the functions get both from template.yaml, as {@code POWERTOOLS_METRICS_NAMESPACE} and
     * {@code POWERTOOLS_SERVICE_NAME}).
     */
    public WaveMetrics(String namespace, String service) {
        this.namespace = requireText(namespace, "namespace");
        this.service = requireText(service, "service name");
    }

    /**
     * One line per outcome of the stage, with the servers of that outcome (zero included, so that
     * a stage without failures shows as such), under {@code Stage} and {@code Outcome} and also
     * under {@code Outcome} alone, which sums every stage's failures for one alarm; and one line
     * with the stage's duration under {@code Stage}.
     */
    public void finishedStage(String waveId, FinishedStage stage) {
        String stageName = stage.stage().name();
        for (StageOutcome outcome : StageOutcome.values()) {
            emit(metrics -> {
                metrics.addDimension(dimensions(MetricNames.STAGE, stageName, MetricNames.OUTCOME, outcome.name()));
                metrics.addDimension(dimensions(MetricNames.OUTCOME, outcome.name()));
                metrics.addMetric(MetricNames.STAGE_OUTCOMES, stage.count(outcome), MetricUnit.COUNT);
                metrics.addMetadata(MetricNames.WAVE_PROPERTY, waveId);
            });
        }
        emit(metrics -> {
            metrics.addDimension(dimensions(MetricNames.STAGE, stageName));
            metrics.addMetric(MetricNames.STAGE_DURATION, stage.duration().toSeconds(), MetricUnit.SECONDS);
            metrics.addMetadata(MetricNames.WAVE_PROPERTY, waveId);
        });
    }

    /**
     * A server's replication lag as just read from MGN. One metric for every server of every wave
     * under {@code Service} alone (its maximum is the worst lag anywhere); the wave and the server are properties of the line.
     */
    public void replicationLag(String waveId, String sourceServerId, Duration lag) {
        emit(metrics -> {
            metrics.addDimension(dimensions());
            metrics.addMetric(MetricNames.REPLICATION_LAG, lag.toSeconds(), MetricUnit.SECONDS);
            metrics.addMetadata(MetricNames.WAVE_PROPERTY, waveId);
            metrics.addMetadata(MetricNames.SERVER_PROPERTY, sourceServerId);
        });
    }

    /** How many cutover approvals wait for a person's decision right now. */
    public void approvalsWaiting(int waiting) {
        emit(metrics -> {
            metrics.addDimension(dimensions());
            metrics.addMetric(MetricNames.APPROVALS_WAITING, waiting, MetricUnit.COUNT);
        });
    }

    /**
     * Writes one line. Powertools' default dimensions are cleared so that every dimension set is
     * exactly one of ours, the same in Lambda as anywhere else (left to itself, the EMF library adds
     * the log group and the function's name, which the dashboard cannot know).
     */
    private void emit(Consumer<Metrics> line) {
        MetricsFactory.getMetricsInstance().flushMetrics(metrics -> {
            metrics.setNamespace(namespace);
            metrics.clearDefaultDimensions();
            line.accept(metrics);
        });
    }

    /** {@code Service} and then these dimension names and values, in pairs. */
    private DimensionSet dimensions(String... namesAndValues) {
        DimensionSet set = DimensionSet.of(MetricNames.SERVICE, service);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            set.addDimension(namesAndValues[i], namesAndValues[i + 1]);
        }
        return set;
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The metrics " + what + " must not be blank");
        }
        return value;
    }
}
