package dev.ferry.stage.agents;

import dev.ferry.agent.AgentEligibility;
import dev.ferry.agent.AgentFix;
import dev.ferry.agent.AgentFixPolicy;
import dev.ferry.agent.AgentInstallCommand;
import dev.ferry.agent.AgentInstallRecord;
import dev.ferry.agent.AgentInstallRecord.State;
import dev.ferry.agent.AgentReadiness;
import dev.ferry.agent.CommandResult;
import dev.ferry.agent.CommandStatus;
import dev.ferry.agent.InstanceNotManagedException;
import dev.ferry.agent.InstanceProfileConflictException;
import dev.ferry.agent.InstanceProfiles;
import dev.ferry.agent.RunCommandScript;
import dev.ferry.agent.SsmCommands;
import dev.ferry.network.Platform;
import dev.ferry.network.SourceInstance;
import dev.ferry.notify.Wording;
import dev.ferry.server.WaveRecord;
import dev.ferry.wave.AgentInstallationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The steps of one agent installation on its instance, up to the point where it has to wait: check
 * the instance and fix what the wave allows, send the installer or adopt the command an earlier
 * attempt sent, follow the command to its end. Made for one call of the stage, from the facts read
 * for it; its methods may run for many installations at once.
 */
final class AgentInstallSteps {

    /** How long a fixed instance may take to become ready: the SSM Agent retries its registration on a back-off. */
    static final Duration FIX_SETTLE_TIME = Duration.ofMinutes(20);
    /** How much longer than its execution timeout a command may take to be delivered and report back. */
    static final Duration COMMAND_MARGIN = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(AgentInstallSteps.class);

    private final WaveRecord wave;
    private final AgentInstallationSettings settings;
    private final SsmCommands commands;
    private final InstanceProfiles iam;
    private final AgentSourceFacts facts;
    private final AgentFixPolicy fixPolicy;
    private final AgentInstallWriter writer;
    private final Clock clock;
    /** The platform of each instance found ready in this call, to be sent the installer. */
    private final Map<String, Platform> ready = new ConcurrentHashMap<>();

    /**
     * @param stackInstanceProfileArn the agent instance profile of Ferry's stack, given to instances without
     *                                a profile when the wave allows; empty when the stack provides none
     */
    AgentInstallSteps(WaveRecord wave, SsmCommands commands, InstanceProfiles iam, AgentSourceFacts facts,
                      Optional<String> stackInstanceProfileArn, AgentInstallWriter writer, Clock clock) {
        this.wave = wave;
        this.settings = wave.definition().agentInstallation();
        this.commands = commands;
        this.iam = iam;
        this.facts = facts;
        this.fixPolicy = new AgentFixPolicy(settings.attachPoliciesToExistingRole(),
                settings.useStackInstanceProfile() ? stackInstanceProfileArn.orElse(null) : null);
        this.writer = writer;
        this.clock = clock;
    }

