package dev.ferry.waits;

/**
 * The counts of one look at the unreleased waits: every one of them (a reconciler run) or those an
 * MGN event can have moved.
 *
 * @param examined   unreleased waits found
 * @param released   waits whose condition held and whose callback was sent
 * @param resent     waits whose lost callback was sent again
 * @param waiting    waits whose condition does not hold yet
 * @param skipped    waits someone else was evaluating or had just released
 * @param failed     waits whose evaluation failed (logged with their wave)
 * @param unaffected waits the event cannot have moved, not evaluated
 */
public record SweepReport(int examined, int released, int resent, int waiting, int skipped, int failed,
                          int unaffected) {
}
