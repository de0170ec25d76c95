package dev.ferry.local.cloud.ssm;

import java.time.Instant;

/**
 * One command on one instance, as it moves from Pending through InProgress to its end on the
 * virtual clock. Not visible to GetCommandInvocation until Systems Manager has taken it up, which
 * happens just after SendCommand answers. Guarded by the simulator's lock.
 */
final class CommandInvocation {

    private final String instanceId;
    private final SsmPlatform platform;
    private final ScriptRun run;
    private boolean visible;
    private InvocationStatus status = InvocationStatus.PENDING;
    private String statusDetails = "Pending";
    private Instant startedAt;
    private Instant endedAt;
    private int responseCode = -1;
    private String output = "";
    private String error = "";

    CommandInvocation(String instanceId, SsmPlatform platform, ScriptRun run) {
        this.instanceId = instanceId;
        this.platform = platform;
        this.run = run;
    }

    void show() {
        visible = true;
    }

    void start(Instant now) {
        status = InvocationStatus.IN_PROGRESS;
        statusDetails = "InProgress";
        startedAt = now;
    }

    void end(Instant now, InvocationStatus endStatus, String details, int exitCode, String standardOutput,
             String standardError) {
        status = endStatus;
        statusDetails = details;
        endedAt = now;
        responseCode = exitCode;
        output = standardOutput;
        error = standardError;
    }

    String instanceId() {
        return instanceId;
    }

    SsmPlatform platform() {
        return platform;
    }

    ScriptRun run() {
        return run;
    }

    boolean visible() {
        return visible;
    }

    InvocationStatus status() {
        return status;
    }

    String statusDetails() {
        return statusDetails;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant endedAt() {
        return endedAt;
    }

    int responseCode() {
        return responseCode;
    }

    String output() {
        return output;
    }

    String error() {
        return error;
    }
}
