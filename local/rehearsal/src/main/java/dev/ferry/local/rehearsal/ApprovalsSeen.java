package dev.ferry.local.rehearsal;

import dev.ferry.local.engine.HistoryEvent;
import dev.ferry.local.engine.HistoryEventType;

import java.util.List;

/**
 * What a rehearsal saw of the cutover approval: the approvals the table holds for the wave, each
 * with its recorded status, and which way the execution went after the approval step. From these,
 * {@link Invariants} checks that no approval was decided twice.
 *
 * @param recordedStatuses the status of each approval of the wave in the table (WAITING, APPROVED, REJECTED)
 * @param cutoverStarted   whether the execution entered the cutover launch, which follows an approval
 * @param rejected         whether it entered the state that follows a rejection
 */
record ApprovalsSeen(List<String> recordedStatuses, boolean cutoverStarted, boolean rejected) {

    /** The state after an approval, and the one after a rejection, in statemachine/wave.asl.json. */
    static final String CUTOVER_STATE = "LaunchCutover";
    static final String REJECTED_STATE = "NotApprovedRejected";

    ApprovalsSeen {
        recordedStatuses = List.copyOf(recordedStatuses);
    }

    /** No approval requested, and neither way taken. */
    static final ApprovalsSeen NONE = new ApprovalsSeen(List.of(), false, false);

    /** Which way the execution of this history went after its approval step. */
    static ApprovalsSeen of(List<String> recordedStatuses, List<HistoryEvent> history) {
        return new ApprovalsSeen(recordedStatuses, entered(history, CUTOVER_STATE), entered(history, REJECTED_STATE));
    }

    private static boolean entered(List<HistoryEvent> history, String state) {
        return history.stream()
                .filter(event -> event.type() == HistoryEventType.TASK_STATE_ENTERED)
                .anyMatch(event -> event.detail("name").filter(state::equals).isPresent());
    }
}
