package dev.ferry.stage.approval;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The input of the NotApproved stage, reached when the cutover approval was refused or never came.
 *
 * @param waveId the wave
 * @param reason {@code REJECTED} or {@code TIMED_OUT}
 * @param error  what the state machine caught: {@code {"Error": ..., "Cause": ...}}, or null
 */
public record NotApprovedRequest(String waveId, String reason, JsonNode error) {

    /** Whether a person rejected the cutover (otherwise the approval timed out). */
    public boolean isRejected() {
        return "REJECTED".equals(reason);
    }
}