    /** Sends the installer to an instance found ready, or follows what an earlier call started. */
    AgentInstallRecord advance(AgentInstallRecord install) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("instanceId", install.instanceId())) {
            AgentInstallRecord current = install;
            Platform platform = ready.get(install.instanceId());
            if (current.state() == State.CHECKING && platform != null) {
                current = writer.save(current, current.sending(platform,
                        InstallerComment.of(wave.waveId(), current.instanceId()), clock.instant()));
            }
            if (current.state() == State.SENDING) {
                current = send(current, current != install);
            }
            if (current.state() == State.RUNNING) {
                current = followCommand(current);
            }
            return current;
        }
    }

    /**
     * Checks an instance: fails it, fixes it, or finds it ready (remembered for {@link #advance};
     * nothing is stored for it yet).
     */
    AgentInstallRecord check(AgentInstallRecord install) {
        Optional<SourceInstance> instance = facts.instance(install.instanceId());
        if (instance.isEmpty()) {
            return writer.fail(install, "instance " + install.instanceId() + " is not found in "
                    + wave.definition().sourceRegion());
        }
        AgentReadiness readiness = AgentEligibility.assess(facts.of(instance.get()), fixPolicy);
        Instant now = clock.instant();
        boolean settling = install.fixedAt() != null && now.isBefore(install.fixedAt().plus(FIX_SETTLE_TIME));
        return switch (readiness.status()) {
            case READY -> {
                ready.put(install.instanceId(), instance.get().platform());
                yield install;
            }
            case FIXABLE -> fix(install, readiness, settling);
            case BLOCKED -> settling ? install : writer.fail(install, notReady(install, readiness));
        };
    }

    /** Applies the fixes not applied yet; an instance that stays unready after them fails once it has had its time. */
    private AgentInstallRecord fix(AgentInstallRecord install, AgentReadiness readiness, boolean settling) {
        List<AgentFix> fresh = readiness.fixes().stream()
                .filter(fix -> !install.fixesApplied().contains(describe(fix)))
                .toList();
        if (fresh.isEmpty()) {
            return settling ? install : writer.fail(install, notReady(install, readiness));
        }
        try {
            fresh.forEach(this::apply);
        } catch (InstanceProfileConflictException conflict) {
            return writer.fail(install, conflict.getMessage());
        }
        LOG.info("Fixed the IAM identity of {}: {}", install.instanceId(), readiness.summary());
        return writer.save(install, install.withFixes(fresh.stream().map(AgentInstallSteps::describe).toList(),
                clock.instant()));
    }

    private void apply(AgentFix fix) {
        switch (fix) {
            case AgentFix.AttachPolicy attach -> iam.attachPolicy(attach.roleName(), attach.policyArn());
            case AgentFix.AssociateInstanceProfile associate ->
                    iam.associate(associate.instanceId(), associate.instanceProfileArn());
        }
    }

    private static String notReady(AgentInstallRecord install, AgentReadiness readiness) {
        if (install.fixedAt() == null) {
            return readiness.summary();
        }
        return "still not ready " + Wording.duration(FIX_SETTLE_TIME) + " after Ferry " + String.join(" and ",
                install.fixesApplied()) + ": " + readiness.summary();
    }

    /**
     * Sends the installer, or adopts the command an earlier attempt sent: an installation found in
     * SENDING may have crashed right after SendCommand.
     */
    private AgentInstallRecord send(AgentInstallRecord install, boolean justStored) {
        RunCommandScript script = AgentInstallCommand.forPlatform(install.platform(), wave.definition().targetRegion());
        String documentName = script.document().documentName();
        Optional<String> sent = justStored ? Optional.empty()
                : commands.findSent(install.instanceId(), documentName, install.comment());
        String commandId;
        if (sent.isPresent()) {
            commandId = sent.get();
            LOG.info("Adopted installer command {} sent to {} by an earlier attempt", commandId, install.instanceId());
        } else {
            try {
                commandId = commands.send(install.instanceId(), script, install.comment(), settings.commandTimeout());
            } catch (InstanceNotManagedException notManaged) {
                return writer.fail(install, notManaged.getMessage());
            }
            LOG.info("Sent installer command {} to {}", commandId, install.instanceId());
        }
        return writer.save(install, install.running(commandId, clock.instant()));
    }

    private AgentInstallRecord followCommand(AgentInstallRecord install) {
        CommandResult result = commands.result(install.commandId(), install.instanceId());
        Instant now = clock.instant();
        if (result.status() == CommandStatus.SUCCESS) {
            return writer.save(install, install.registering(now));
        }
        if (result.status().finished()) {
            return writer.fail(install, commandFailure(install, result));
        }
        Duration limit = settings.commandTimeout().plus(COMMAND_MARGIN);
        if (!now.isBefore(install.stateSince().plus(limit))) {
            return writer.fail(install, "the installer command " + install.commandId() + " on " + install.instanceId()
                    + " did not finish within " + Wording.duration(limit) + " (status " + result.status() + ")");
        }
        return install;
    }

    private static String commandFailure(AgentInstallRecord install, CommandResult result) {
        String output = !result.errorExcerpt().isEmpty() ? result.errorExcerpt() : result.outputExcerpt();
        return "the installer on " + install.instanceId() + " ended " + result.status()
                + (result.exitCode() == null ? "" : " with exit code " + result.exitCode())
                + " (command " + install.commandId() + ")"
                + (output.isEmpty() ? "" : ": " + output);
    }

    /** A fix as the report reads it, and as the installation remembers it was applied. */
    static String describe(AgentFix fix) {
        return switch (fix) {
            case AgentFix.AttachPolicy attach -> "attached " + attach.policyArn() + " to role " + attach.roleName();
            case AgentFix.AssociateInstanceProfile associate -> "gave it instance profile " + associate.instanceProfileArn();
        };
    }
}
