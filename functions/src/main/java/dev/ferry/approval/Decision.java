package dev.ferry.approval;

import java.time.Instant;

/**
 * A person's decision on a cutover.
 *
 * @param approved  whether the cutover may go ahead
 * @param approver  the name or email address the person typed
 * @param comment   what they added, or null
 * @param decidedAt when
 * @param sourceIp  the address the decision came from
 * @param userAgent the browser's user agent
 */
public record Decision(boolean approved, String approver, String comment, Instant decidedAt, String sourceIp,
                       String userAgent) {
}
