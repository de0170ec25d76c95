package dev.ferry.metrics;

/**
 * The names of Ferry's CloudWatch metrics and of their dimensions, in one place: the code emits
 * them from here, and the test of template.yaml's dashboard and alarms reads them from here, so
 * that the dashboard cannot show a metric the functions do not emit.
 *
 * <p>Every dimension value is bounded (a stage, an outcome), never a wave or a server: each
 * distinct combination of dimensions is a custom metric billed by the month, and waves and
 * servers are unbounded. The wave and the server travel in each metric line as properties
 * instead, which CloudWatch Logs Insights can filter and group on.
 */
public final class MetricNames {

    /**
     * Servers that ended a stage of their wave, counted once per stage per wave ({@code Stage} and
     * {@code Outcome}, and {@code Outcome} alone).
     */
    public static final String STAGE_OUTCOMES = "StageOutcomes";
    /** Seconds a wave spent in a stage, from the first server entering it to the last leaving it ({@code Stage}). */
    public static final String STAGE_DURATION = "StageDuration";
    /** A server's replication lag in seconds, each time the controller reads it from MGN ({@code Service} only). */
    public static final String REPLICATION_LAG = "ReplicationLag";
    /** Cutover approvals emailed and neither decided nor expired, at each reconciler run ({@code Service} only). */
    public static final String APPROVALS_WAITING = "ApprovalsWaiting";

    /** Dimension of every metric: the functions' {@code POWERTOOLS_SERVICE_NAME} ({@code ferry}). */
    public static final String SERVICE = "Service";
    /** Dimension: the server stage ({@code dev.ferry.server.Stage} name, such as {@code TEST_VALIDATION}). */
    public static final String STAGE = "Stage";
    /** Dimension: a {@link StageOutcome} name. */
    public static final String OUTCOME = "Outcome";

    /** Property (not a dimension) naming the wave of a metric line. */
    public static final String WAVE_PROPERTY = "waveId";
    /** Property (not a dimension) naming the MGN source server of a replication lag line. */
    public static final String SERVER_PROPERTY = "sourceServerId";

    private MetricNames() {
    }
}
