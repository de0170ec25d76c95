package dev.ferry.stage;

import dev.ferry.agent.AgentEligibility;
import dev.ferry.agent.AgentFix;
import dev.ferry.agent.AgentFixPolicy;
import dev.ferry.agent.AgentInstallCommand;
import dev.ferry.agent.AgentInstallRecord;
import dev.ferry.agent.AgentInstallRecord.State;
import dev.ferry.agent.AgentInstallStore;
import dev.ferry.agent.AgentReadiness;
import dev.ferry.agent.CommandResult;
import dev.ferry.agent.CommandStatus;
import dev.ferry.agent.InstanceNotManagedException;
import dev.ferry.agent.InstanceProfileConflictException;
import dev.ferry.agent.InstanceProfiles;
import dev.ferry.agent.RunCommandScript;
import dev.ferry.agent.SsmCommands;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.mgn.SourceServer;
import dev.ferry.network.Platform;
import dev.ferry.network.SourceInstance;
import dev.ferry.notify.AgentInstallFailuresMessage;
import dev.ferry.notify.Notifier;
import dev.ferry.notify.Wording;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveRecord.WaveStatus;
import dev.ferry.server.WaveStore;
import dev.ferry.stage.ServerJoins.Joining;
import dev.ferry.wave.AgentInstallationSettings;
import dev.ferry.wave.Policies.OnServerFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Installs the AWS Replication Agent on the wave's EC2 sources that MGN did not know at Preflight,
 * through SSM Run Command and the instance's own role: no key is created, sent or stored. Called
 * again and again by the state machine (with a pause between calls) until no installation is
 * unfinished; each call takes every installation as far as it goes without waiting:
 *
 * <ol>
 *   <li>CHECKING: the instance must be managed by SSM and its profile's role must carry the MGN
 *       policy. What the wave allows is fixed (a policy attached to the existing role, the stack's
 *       profile given to an instance without one) and the instance is checked again on a later
 *       call, since IAM and SSM take a while to notice; one still not ready {@link #FIX_SETTLE_TIME}
 *       after the last fix, or blocked by something Ferry may not fix, fails with the reasons.</li>
 *   <li>SENDING: the command's comment, unique per wave and instance, is stored before the command
 *       is sent. SendCommand takes no idempotency token, so a call that finds an installation in
 *       SENDING first looks for a command sent with that comment and adopts it; it sends only when
 *       there is none.</li>
 *   <li>RUNNING: the installer's result is read; a failure names the status, exit code and the end
 *       of its output.</li>
 *   <li>REGISTERING: the server is looked for in MGN by its {@code awsInstanceID}; when found it
 *       joins the wave as Preflight would have joined it, then the installation is REGISTERED.</li>
 * </ol>
 *
 * <p>Every step is written over the revision it was made from, so a retried or duplicated call
 * never takes a step twice. When every installation has finished, failures are told in one
 * message and the wave's {@code onServerFailure} policy applies: STOP stops the wave; under STOP,
 * installations not yet sent when a failure is known are left out rather than started.
 */
public class InstallAgentsService {

    /** How long a fixed instance may take to become ready: the SSM Agent retries its registration on a back-off. */
    static final Duration FIX_SETTLE_TIME = Duration.ofMinutes(20);
    /** How much longer than its execution timeout a command may take to be delivered and report back. */
    static final Duration COMMAND_MARGIN = Duration.ofMinutes(10);
    /** Installations worked on at once; each makes a few calls to EC2, IAM and SSM. */
    static final int PARALLELISM = 8;
    static final int MAX_COMMENT_LENGTH = 100;

    private static final Logger LOG = LoggerFactory.getLogger(InstallAgentsService.class);
    private static final String COMMENT_PREFIX = "ferry agent install ";

    private final WaveStore waves;
    private final AgentInstallStore installs;
    private final MgnGateway mgn;
    private final SourceEc2Regions sourceEc2;
    private final SsmRegions ssm;
    private final InstanceProfileRegions profiles;
    private final Notifier notifier;
    private final Clock clock;
    private final Optional<String> stackInstanceProfileArn;
    private final ServerJoins joins;

    /**
     * @param stackInstanceProfileArn the agent instance profile of Ferry's stack, which a wave may let Ferry give
     *                                instances without a profile; empty when the stack provides none
     */
    public InstallAgentsService(WaveStore waves, AgentInstallStore installs, MgnGateway mgn,
                                SourceEc2Regions sourceEc2, SsmRegions ssm, InstanceProfileRegions profiles,
                                Notifier notifier, Clock clock, Optional<String> stackInstanceProfileArn) {
        this.waves = waves;
        this.installs = installs;
        this.mgn = mgn;
        this.sourceEc2 = sourceEc2;
        this.ssm = ssm;
        this.profiles = profiles;
        this.notifier = notifier;
        this.clock = clock;
        this.stackInstanceProfileArn = stackInstanceProfileArn;
        this.joins = new ServerJoins(waves, clock);
    }

    /**
     * Advances every unfinished installation of the wave, and once none is unfinished, tells the
     * failures and applies the wave's failure policy.
     *
     * @throws UnknownWaveException when the wave is not in the store
     */
    public InstallAgentsResult install(WaveRef ref) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("waveId", ref.waveId())) {
            WaveRecord wave = waves.find(ref.waveId()).orElseThrow(() -> new UnknownWaveException(ref.waveId()));
            List<AgentInstallRecord> records = installs.installs(wave.waveId());
            AgentInstallationSettings settings = wave.definition().agentInstallation();
            boolean running = wave.status() == WaveStatus.RUNNING;
            if (settings != null && running && records.stream().anyMatch(install -> !install.isFinished())) {
                records = advance(wave, settings, records);
            }
            // A wave that no longer runs installs nothing more: what is unfinished stays so, and the report says so.
            boolean done = !running || records.stream().allMatch(AgentInstallRecord::isFinished);
            if (done && running && !records.isEmpty()) {
                records = tellFailures(wave, records);
                wave = stopIfPolicySays(wave, records);
            }
            InstallAgentsResult result = result(wave, records, done);
            LOG.info("Agent installation: {} of {} pending, {} registered, {} failed, {} left out", result.pending(),
                    result.total(), result.registered(), result.failed(), result.leftOut());
            return result;
        }
    }

    private List<AgentInstallRecord> advance(WaveRecord wave, AgentInstallationSettings settings,
                                             List<AgentInstallRecord> records) {
        String sourceRegion = wave.definition().sourceRegion();
        SsmCommands commands = ssm.in(sourceRegion);
        InstanceProfiles iam = profiles.in(sourceRegion);
        List<AgentInstallRecord> current = leaveOutUnsentIfStopping(wave, records);
        List<String> checking = current.stream().filter(install -> install.state() == State.CHECKING)
                .map(AgentInstallRecord::instanceId).toList();
        AgentSourceFacts facts = AgentSourceFacts.read(sourceEc2.in(sourceRegion), commands, iam, checking);
        Steps steps = new Steps(wave, settings, commands, iam, facts);
        // Every check comes before any send, so that under STOP a failure found now keeps the others from starting.
        current = Concurrently.map(current, PARALLELISM,
                install -> install.state() == State.CHECKING ? steps.check(install) : install);
        current = leaveOutUnsentIfStopping(wave, current);
        current = Concurrently.map(current, PARALLELISM, install -> install.isFinished() ? install : steps.advance(install));
        return registrations(wave, settings, current);
    }

    /** The steps of one installation, up to the point where it has to wait. */
    private final class Steps {

        private final WaveRecord wave;
        private final AgentInstallationSettings settings;
        private final SsmCommands commands;
        private final InstanceProfiles iam;
        private final AgentSourceFacts facts;
        private final AgentFixPolicy fixPolicy;
        /** The platform of each instance found ready in this call, to be sent the installer. */
        private final Map<String, Platform> ready = new ConcurrentHashMap<>();

        Steps(WaveRecord wave, AgentInstallationSettings settings, SsmCommands commands, InstanceProfiles iam,
              AgentSourceFacts facts) {
            this.wave = wave;
            this.settings = settings;
            this.commands = commands;
            this.iam = iam;
            this.facts = facts;
            this.fixPolicy = new AgentFixPolicy(settings.attachPoliciesToExistingRole(),
                    settings.useStackInstanceProfile() ? stackInstanceProfileArn.orElse(null) : null);
        }

        /** Sends the installer to an instance found ready, or follows what an earlier call started. */
        AgentInstallRecord advance(AgentInstallRecord install) {
            try (MDC.MDCCloseable ignored = MDC.putCloseable("instanceId", install.instanceId())) {
                AgentInstallRecord current = install;
                Platform platform = ready.get(install.instanceId());
                if (current.state() == State.CHECKING && platform != null) {
                    current = save(current, current.sending(platform, commentFor(wave.waveId(), current.instanceId()),
                            clock.instant()));
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
                return fail(install, "instance " + install.instanceId() + " is not found in "
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
                case BLOCKED -> settling ? install : fail(install, notReady(install, readiness));
            };
        }

        /** Applies the fixes not applied yet; an instance that stays unready after them fails once it has had its time. */
        private AgentInstallRecord fix(AgentInstallRecord install, AgentReadiness readiness, boolean settling) {
            List<AgentFix> fresh = readiness.fixes().stream()
                    .filter(fix -> !install.fixesApplied().contains(describe(fix)))
                    .toList();
            if (fresh.isEmpty()) {
                return settling ? install : fail(install, notReady(install, readiness));
            }
            try {
                fresh.forEach(this::apply);
            } catch (InstanceProfileConflictException conflict) {
                return fail(install, conflict.getMessage());
            }
            LOG.info("Fixed the IAM identity of {}: {}", install.instanceId(), readiness.summary());
            return save(install, install.withFixes(fresh.stream().map(InstallAgentsService::describe).toList(),
                    clock.instant()));
        }

        private void apply(AgentFix fix) {
            switch (fix) {
                case AgentFix.AttachPolicy attach -> iam.attachPolicy(attach.roleName(), attach.policyArn());
                case AgentFix.AssociateInstanceProfile associate ->
                        iam.associate(associate.instanceId(), associate.instanceProfileArn());
            }
        }

        private String notReady(AgentInstallRecord install, AgentReadiness readiness) {
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
                    return fail(install, notManaged.getMessage());
                }
                LOG.info("Sent installer command {} to {}", commandId, install.instanceId());
            }
            return save(install, install.running(commandId, clock.instant()));
        }

        private AgentInstallRecord followCommand(AgentInstallRecord install) {
            CommandResult result = commands.result(install.commandId(), install.instanceId());
            Instant now = clock.instant();
            if (result.status() == CommandStatus.SUCCESS) {
                return save(install, install.registering(now));
            }
            if (result.status().finished()) {
                return fail(install, commandFailure(install, result));
            }
            Duration limit = settings.commandTimeout().plus(COMMAND_MARGIN);
            if (!now.isBefore(install.stateSince().plus(limit))) {
                return fail(install, "the installer command " + install.commandId() + " on " + install.instanceId()
                        + " did not finish within " + Wording.duration(limit) + " (status " + result.status() + ")");
            }
            return install;
        }
    }

    private static String commandFailure(AgentInstallRecord install, CommandResult result) {
        String output = !result.errorExcerpt().isEmpty() ? result.errorExcerpt() : result.outputExcerpt();
        return "the installer on " + install.instanceId() + " ended " + result.status()
                + (result.exitCode() == null ? "" : " with exit code " + result.exitCode())
                + " (command " + install.commandId() + ")"
                + (output.isEmpty() ? "" : ": " + output);
    }

    /**
     * Installations whose installer succeeded are looked for in MGN (one read of the region's
     * servers); the servers found join the wave together, then their installations are REGISTERED.
     */
    private List<AgentInstallRecord> registrations(WaveRecord wave, AgentInstallationSettings settings,
                                                   List<AgentInstallRecord> records) {
        if (records.stream().noneMatch(install -> install.state() == State.REGISTERING)) {
            return records;
        }
        Map<String, List<SourceServer>> byInstance = PreflightServerCheck.replicatingByInstance(mgn.listSourceServers());
        Instant now = clock.instant();
        Map<String, AgentInstallRecord> updated = new LinkedHashMap<>();
        records.forEach(install -> updated.put(install.instanceId(), install));
        List<Joining> joining = new ArrayList<>();
        List<AgentInstallRecord> found = new ArrayList<>();
        Map<String, SourceServer> serverOf = new LinkedHashMap<>();
        for (AgentInstallRecord install : records) {
            if (install.state() != State.REGISTERING) {
                continue;
            }
            List<SourceServer> candidates = byInstance.getOrDefault(install.instanceId(), List.of());
            if (candidates.size() == 1) {
                SourceServer server = candidates.getFirst();
                joining.add(Joining.of(server, install.name(), install.instanceId()));
                found.add(install);
                serverOf.put(install.instanceId(), server);
            } else if (candidates.size() > 1) {
                updated.put(install.instanceId(), fail(install, "instance " + install.instanceId()
                        + " is replicated by several source servers in " + wave.definition().targetRegion() + " ("
                        + candidates.stream().map(SourceServer::id).sorted().collect(Collectors.joining(", ")) + ")"));
            } else if (!now.isBefore(install.stateSince().plus(settings.registrationTimeout()))) {
                updated.put(install.instanceId(), fail(install, "the agent never registered with MGN in "
                        + wave.definition().targetRegion() + " within "
                        + Wording.duration(settings.registrationTimeout()) + " after the installer on "
                        + install.instanceId() + " succeeded"));
            }
        }
        // The servers join before their installations are marked: REGISTERED always means "in the wave".
        if (!joining.isEmpty()) {
            joins.join(wave.waveId(), joining);
        }
        for (AgentInstallRecord install : found) {
            String serverId = serverOf.get(install.instanceId()).id();
            LOG.info("The agent on {} registered as {}", install.instanceId(), serverId);
            updated.put(install.instanceId(), save(install, install.registered(serverId, clock.instant())));
        }
        return List.copyOf(updated.values());
    }

    /**
     * Under STOP, once an installation has failed the wave will stop: installations not sent yet
     * are left out instead of started. Those sent already are followed to their end.
     */
    private List<AgentInstallRecord> leaveOutUnsentIfStopping(WaveRecord wave, List<AgentInstallRecord> records) {
        if (wave.definition().policies().onServerFailure() != OnServerFailure.STOP) {
            return records;
        }
        Optional<AgentInstallRecord> failed = records.stream().filter(install -> install.state() == State.FAILED)
                .findFirst();
        if (failed.isEmpty()) {
            return records;
        }
        String reason = "not installed: the wave stops because the agent installation on " + failed.get().label()
                + " (" + failed.get().instanceId() + ") failed";
        return records.stream()
                .map(install -> install.state() == State.CHECKING ? save(install, install.leftOut(reason, clock.instant()))
                        : install)
                .toList();
    }

    /** One message for the failures not told yet; each is marked told once the message is out. */
    private List<AgentInstallRecord> tellFailures(WaveRecord wave, List<AgentInstallRecord> records) {
        List<AgentInstallRecord> untold = records.stream()
                .filter(install -> install.state() == State.FAILED && !install.failureNotified())
                .toList();
        if (untold.isEmpty()) {
            return records;
        }
        boolean stops = wave.definition().policies().onServerFailure() == OnServerFailure.STOP;
        int active = (int) waves.servers(wave.waveId()).stream().filter(ServerRecord::isActive).count();
        notifier.publish(AgentInstallFailuresMessage.of(wave.definition().waveName(), untold, stops, active));
        return records.stream()
                .map(install -> untold.contains(install) ? save(install, install.withFailureNotified()) : install)
                .toList();
    }

    private WaveRecord stopIfPolicySays(WaveRecord wave, List<AgentInstallRecord> records) {
        if (wave.definition().policies().onServerFailure() != OnServerFailure.STOP) {
            return wave;
        }
        return records.stream()
                .filter(install -> install.state() == State.FAILED)
                .findFirst()
                .map(failed -> {
                    WaveRecord stopped = wave.withStatus(WaveStatus.STOPPED, "The agent installation on "
                            + failed.label() + " (" + failed.instanceId() + ") failed and the wave stops on a server "
                            + "failure: " + failed.failure());
                    waves.update(stopped);
                    LOG.warn("Wave stopped: {}", stopped.reason());
                    return stopped;
                })
                .orElse(wave);
    }

    private InstallAgentsResult result(WaveRecord wave, List<AgentInstallRecord> records, boolean done) {
        int pending = 0;
        int registered = 0;
        int failed = 0;
        int leftOut = 0;
        for (AgentInstallRecord install : records) {
            switch (install.state()) {
                case REGISTERED -> registered++;
                case FAILED -> failed++;
                case LEFT_OUT -> leftOut++;
                case CHECKING, SENDING, RUNNING, REGISTERING -> pending++;
            }
        }
        return new InstallAgentsResult(wave.waveId(), done, records.size(), pending, registered, failed, leftOut,
                WaveProgress.of(wave, waves.servers(wave.waveId())));
    }

    private AgentInstallRecord fail(AgentInstallRecord install, String reason) {
        LOG.warn("Agent installation on {} failed: {}", install.instanceId(), reason);
        return save(install, install.failed(reason, clock.instant()));
    }

    /**
     * Writes the next step over the one it was made from. When another invocation moved the
     * installation on meanwhile, its step stands and this one is dropped.
     */
    private AgentInstallRecord save(AgentInstallRecord current, AgentInstallRecord next) {
        if (installs.replace(current, next)) {
            return next;
        }
        LOG.warn("The agent installation on {} was moved on by another invocation; leaving it to that one",
                current.instanceId());
        return current;
    }

    /** A fix as the report reads it. */
    static String describe(AgentFix fix) {
        return switch (fix) {
            case AgentFix.AttachPolicy attach -> "attached " + attach.policyArn() + " to role " + attach.roleName();
            case AgentFix.AssociateInstanceProfile associate -> "gave it instance profile " + associate.instanceProfileArn();
        };
    }

    /**
     * The comment of the installer's command: names the instance and the wave, unique per wave and
     * instance, at most SSM's 100 characters (a long wave ID is shortened with a digest of it).
     */
    static String commentFor(String waveId, String instanceId) {
        String start = COMMENT_PREFIX + instanceId + " wave ";
        String comment = start + waveId;
        if (comment.length() <= MAX_COMMENT_LENGTH) {
            return comment;
        }
        String digest = "~" + HexFormat.of().formatHex(sha256(waveId), 0, 4);
        return start + waveId.substring(0, MAX_COMMENT_LENGTH - start.length() - digest.length()) + digest;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}
