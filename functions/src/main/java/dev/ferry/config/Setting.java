package dev.ferry.config;

/**
 * Every environment variable a Ferry function reads. template.yaml declares each one for exactly
 * the functions that read it (a test builds every handler to check both ways).
 */
public enum Setting {

    /** The region the function runs in, which its clients talk to; set by Lambda itself. */
    AWS_REGION,
    /** The Ferry table: waves, servers, waits, approvals, claims. */
    TABLE_NAME,
    /** How many days the table keeps an item after its last write (the stack's RecordRetentionDays). */
    RECORD_RETENTION_DAYS,
    /** The SNS topic people subscribe to for a wave's emails. */
    TOPIC_ARN,
    /** Where the approval pages are served; the approval emails link below it. */
    APPROVAL_BASE_URL,
    /** The bucket that keeps each wave's complete report. */
    REPORT_BUCKET,
    /** The stack's instance profile that InstallAgents may give an instance without one. */
    AGENT_INSTANCE_PROFILE_ARN,
    /** The CloudWatch namespace of Ferry's metrics (Powertools reads it too). */
    POWERTOOLS_METRICS_NAMESPACE,
    /** The service name in the logs, and the {@code Service} dimension of Ferry's metrics (Powertools reads it too). */
    POWERTOOLS_SERVICE_NAME
}
