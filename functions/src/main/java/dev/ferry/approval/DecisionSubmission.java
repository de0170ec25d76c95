package dev.ferry.approval;

import java.time.Instant;

/**
 * A decision as a person submitted it on the approval page, already validated, before it is
 * recorded.
 *
 * @param approved  whether the cutover may go ahead
 * @param approver  the name or email address typed, trimmed, at most 200 characters
 * @param comment   the comment, trimmed, at most 2,000 characters, or null
 * @param sourceIp  where the request came from
 * @param userAgent the browser's user agent, or null
 */
public record DecisionSubmission(boolean approved, String approver, String comment, String sourceIp,
                                 String userAgent) {

    /** The decision as recorded at {@code decidedAt}. */
    public Decision at(Instant decidedAt) {
        return new Decision(approved, approver, comment, decidedAt, sourceIp, userAgent);
    }
}
