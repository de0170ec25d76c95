package dev.ferry.agent;

import dev.ferry.network.Platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The installation of the replication agent on one EC2 source of a wave, kept in the wave's
 * partition so that each InstallAgents invocation picks up where the last one ended. Immutable:
 * every step makes a new record with the next {@code revision}, and the store writes it only over
 * the revision it was made from, so that two invocations never both take the same step.
 *
 * @param waveId          the wave
 * @param instanceId      the EC2 source instance (in the wave's source region)
 * @param name            the wave's name for the server, or null
 * @param state           where the installation stands
 * @param revision        how many steps it has taken
 * @param startedAt       when Preflight found that MGN does not know the instance
 * @param stateSince      when it entered its current state
 * @param platform        the instance's operating system family, once read
 * @param fixesApplied    what Ferry changed on the instance's IAM identity, one line each
 * @param fixedAt         when Ferry last changed it, or null
 * @param comment         the comment of the installer's Run Command, stored before it is sent
 * @param commandId       the Run Command that runs the installer, once known
 * @param sourceServerId  the MGN source server the agent registered as, once registered
 * @param failure         why the installation failed or was left out, or null
 * @param failureNotified whether people were told of the failure
 */
public record AgentInstallRecord(String waveId, String instanceId, String name, State state, int revision,
                                 Instant startedAt, Instant stateSince, Platform platform, List<String> fixesApplied,
                                 Instant fixedAt, String comment, String commandId, String sourceServerId,
                                 String failure, boolean failureNotified) {

    public AgentInstallRecord {
        fixesApplied = fixesApplied == null ? List.of() : List.copyOf(fixesApplied);
    }

    /** An installation Preflight has just found to be needed. */
    public static AgentInstallRecord pending(String waveId, String instanceId, String name, Instant now) {
        return new AgentInstallRecord(waveId, instanceId, name, State.CHECKING, 0, now, now, null, List.of(), null,
                null, null, null, null, false);
    }

    /** What people call the server: the wave's name for it, else its instance ID. */
    public String label() {
        return name != null ? name : instanceId;
    }

    /** Whether nothing more will happen to it. */
    public boolean isFinished() {
        return state.finished;
    }

    /** Fixes were applied to its IAM identity; it is checked again later. */
    public AgentInstallRecord withFixes(List<String> applied, Instant now) {
        List<String> all = new ArrayList<>(fixesApplied);
        applied.stream().filter(fix -> !all.contains(fix)).forEach(all::add);
        return new AgentInstallRecord(waveId, instanceId, name, state, revision + 1, startedAt, stateSince, platform,
                all, now, comment, commandId, sourceServerId, failure, failureNotified);
    }

    /** About to send the installer with this comment (stored first: SendCommand has no idempotency token). */
    public AgentInstallRecord sending(Platform instancePlatform, String commandComment, Instant now) {
        return new AgentInstallRecord(waveId, instanceId, name, State.SENDING, revision + 1, startedAt, now,
                instancePlatform, fixesApplied, fixedAt, commandComment, null, sourceServerId, failure,
                failureNotified);
    }

    /** The installer's command is known (sent now, or found sent by an earlier attempt). */
    public AgentInstallRecord running(String command, Instant now) {
        return next(State.RUNNING, command, sourceServerId, failure, now);
    }

    /** The installer succeeded; the server has yet to appear in MGN. */
    public AgentInstallRecord registering(Instant now) {
        return next(State.REGISTERING, commandId, sourceServerId, failure, now);
    }

    /** The agent registered as this source server, which has joined the wave. */
    public AgentInstallRecord registered(String serverId, Instant now) {
        return next(State.REGISTERED, commandId, serverId, null, now);
    }

    public AgentInstallRecord failed(String reason, Instant now) {
        return next(State.FAILED, commandId, sourceServerId, reason, now);
    }

    /** Not installed because the wave stops without it. */
    public AgentInstallRecord leftOut(String reason, Instant now) {
        return next(State.LEFT_OUT, commandId, sourceServerId, reason, now);
    }

    /** People were told of its failure. */
    public AgentInstallRecord withFailureNotified() {
        return new AgentInstallRecord(waveId, instanceId, name, state, revision + 1, startedAt, stateSince, platform,
                fixesApplied, fixedAt, comment, commandId, sourceServerId, failure, true);
    }

    private AgentInstallRecord next(State nextState, String command, String serverId, String why, Instant now) {
        return new AgentInstallRecord(waveId, instanceId, name, nextState, revision + 1, startedAt, now, platform,
                fixesApplied, fixedAt, comment, command, serverId, why, failureNotified);
    }

    /** Where an installation stands. */
    public enum State {
        /** Eligibility is checked (again after fixes) before anything is sent. */
        CHECKING(false),
        /** The comment is stored; the command may or may not have reached SSM. */
        SENDING(false),
        /** The installer's command is known and followed. */
        RUNNING(false),
        /** The installer succeeded; waiting for the server to appear in MGN. */
        REGISTERING(false),
        /** In MGN, and in the wave as a server. */
        REGISTERED(true),
        /** Will not be installed by this wave; {@code failure} says why. */
        FAILED(true),
        /** Not attempted because the wave stops. */
        LEFT_OUT(true);

        private final boolean finished;

        State(boolean finished) {
            this.finished = finished;
        }
    }
}
