package dev.ferry.events;

import dev.ferry.events.FerryEventDetail.ApprovalDecided;
import dev.ferry.events.FerryEventDetail.ApprovalRequested;
import dev.ferry.events.FerryEventDetail.Counts;
import dev.ferry.events.FerryEventDetail.ServerOutcome;
import dev.ferry.events.FerryEventDetail.ServerRef;
import dev.ferry.events.FerryEventDetail.ServerSummary;
import dev.ferry.events.FerryEventDetail.StageChanged;
import dev.ferry.events.FerryEventDetail.WaveEnded;
import dev.ferry.events.FerryEventDetail.WaveHeader;
import dev.ferry.events.FerryEventDetail.WaveStarted;
import dev.ferry.notify.Notifier;
import dev.ferry.notify.StageMessage;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;
import dev.ferry.wave.ServerSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tells the world how a wave goes: Ferry's events on the default event bus, and, for a wave whose
 * notifications are {@code EVERY_STAGE}, a short message to the topic each time a stage ends.
 *
 * <p>Best effort, always: the stage has done its work when this is called, so nothing here fails
 * it; a failure to read the wave or to publish is logged. A retried stage publishes again, with the
 * same {@code eventId} in each event's detail, which consumers de-duplicate on. Each wave has its
 * own execution name, so an ID (a name-based UUID of the wave, the event type and the stage or
 * server) names one occurrence.
 *
 * <p>The decision on an approval is told by {@link ApprovalDecisionEvents}, for the approval page.
 *
 * <p>A 1,000-server wave sends one event per stage, whose server list is bounded; the
 * {@code Ferry Server Outcome} events, one per server, are sent once, when the wave ends, ten to a
 * PutEvents call.
 */
public class WaveEvents {

    private static final Logger LOG = LoggerFactory.getLogger(WaveEvents.class);

    private final WaveStore waves;
    private final EventPublisher publisher;
    private final Notifier notifier;
    private final Clock clock;
    /** Whether this tells nothing at all ({@link #none()}). */
    private final boolean silent;

    /**
     * @param notifier the topic, for the waves that ask for every stage's message
     */
    public WaveEvents(WaveStore waves, EventPublisher publisher, Notifier notifier, Clock clock) {
        this.waves = waves;
        this.publisher = publisher;
        this.notifier = notifier;
        this.clock = clock;
        this.silent = false;
    }

    private WaveEvents() {
        this.waves = null;
        this.publisher = null;
        this.notifier = null;
        this.clock = null;
        this.silent = true;
    }

    /** Tells nothing: for a handler built around its service alone, as the tests of a stage's work build it. */
    public static WaveEvents none() {
        return NONE;
    }

    private static final WaveEvents NONE = new WaveEvents();

    /** The wave passed preflight: {@code Ferry Wave Started}, and the every-stage message for Preflight. */
    public void waveStarted(String waveId) {
        bestEffort("Wave Started", waveId, () -> {
            WaveRecord wave = waves.require(waveId);
            // The wave's own list: servers whose agent is still to be installed have no record yet.
            List<ServerSpec> named = wave.definition().servers();
            List<ServerRef> listed = named.stream().limit(FerryEventDetail.MAX_SERVERS)
                    .map(server -> new ServerRef(server.sourceServerId(), server.sourceInstanceId(), server.name()))
                    .toList();
            publish(wave, new WaveStarted(header(wave, FerryEventType.WAVE_STARTED), wave.definition().sourceRegion(),
                    wave.definition().targetRegion(), named.size(), listed, named.size() - listed.size()));
            notifyStage(wave, "Preflight", waves.servers(waveId));
        });
    }

    /**
     * A stage has ended for every server it acts on: {@code Ferry Stage Changed}, and the short
     * message when the wave notifies every stage.
     *
     * @param stage the state machine's name for it, e.g. {@code PrepareLaunch}, {@code SettleCutover}
     */
    public void stageEnded(String waveId, String stage) {
        bestEffort("Stage Changed " + stage, waveId, () -> {
            WaveRecord wave = waves.require(waveId);
            List<ServerRecord> servers = waves.servers(waveId);
            Listed problems = Listed.of(problems(servers));
            publish(wave, new StageChanged(header(wave, FerryEventType.STAGE_CHANGED, stage), stage,
                    wave.status() == WaveRecord.WaveStatus.STOPPED, counts(servers), problems.servers(),
                    problems.omitted()));
            notifyStage(wave, stage, servers);
        });
    }

    /** The cutover waits for a decision until {@code expiresAt}: {@code Ferry Approval Requested}. */
    public void approvalRequested(String waveId, Instant expiresAt) {
        bestEffort("Approval Requested", waveId, () -> {
            WaveRecord wave = waves.require(waveId);
            publish(wave, new ApprovalRequested(header(wave, FerryEventType.APPROVAL_REQUESTED), expiresAt,
                    counts(waves.servers(waveId))));
        });
    }

