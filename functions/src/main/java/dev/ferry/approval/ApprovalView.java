package dev.ferry.approval;

import java.time.Instant;

/**
 * What the approval page may show of an approval: everything but the task token, which this type
 * has no field for, so that no page can print it.
 *
 * @param waveId    the wave
 * @param waveName  the wave's name
 * @param summary   the plain-text summary of the cutover
 * @param expiresAt until when it can be decided
 */
public record ApprovalView(String waveId, String waveName, String summary, Instant expiresAt) {

    public static ApprovalView of(Approval approval) {
        return new ApprovalView(approval.waveId(), approval.waveName(), approval.summary(), approval.expiresAt());
    }
}
