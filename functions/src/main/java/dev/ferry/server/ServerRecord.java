package dev.ferry.server;

import dev.ferry.wave.LaunchSettings;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everything the wave knows about one of its servers. Stored per server, so that the state
 * machine passes only counts. Immutable: each change makes a new record with a {@code with...}
 * method, and the store writes it whole.
 *
 * @param waveId           the wave
 * @param sourceServerId   MGN source server ID
 * @param label            what people call it (the wave's name for it, else the hostname)
 * @param sourceInstanceId EC2 source instance, when known
 * @param status           where the server stands
 * @param stage            the stage it is in (or failed in)
 * @param failure          why it failed or was left out, or null
 * @param lastSeen         its MGN states as last read, or null
 * @param test             its test launch, or null before one
 * @param cutover          its cutover launch, or null before one
 * @param validation       the validation of its latest launch, or null
 * @param stall            replication stall tracking, or null when not stalled
 * @param stageTimes       when it entered and left each stage
 * @param derivedLaunch    launch settings derived from its source instance (type, subnet, security
 *                         group copies, key pair), which the wave's and its own settings override; or null
 * @param launchTemplate   the launch template version Ferry made the default for it, or null
 */
public record ServerRecord(
        String waveId,
        String sourceServerId,
        String label,
        String sourceInstanceId,
        ServerStatus status,
        Stage stage,
        Failure failure,
        MgnStates lastSeen,
        Launch test,
        Launch cutover,
        Validation validation,
        Stall stall,
        Map<Stage, StageTime> stageTimes,
        LaunchSettings derivedLaunch,
        LaunchTemplate launchTemplate) {

    public ServerRecord {
        stageTimes = stageTimes == null || stageTimes.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(stageTimes));
    }

    /** A server that has just joined its wave. */
    public static ServerRecord joining(String waveId, String sourceServerId, String label, String sourceInstanceId,
                                       Instant now) {
        return new ServerRecord(waveId, sourceServerId, label, sourceInstanceId, ServerStatus.ACTIVE, Stage.PREFLIGHT,
                null, null, null, null, null, null, Map.of(Stage.PREFLIGHT, new StageTime(now, null)), null, null);
    }

    public boolean isActive() {
        return status == ServerStatus.ACTIVE;
    }

    /** The launch of the given phase, or null. */
    public Launch launch(Phase phase) {
        return phase == Phase.TEST ? test : cutover;
    }

    /** This server moved into {@code next} at {@code now}; the stage it leaves gets its end time. */
    public ServerRecord enteringStage(Stage next, Instant now) {
        if (next == stage) {
            return this;
        }
        Map<Stage, StageTime> times = new EnumMap<>(Stage.class);
        times.putAll(stageTimes);
        StageTime current = times.get(stage);
        if (current != null && current.end() == null) {
            times.put(stage, new StageTime(current.start(), now));
        }
        times.putIfAbsent(next, new StageTime(now, null));
        return new ServerRecord(waveId, sourceServerId, label, sourceInstanceId, status, next, failure, lastSeen, test,
                cutover, validation, stall, times, derivedLaunch, launchTemplate);
    }

    /** This server failed in its current stage. */
    public ServerRecord failed(String reason, Instant now) {
        return finished(ServerStatus.FAILED, new Failure(stage, reason, now));
    }

    /** This server leaves the wave in its current stage without a failure of its own. */
    public ServerRecord leftOut(String reason, Instant now) {
        return finished(ServerStatus.LEFT_OUT, new Failure(stage, reason, now));
    }

    /** This server reached the end of the wave, cut over. */
    public ServerRecord cutOver(Instant now) {
        return enteringStage(Stage.DONE, now).finished(ServerStatus.CUT_OVER, null);
    }

    public ServerRecord withLastSeen(MgnStates states) {
        return new ServerRecord(waveId, sourceServerId, label, sourceInstanceId, status, stage, failure, states, test,
                cutover, validation, stall, stageTimes, derivedLaunch, launchTemplate);
    }

    public ServerRecord withLaunch(Phase phase, Launch launch) {
        return new ServerRecord(waveId, sourceServerId, label, sourceInstanceId, status, stage, failure, lastSeen,
                phase == Phase.TEST ? launch : test, phase == Phase.CUTOVER ? launch : cutover, validation, stall,
                stageTimes, derivedLaunch, launchTemplate);
    }

    public ServerRecord withValidation(Validation next) {
        return new ServerRecord(waveId, sourceServerId, label, sourceInstanceId, status, stage, failure, lastSeen, test,
                cutover, next, stall, stageTimes, derivedLaunch, launchTemplate);
    }

    public ServerRecord withStall(Stall next) {
        return new ServerRecord(waveId, sourceServerId, label, sourceInstanceId, status, stage, failure, lastSeen, test,
                cutover, validation, next, stageTimes, derivedLaunch, launchTemplate);
    }

    /** With the launch settings derived from its source instance. */
    public ServerRecord withDerivedLaunch(LaunchSettings derived) {
        return new ServerRecord(waveId, sourceServerId, label, sourceInstanceId, status, stage, failure, lastSeen, test,
                cutover, validation, stall, stageTimes, derived, launchTemplate);
    }

    /** With the launch template version made the default for it. */
    public ServerRecord withLaunchTemplate(LaunchTemplate version) {
        return new ServerRecord(waveId, sourceServerId, label, sourceInstanceId, status, stage, failure, lastSeen, test,
                cutover, validation, stall, stageTimes, derivedLaunch, version);
    }

    /** Back in the wave after a failure was undone (a re-run of a stage). */
    public ServerRecord reactivated() {
        return new ServerRecord(waveId, sourceServerId, label, sourceInstanceId, ServerStatus.ACTIVE, stage, null,
                lastSeen, test, cutover, validation, stall, stageTimes, derivedLaunch, launchTemplate);
    }

    private ServerRecord finished(ServerStatus finalStatus, Failure why) {
        return new ServerRecord(waveId, sourceServerId, label, sourceInstanceId, finalStatus, stage, why, lastSeen, test,
                cutover, validation, stall, stageTimes, derivedLaunch, launchTemplate);
    }

    /** Why a server stopped moving with the wave. */
    public record Failure(Stage stage, String reason, Instant at) {
    }

    /** The server's MGN states when last read. */
    public record MgnStates(String lifecycle, String replication, String lagDuration, Instant readAt) {
    }

    /**
     * One launch of the server by MGN.
     *
     * @param jobId      the MGN job
     * @param status     the server's launchStatus in that job (PENDING, IN_PROGRESS, LAUNCHED, FAILED, TERMINATED)
     * @param instanceId the launched EC2 instance, once launched
     * @param startedAt  when Ferry started (or adopted) the job
     */
    public record Launch(String jobId, String status, String instanceId, Instant startedAt) {

        public boolean isFinished() {
            return "LAUNCHED".equals(status) || "FAILED".equals(status) || "TERMINATED".equals(status);
        }
    }

    /**
     * The validation of a launched instance.
     *
     * @param phase     which launch is validated
     * @param startedAt when validation began; the wave's time limit counts from here
     * @param outcome   PENDING, PASSED or FAILED
     * @param detail    what the last check said (a failing probe's message, or "all checks passed")
     */
    public record Validation(Phase phase, Instant startedAt, Outcome outcome, String detail) {

        /** A validation's state. */
        public enum Outcome { PENDING, PASSED, FAILED }
    }

    /**
     * A replication stall being watched.
     *
     * @param since    when the stall was first seen
     * @param notified whether people were told
     * @param retried  whether Ferry called RetryDataReplication for it
     */
    public record Stall(Instant since, boolean notified, boolean retried) {
    }

    /**
     * The EC2 launch template version MGN launches the server from.
     *
     * @param launchTemplateId the server's MGN launch template
     * @param version          the version Ferry made and set as the default
     */
    public record LaunchTemplate(String launchTemplateId, long version) {

        /** As people read it: {@code lt-0abc v3}. */
        public String text() {
            return launchTemplateId + " v" + version;
        }
    }

    /** When a server entered a stage and, once it has, left it. */
    public record StageTime(Instant start, Instant end) {
    }
}
