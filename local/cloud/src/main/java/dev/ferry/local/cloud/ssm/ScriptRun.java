package dev.ferry.local.cloud.ssm;

import java.time.Duration;

/**
 * What a script will do on an instance once delivered, decided when the command is sent.
 *
 * @param endStatus      how it ends (when it ends within its execution timeout)
 * @param endDetails     SSM's {@code StatusDetails} at the end, e.g. {@code Success} or {@code Failed}
 * @param exitCode       its exit code
 * @param output         its standard output
 * @param error          its standard error
 * @param runTime        how long it runs
 * @param registersAgent whether, on success, the replication agent it installed registers with MGN
 */
record ScriptRun(InvocationStatus endStatus, String endDetails, int exitCode, String output, String error,
                 Duration runTime, boolean registersAgent) {

    /** A script that ran and exited with {@code exitCode}; 0 is a success. */
    static ScriptRun exited(int exitCode, String output, String error, Duration runTime) {
        return new ScriptRun(exitCode == 0 ? InvocationStatus.SUCCESS : InvocationStatus.FAILED,
                exitCode == 0 ? "Success" : "Failed", exitCode, output, error, runTime, false);
    }

    /** The replication agent's installer that succeeds and then registers the agent. */
    static ScriptRun installerThatRegisters(String output, Duration runTime) {
        return new ScriptRun(InvocationStatus.SUCCESS, "Success", 0, output, "", runTime, true);
    }
}
