package dev.ferry.approval;

/** Where an approval stands after a visit to its page; each kind is shown by its own page. */
public sealed interface ApprovalOutcome {

    /** No approval has this ID. */
    record NotFound() implements ApprovalOutcome {
    }

    /** Undecided and open: the page asks for a decision. */
    record AwaitingDecision(ApprovalView approval) implements ApprovalOutcome {
    }

    /** Undecided, and its time ran out. */
    record Expired(ApprovalView approval) implements ApprovalOutcome {
    }

    /**
     * Decided, and the decision reached the wave.
     *
     * @param recordedNow whether this request made the decision (rather than showing an earlier one)
     */
    record Decided(ApprovalView approval, Decision decision, boolean recordedNow) implements ApprovalOutcome {
    }

    /** Decided, but the wave's approval step had already ended, so the decision did not reach it. */
    record WindowClosed(ApprovalView approval, Decision decision) implements ApprovalOutcome {
    }
}
