package dev.ferry.local.cloud.ssm;

import java.time.Duration;
import java.util.Optional;

/**
 * How the replication agent's installer behaves on one instance.
 *
 * @param outcome  what it comes to
 * @param runTime  how long it runs, on the virtual clock
 * @param exitCode its exit code when it fails (0 otherwise)
 * @param output   its standard output, replacing the installer's usual text
 * @param error    its standard error, replacing the usual explanation of a failure
 */
public record AgentInstallSpec(AgentInstallOutcome outcome, Duration runTime, int exitCode, Optional<String> output,
                               Optional<String> error) {

    /** The installer's usual run: about a minute and a half. */
    public static final Duration DEFAULT_RUN_TIME = Duration.ofSeconds(90);
    /** The installer's exit code on failure unless the environment says otherwise. */
    public static final int DEFAULT_FAILURE_EXIT_CODE = 1;
    /** An installer that succeeds and registers in the usual time. */
    public static final AgentInstallSpec SUCCEEDS = new AgentInstallSpec(AgentInstallOutcome.SUCCEEDS,
            DEFAULT_RUN_TIME, 0, Optional.empty(), Optional.empty());
}
