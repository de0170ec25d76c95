package dev.ferry.local.cloud.ssm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Where a command stands on one instance, in SSM's spelling. */
public enum InvocationStatus {
    PENDING("Pending", false),
    IN_PROGRESS("InProgress", false),
    SUCCESS("Success", true),
    FAILED("Failed", true),
    TIMED_OUT("TimedOut", true);

    private final String wireName;
    private final boolean finished;

    InvocationStatus(String wireName, boolean finished) {
        this.wireName = wireName;
        this.finished = finished;
    }

    /** {@code Pending}, {@code InProgress}, {@code Success}, {@code Failed} or {@code TimedOut}. */
    public String wireName() {
        return wireName;
    }

    /** Whether it will not change any more. */
    public boolean finished() {
        return finished;
    }

    /** Every status a command can have, including those the rehearsal never reaches (no command is cancelled). */
    static List<String> commandStatusNames() {
        List<String> names = new ArrayList<>(Arrays.stream(values()).map(InvocationStatus::wireName).toList());
        names.addAll(List.of("Cancelled", "Cancelling"));
        return names;
    }
}
