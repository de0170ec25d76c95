package dev.ferry.approval;

import dev.ferry.sfn.TaskAttempt;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An approval store in memory with the semantics of the real one: one approval per wave, a
 * decision recorded at most once and only before expiry. It counts writes, so that tests can show
 * that a request changed nothing.
 */
public class InMemoryApprovalStore implements ApprovalStore {

    private final Map<String, Approval> approvals = new HashMap<>();
    private final Map<String, String> approvalOfWave = new HashMap<>();
    private int writes;

    /** Puts an approval as if it had been stored earlier; not counted as a write. */
    public void seed(Approval approval) {
        approvals.put(approval.approvalId(), approval);
        approvalOfWave.put(approval.waveId(), approval.approvalId());
    }

    /** The stored approval; fails the test when there is none. */
    public Approval get(String approvalId) {
        Approval approval = approvals.get(approvalId);
        if (approval == null) {
            throw new AssertionError("No approval " + approvalId);
        }
        return approval;
    }

    /** The wave's approval, if one was stored. */
    public Optional<Approval> ofWave(String waveId) {
        return Optional.ofNullable(approvalOfWave.get(waveId)).map(approvals::get);
    }

    public int size() {
        return approvals.size();
    }

    /** How many times the store was changed since it was built. */
    public int writes() {
        return writes;
    }

    @Override
    public Approval createForWave(Approval approval) {
        String existing = approvalOfWave.get(approval.waveId());
        if (existing != null) {
            return approvals.get(existing);
        }
        writes++;
        seed(approval);
        return approval;
    }

    @Override
    public Optional<Approval> find(String approvalId) {
        return Optional.ofNullable(approvals.get(approvalId));
    }

    @Override
    public boolean replaceTaskToken(String approvalId, String taskToken, TaskAttempt attempt) {
        Approval a = get(approvalId);
        if (!attempt.isLaterThan(a.taskAttempt())) {
            return false;
        }
        writes++;
        approvals.put(approvalId, new Approval(a.approvalId(), a.waveId(), a.waveName(), a.summary(), taskToken,
                attempt, a.createdAt(), a.expiresAt(), a.decision(), a.delivered(), a.notified()));
        return true;
    }

    @Override
    public int waitingForDecision(Instant now) {
        return (int) approvals.values().stream().filter(a -> !a.isDecided() && !a.isExpired(now)).count();
    }

    @Override
    public boolean decide(String approvalId, Decision decision) {
        Approval a = get(approvalId);
        if (a.isDecided() || a.isExpired(decision.decidedAt())) {
            return false;
        }
        writes++;
        approvals.put(approvalId, new Approval(a.approvalId(), a.waveId(), a.waveName(), a.summary(), a.taskToken(),
                a.taskAttempt(), a.createdAt(), a.expiresAt(), decision, false, a.notified()));
        return true;
    }

    @Override
    public void markDelivered(String approvalId) {
        Approval a = get(approvalId);
        writes++;
        approvals.put(approvalId, new Approval(a.approvalId(), a.waveId(), a.waveName(), a.summary(), a.taskToken(),
                a.taskAttempt(), a.createdAt(), a.expiresAt(), a.decision(), true, a.notified()));
    }

    @Override
    public void markNotified(String approvalId) {
        Approval a = get(approvalId);
        writes++;
        approvals.put(approvalId, new Approval(a.approvalId(), a.waveId(), a.waveName(), a.summary(), a.taskToken(),
                a.taskAttempt(), a.createdAt(), a.expiresAt(), a.decision(), a.delivered(), true));
    }
}