    /** Nobody decided the cutover in time: {@code Ferry Approval Decided} with {@code TIMED_OUT}. */
    public void approvalTimedOut(String waveId) {
        bestEffort("Approval Decided", waveId, () -> {
            WaveRecord wave = waves.require(waveId);
            publish(wave, new ApprovalDecided(header(wave, FerryEventType.APPROVAL_DECIDED), "TIMED_OUT", null, null));
        });
    }

    /**
     * The wave's report is out: a {@code Ferry Server Outcome} per server, then {@code Ferry Wave Ended}
     * (which a consumer may take as the last word on the wave).
     */
    public void waveEnded(String waveId) {
        bestEffort("Wave Ended", waveId, () -> {
            Optional<WaveRecord> stored = waves.find(waveId);
            if (stored.isEmpty()) {
                LOG.info("Wave {} was never stored (its preflight failed): it has no events to end", waveId);
                return;
            }
            WaveRecord wave = stored.get();
            List<ServerRecord> servers = waves.servers(waveId);
            List<FerryEvent> events = new ArrayList<>();
            for (ServerRecord server : servers) {
                events.add(event(wave, FerryEventType.SERVER_OUTCOME, new ServerOutcome(
                        header(wave, FerryEventType.SERVER_OUTCOME, server.sourceServerId()), wave.status().name(),
                        summary(server), server.test() == null ? null : server.test().instanceId(),
                        server.cutover() == null ? null : server.cutover().instanceId())));
            }
            events.add(event(wave, FerryEventType.WAVE_ENDED, new WaveEnded(header(wave, FerryEventType.WAVE_ENDED),
                    wave.status().name(), wave.reason(), counts(servers))));
            publisher.publish(events);
        });
    }

    private void notifyStage(WaveRecord wave, String stage, List<ServerRecord> servers) {
        if (!wave.definition().notifications().everyStage()) {
            return;
        }
        Counts counts = counts(servers);
        String summary = counts.active() + " active, " + counts.cutOver() + " cut over, " + counts.failed()
                + " failed, " + counts.leftOut() + " left out";
        notifier.publish(StageMessage.of(wave.definition().waveName(), stage, counts.total(), summary,
                problems(servers)));
    }

    private void publish(WaveRecord wave, FerryEventDetail detail) {
        publisher.publish(List.of(event(wave, typeOf(detail), detail)));
    }

    private FerryEvent event(WaveRecord wave, FerryEventType type, FerryEventDetail detail) {
        return new FerryEvent(type, clock.instant(), List.of(wave.executionArn()), detail);
    }

    private static FerryEventType typeOf(FerryEventDetail detail) {
        return switch (detail) {
            case WaveStarted ignored -> FerryEventType.WAVE_STARTED;
            case StageChanged ignored -> FerryEventType.STAGE_CHANGED;
            case ServerOutcome ignored -> FerryEventType.SERVER_OUTCOME;
            case ApprovalRequested ignored -> FerryEventType.APPROVAL_REQUESTED;
            case ApprovalDecided ignored -> FerryEventType.APPROVAL_DECIDED;
            case WaveEnded ignored -> FerryEventType.WAVE_ENDED;
        };
    }

    private static WaveHeader header(WaveRecord wave, FerryEventType type, String... occurrence) {
        return WaveHeader.of(wave.waveId(), wave.definition().waveName(), wave.executionArn(), type, occurrence);
    }

    static Counts counts(List<ServerRecord> servers) {
        int active = 0;
        int cutOver = 0;
        int failed = 0;
        int leftOut = 0;
        for (ServerRecord server : servers) {
            switch (server.status()) {
                case ACTIVE -> active++;
                case CUT_OVER -> cutOver++;
                case FAILED -> failed++;
                case LEFT_OUT -> leftOut++;
            }
        }
        return new Counts(servers.size(), active, cutOver, failed, leftOut);
    }

    private static List<ServerRecord> problems(List<ServerRecord> servers) {
        return servers.stream()
                .filter(server -> server.status() == ServerStatus.FAILED || server.status() == ServerStatus.LEFT_OUT)
                .toList();
    }

    static ServerSummary summary(ServerRecord server) {
        return new ServerSummary(server.sourceServerId(), server.label(), server.sourceInstanceId(),
                server.status().name(), server.stage().name(),
                server.failure() == null ? null : server.failure().reason());
    }

    private void bestEffort(String what, String waveId, Runnable telling) {
        if (silent) {
            return;
        }
        try {
            telling.run();
        } catch (RuntimeException e) {
            LOG.warn("Ferry could not tell of {} for wave {}; the stage goes on: {}", what, waveId, e.toString(), e);
        }
    }

    /** At most {@link FerryEventDetail#MAX_SERVERS} servers, and how many more there were. */
    private record Listed(List<ServerSummary> servers, int omitted) {

        static Listed of(List<ServerRecord> servers) {
            List<ServerSummary> listed = servers.stream().limit(FerryEventDetail.MAX_SERVERS)
                    .map(WaveEvents::summary).toList();
            return new Listed(listed, servers.size() - listed.size());
        }
    }
}
