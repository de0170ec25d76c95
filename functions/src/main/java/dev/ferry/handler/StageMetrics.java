package dev.ferry.handler;

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

    private StageMetrics() {
    }

    static void record(String stage, String outcome) {
        Metrics metrics = MetricsFactory.getMetricsInstance();
        metrics.flushSingleMetric(outcome, 1, MetricUnit.COUNT,
                Settings.find("POWERTOOLS_METRICS_NAMESPACE").orElse("Ferry"), DimensionSet.of("Stage", stage));
    }
}
