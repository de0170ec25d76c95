package dev.ferry.handler;

import dev.ferry.config.Setting;
import dev.ferry.config.Settings;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * One CloudWatch metric (embedded metric format, through Powertools) per stage invocation:
 * {@code StageSucceeded} or {@code StageFailed}, with the stage as dimension, so that a dashboard
 * or alarm can watch each stage's failures.
 */
final class StageMetrics {

    static final String SUCCEEDED = "StageSucceeded";
    static final String FAILED = "StageFailed";
    /** The namespace template.yaml gives Powertools ({@code POWERTOOLS_METRICS_NAMESPACE}), read once. */
    private static final String NAMESPACE = Settings.fromEnvironment().find(Setting.POWERTOOLS_METRICS_NAMESPACE)
            .orElse("Ferry");

    private StageMetrics() {
    }

    static void record(String stage, String outcome) {
        Metrics metrics = MetricsFactory.getMetricsInstance();
        metrics.flushSingleMetric(outcome, 1, MetricUnit.COUNT,
                NAMESPACE, DimensionSet.of("Stage", stage));
    }
}
