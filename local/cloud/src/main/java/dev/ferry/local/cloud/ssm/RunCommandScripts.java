package dev.ferry.local.cloud.ssm;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what a script sent through Run Command does on an instance: the replication agent's
 * installer behaves as the environment says for that instance, a script for the other platform's
 * document fails as it would there, a script that carries a credential is refused, and anything
 * else succeeds at once with no output.
 */
final class RunCommandScripts {

    static final List<String> INSTALLERS = List.of("aws-replication-installer-init", "AwsReplicationWindowsInstaller.exe");
    static final List<String> CREDENTIAL_OPTIONS = List.of("--aws-access-key-id", "--aws-secret-access-key",
            "--aws-session-token");
    /** How long a script that is not the installer runs. */
    static final Duration QUICK_SCRIPT = Duration.ofSeconds(1);

    private static final Pattern REGION_OPTION = Pattern.compile("--region[ =]+([a-z0-9-]+)");

    private final String targetRegion;

    /** @param targetRegion the region of the simulated MGN, where an installer must register */
    RunCommandScripts(String targetRegion) {
        this.targetRegion = targetRegion;
    }

    ScriptRun interpret(ManagedInstanceSpec instance, SsmPlatform documentPlatform, List<String> commands) {
        if (documentPlatform != instance.platform()) {
            return ScriptRun.exited(1, "", wrongPlatform(instance, documentPlatform), QUICK_SCRIPT);
        }
        Optional<String> credential = credentialOption(commands);
        if (credential.isPresent()) {
            return ScriptRun.exited(1, "", "Refused: the script passes a credential on its command line ("
                    + credential.get() + "). A command line is kept in Systems Manager's command history; an EC2 "
                    + "source registers the replication agent with its instance profile instead.\n", QUICK_SCRIPT);
        }
        String script = String.join("\n", commands);
        if (INSTALLERS.stream().noneMatch(script::contains)) {
            return ScriptRun.exited(0, "", "", QUICK_SCRIPT);
        }
        return installer(instance.agentInstall(), script);
    }

    /** The first credential option a command line uses, if any. */
    static Optional<String> credentialOption(List<String> commands) {
        return CREDENTIAL_OPTIONS.stream()
                .filter(option -> commands.stream().anyMatch(line -> line.contains(option)))
                .findFirst();
    }

    /** The lines with the value after each credential option replaced, so that no credential is echoed. */
    static List<String> redacted(List<String> commands) {
        return commands.stream().map(line -> {
            String redacted = line;
            for (String option : CREDENTIAL_OPTIONS) {
                redacted = redacted.replaceAll(Pattern.quote(option) + "([ =]+)\\S+", Matcher.quoteReplacement(option) + "$1****");
            }
            return redacted;
        }).toList();
    }

    private ScriptRun installer(AgentInstallSpec spec, String script) {
        Matcher region = REGION_OPTION.matcher(script);
        if (!region.find()) {
            return ScriptRun.exited(1, InstallerOutput.failedBeforeRegistering(),
                    "No region given: run the installer with --region <the MGN region> when it cannot prompt.\n",
                    QUICK_SCRIPT);
        }
        if (!region.group(1).equals(targetRegion)) {
            return ScriptRun.exited(1, InstallerOutput.failedBeforeRegistering(), "The installer registers with MGN in "
                    + region.group(1) + ", but the rehearsal's MGN runs in " + targetRegion + ".\n", QUICK_SCRIPT);
        }
        return switch (spec.outcome()) {
            case SUCCEEDS -> ScriptRun.installerThatRegisters(spec.output().orElse(""), spec.runTime());
            case NEVER_REGISTERS -> ScriptRun.exited(0, spec.output().orElse(InstallerOutput.installedWithoutRegistering()),
                    "", spec.runTime());
            case FAILS -> ScriptRun.exited(spec.exitCode(), spec.output().orElse(InstallerOutput.failedBeforeRegistering()),
                    spec.error().orElse(InstallerOutput.failure(targetRegion)), spec.runTime());
        };
    }

    private static String wrongPlatform(ManagedInstanceSpec instance, SsmPlatform documentPlatform) {
        return documentPlatform == SsmPlatform.LINUX
                ? "The aws:runShellScript plugin does not run on Windows instances; use AWS-RunPowerShellScript on "
                        + instance.instanceId() + ".\n"
                : "failed to run commands: exec: \"pwsh\": executable file not found in $PATH\n";
    }
}
