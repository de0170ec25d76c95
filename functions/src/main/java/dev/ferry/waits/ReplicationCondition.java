package dev.ferry.waits;

import dev.ferry.mgn.LifecycleState;
import dev.ferry.mgn.SdkMgnGateway;
import dev.ferry.mgn.SourceServer;
import dev.ferry.notify.Notification;
import dev.ferry.notify.Notifier;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveProgress;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;
import dev.ferry.wave.Policies.OnServerFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The replication wait: done when every active server has been ready for testing and has a
 * known replication lag (only then can MGN launch it). At the deadline, the servers not ready are
 * left out (policy CONTINUE) or the wave stops (policy STOP).
 */
final class ReplicationCondition {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicationCondition.class);

    private final WaveStore waves;
    private final MgnObserver observer;
    private final StallWatch stalls;
    private final Notifier notifier;
    private final Clock clock;

    ReplicationCondition(WaveStore waves, MgnObserver observer, StallWatch stalls, Notifier notifier, Clock clock) {
        this.waves = waves;
        this.observer = observer;
        this.stalls = stalls;
        this.notifier = notifier;
        this.clock = clock;
    }

    WaitOutcome evaluate(Wait wait, WaveRecord wave, WaveServers servers) {
        Instant now = clock.instant();
        Map<String, SourceServer> seen = observer.observe(servers, servers.active(), now);
        stalls.review(wave, servers, seen, now);
        servers.save();

        List<ServerRecord> notReady = servers.active().stream()
                .filter(record -> !isReady(seen.get(record.sourceServerId())))
                .toList();
        if (notReady.isEmpty()) {
            return WaitOutcome.done(WaveProgress.of(wave, servers.all()));
        }
        if (now.isBefore(wait.deadline())) {
            LOG.info("{} of {} active servers are not ready for testing yet", notReady.size(),
                    servers.active().size());
            return WaitOutcome.notYet();
        }
        return wave.definition().policies().onServerFailure() == OnServerFailure.STOP
                ? stopWave(wave, servers, notReady, seen)
                : leaveOut(wave, servers, notReady, seen, now);
    }

    /**
     * After an event about one server: a lifecycle change reads MGN for that server and, in the
     * same call, for as many other servers not yet seen ready as the call takes (events of one
     * moment then cost one call, not one each), and evaluates the whole wait only once every
     * active server's record shows it ready (or at the deadline). A stall change is rare and
     * reviewed by a whole evaluation, as stalls are tracked across the wave.
     */
    WaitOutcome evaluateAfter(Wait wait, WaveRecord wave, WaveServers servers, MgnEventHint hint) {
        Instant now = clock.instant();
        ServerRecord record = servers.find(hint.sourceServerId()).orElse(null);
        if (hint.detailType() != MgnEventType.LIFECYCLE_STATE_CHANGE || record == null || !now.isBefore(wait.deadline())) {
            return evaluate(wait, wave, servers);
        }
        List<ServerRecord> toRead = Stream.concat(Stream.of(record), servers.active().stream()
                        .filter(other -> !other.sourceServerId().equals(record.sourceServerId()))
                        .filter(other -> !wasSeenReady(other.lastSeen())))
                .limit(SdkMgnGateway.SOURCE_SERVER_FILTER_LIMIT)
                .toList();
        observer.observe(servers, toRead, now);
        servers.save();
        boolean everyServerSeenReady = servers.active().stream().allMatch(server -> wasSeenReady(server.lastSeen()));
        return everyServerSeenReady ? evaluate(wait, wave, servers) : WaitOutcome.notYet();
    }

    /** Whether the event can tell the record something new: a change it does not show yet. */
    static boolean mayBeMovedBy(ServerRecord record, MgnEventHint hint) {
        return switch (hint.detailType()) {
            case LIFECYCLE_STATE_CHANGE -> !wasSeenReady(record.lastSeen());
            case REPLICATION_STALLED_CHANGE -> !(("STALLED".equals(hint.state()) && record.stall() != null)
                    || ("NOT_STALLED".equals(hint.state()) && record.stall() == null));
            case LAUNCH_RESULT -> false;
        };
    }

    private static boolean isReady(SourceServer server) {
        return server != null && server.lifecycle().hasBeenReadyForTest() && server.isLaunchable();
    }

    /** {@link #isReady} on the states last recorded for a server. */
    private static boolean wasSeenReady(ServerRecord.MgnStates seen) {
        return seen != null && LifecycleState.fromWire(seen.lifecycle()).hasBeenReadyForTest()
                && seen.lagDuration() != null;
    }

    private WaitOutcome leaveOut(WaveRecord wave, WaveServers servers, List<ServerRecord> notReady,
                                 Map<String, SourceServer> seen, Instant now) {
        StringBuilder body = new StringBuilder("These servers were not ready for testing within ")
                .append(limit(wave)).append(" and continue no further with wave ")
                .append(wave.definition().waveName()).append(":\n\n");
        for (ServerRecord record : notReady) {
            body.append("- ").append(Texts.nameOf(record)).append(": ")
                    .append(stateOf(seen.get(record.sourceServerId()))).append('\n');
        }
        notifier.publish(new Notification("Ferry wave " + wave.definition().waveName() + ": "
                + Texts.plural(notReady.size(), "server") + " left out, not ready for testing in time", body.toString()));
        for (ServerRecord record : notReady) {
            servers.put(record.leftOut(reasonFor(wave, seen.get(record.sourceServerId())), now));
        }
        servers.save();
        LOG.warn("Left {} servers out of the wave: not ready for testing within {}", notReady.size(), limit(wave));
        return WaitOutcome.done(WaveProgress.of(wave, servers.all()));
    }

    private WaitOutcome stopWave(WaveRecord wave, WaveServers servers, List<ServerRecord> notReady,
                                 Map<String, SourceServer> seen) {
        String reason = Texts.plural(notReady.size(), "server") + " not ready for testing within " + limit(wave)
                + ": " + Texts.someNames(notReady);
        StringBuilder body = new StringBuilder("Wave ").append(wave.definition().waveName())
                .append(" stops: its policy is to stop when a server fails, and these servers were not ready for testing within ")
                .append(limit(wave)).append(":\n\n");
        for (ServerRecord record : notReady) {
            body.append("- ").append(Texts.nameOf(record)).append(": ")
                    .append(stateOf(seen.get(record.sourceServerId()))).append('\n');
        }
        notifier.publish(new Notification("Ferry wave " + wave.definition().waveName() + " stopped: "
                + Texts.plural(notReady.size(), "server") + " not ready for testing in time", body.toString()));
        WaveRecord stopped = wave.withStatus(WaveRecord.WaveStatus.STOPPED, reason);
        waves.update(stopped);
        LOG.warn("Stopped the wave: {}", reason);
        return WaitOutcome.done(WaveProgress.of(stopped, servers.all()));
    }

    private static String reasonFor(WaveRecord wave, SourceServer server) {
        return "not ready for testing within " + limit(wave) + ": " + stateOf(server);
    }

    /** The replication state that kept a server from being ready, as people read it. */
    private static String stateOf(SourceServer server) {
        if (server == null) {
            return "not found in MGN";
        }
        String state = "lifecycle " + server.lifecycle() + ", replication "
                + (server.replication() != null ? server.replication() : "unknown");
        if (server.replicationError() != null) {
            state += " (" + server.replicationError() + ")";
        }
        if (server.lifecycle().hasBeenReadyForTest() && !server.isLaunchable()) {
            state += ", replication lag not known yet";
        }
        return state;
    }

    private static String limit(WaveRecord wave) {
        return Texts.duration(wave.definition().timeLimits().replication());
    }
}
