package dev.ferry.approval;

import java.time.Instant;

/**
 * What the RequestApproval function answers. Step Functions ignores it (the task ends with the
 * decision's callback); it only tells the logs what happened. The approval ID is left out on
 * purpose: whoever holds it can decide, so it travels only in the email.
 *
 * @param waveId    the wave
 * @param expiresAt until when the approval can be decided
 * @param emailSent whether this request sent the approval email (false when a retried task reused the approval)
 */
public record ApprovalRequested(String waveId, Instant expiresAt, boolean emailSent) {
}
