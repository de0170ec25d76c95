package dev.ferry.local.mgn.model;

/** The job {@code status}; MGN has no failed status, failure is per participating server. */
public enum JobStatus {
    PENDING, STARTED, COMPLETED
}
