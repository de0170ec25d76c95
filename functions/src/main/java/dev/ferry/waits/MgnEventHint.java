package dev.ferry.waits;

/**
 * What an MGN event says, as a hint that a wait may have moved. Never trusted as the truth: the
 * evaluation reads MGN's current state.
 *
 * @param detailType     which event
 * @param sourceServerId the server it is about
 * @param state          {@code detail.state}, e.g. TEST_LAUNCH_SUCCEEDED, READY_FOR_TEST, STALLED
 * @param jobId          {@code detail.job-id} of a launch result, or null
 */
public record MgnEventHint(MgnEventType detailType, String sourceServerId, String state, String jobId) {
}
