package dev.ferry.approval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.json.Json;
import dev.ferry.sfn.TaskCallbacks;
import dev.ferry.sfn.TaskCallbacks.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * Shows approvals and records decisions on them. Showing never decides: mail scanners open every
 * link in an email, so only an explicit submission records a decision. A decision is recorded
 * first and sent to the waiting task second; a decision recorded but not sent (a crash between
 * the two) is sent again by the next visit, and a recorded decision is never replaced.
 */
public class ApprovalService {

    /** The error name the state machine's Catch on the approval step matches. */
    public static final String REJECTED_ERROR = "ApprovalRejected";

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalService.class);
    /** The same log key the stage handlers use for the wave. */
    private static final String WAVE_LOG_KEY = "waveId";

    private final ApprovalStore approvals;
    private final TaskCallbacks callbacks;
    private final Clock clock;
    private final Consumer<Approval> onDelivered;

    public ApprovalService(ApprovalStore approvals, TaskCallbacks callbacks, Clock clock) {
        this(approvals, callbacks, clock, delivered -> { });
    }

    /**
     * @param onDelivered told of each decision once it has reached the waiting task (again when a
     *                    crash made it be sent twice), to publish it
     */
    public ApprovalService(ApprovalStore approvals, TaskCallbacks callbacks, Clock clock,
                           Consumer<Approval> onDelivered) {
        this.approvals = approvals;
        this.callbacks = callbacks;
        this.clock = clock;
        this.onDelivered = onDelivered;
    }

    /**
     * Sends a recorded decision that has not reached a waiting task, for example after a retried
     * approval step rebound the approval to its new token; does nothing otherwise.
     */
    public void sendUndeliveredDecision(String approvalId) {
        approvals.find(approvalId)
                .filter(approval -> approval.isDecided() && !approval.delivered())
                .ifPresent(this::settle);
    }

    /** The approval as it stands; changes nothing, except delivering a recorded decision that was never sent. */
    public ApprovalOutcome show(String approvalId) {
        Optional<Approval> found = approvals.find(approvalId);
        if (found.isEmpty()) {
            return new ApprovalOutcome.NotFound();
        }
        Approval approval = found.get();
        if (approval.isDecided()) {
            return settle(approval);
        }
        if (approval.isExpired(clock.instant())) {
            return new ApprovalOutcome.Expired(ApprovalView.of(approval));
        }
        return new ApprovalOutcome.AwaitingDecision(ApprovalView.of(approval));
    }

    /**
     * Records the submitted decision and sends it to the waiting task, unless the approval is
     * already decided (then the recorded decision stands and is shown) or has expired.
     */
    public ApprovalOutcome decide(String approvalId, DecisionSubmission submission) {
        Optional<Approval> found = approvals.find(approvalId);
        if (found.isEmpty()) {
            return new ApprovalOutcome.NotFound();
        }
        Approval approval = found.get();
        if (approval.isDecided()) {
            return settle(approval);
        }
        Instant now = clock.instant();
        if (approval.isExpired(now)) {
            return new ApprovalOutcome.Expired(ApprovalView.of(approval));
        }

        boolean recorded = approvals.decide(approvalId, submission.at(now));
        // Read again either way: the token may have been rebound meanwhile, or another person's
        // decision may have won; the stored approval is the truth.
        Optional<Approval> current = approvals.find(approvalId);
        if (current.isEmpty()) {
            return new ApprovalOutcome.NotFound();
        }
        Approval decided = current.get();
        if (!recorded) {
            // Someone else decided first (and is delivering it), or time ran out during the write.
            return decided.isDecided()
                    ? new ApprovalOutcome.Decided(ApprovalView.of(decided), decided.decision(), false)
                    : new ApprovalOutcome.Expired(ApprovalView.of(decided));
        }
        LOG.info("Cutover decision recorded", entry(WAVE_LOG_KEY, decided.waveId()),
                entry("approved", decided.decision().approved()), entry("approver", decided.decision().approver()),
                entry("sourceIp", decided.decision().sourceIp()));
        return deliver(decided, true);
    }

    private ApprovalOutcome settle(Approval approval) {
        if (approval.delivered()) {
            return new ApprovalOutcome.Decided(ApprovalView.of(approval), approval.decision(), false);
        }
        LOG.info("Sending a recorded decision that had not reached the wave", entry(WAVE_LOG_KEY, approval.waveId()));
        return deliver(approval, false);
    }

    private ApprovalOutcome deliver(Approval approval, boolean recordedNow) {
        Decision decision = approval.decision();
        Delivery delivery;
        try {
            delivery = decision.approved()
                    ? callbacks.succeed(approval.taskToken(), approvedOutput(decision))
                    : callbacks.fail(approval.taskToken(), REJECTED_ERROR, rejectionCause(decision));
        } catch (RuntimeException e) {
            throw new DecisionDeliveryException(approval.waveId(), e);
        }
        if (delivery == Delivery.ALREADY_CLOSED) {
            // Left undelivered on purpose: if a retried approval step rebinds the approval to a
            // new token, the next visit sends the decision to it.
            LOG.warn("The approval step had already ended; the decision did not reach the wave",
                    entry(WAVE_LOG_KEY, approval.waveId()));
            return new ApprovalOutcome.WindowClosed(ApprovalView.of(approval), decision);
        }
        approvals.markDelivered(approval.approvalId());
        onDelivered.accept(approval);
        return new ApprovalOutcome.Decided(ApprovalView.of(approval), decision, recordedNow);
    }

    /** The approval step's output: {@code {"approved":true,"approver":...,"decidedAt":...}}. */
    private static String approvedOutput(Decision decision) {
        ObjectNode output = Json.mapper().createObjectNode()
                .put("approved", true)
                .put("approver", decision.approver())
                .put("decidedAt", decision.decidedAt().toString());
        return output.toString();
    }

    private static String rejectionCause(Decision decision) {
        return decision.approver() + ": " + (decision.comment() == null ? "(no comment)" : decision.comment());
    }
}
