package dev.ferry.waits;

import dev.ferry.metrics.WaveMetrics;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.notify.Notifier;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveProgress;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;

import java.time.Clock;

/**
 * Decides whether a wait's condition holds, against what MGN says now (never against an event):
 * reads the wave and its server records, reads MGN, records what changed in the server records
 * and says "not yet" or "done, with these counts". Evaluating again with unchanged MGN state
 * changes nothing and calls nothing that changes MGN.
 */
public final class WaitEvaluator {

    private final WaveStore waves;
    private final ReplicationCondition replication;
    private final LaunchCondition launch;

    /** An evaluator reading and acting through these ports. */
    public WaitEvaluator(WaveStore waves, MgnGateway mgn, Notifier notifier, WaveMetrics metrics, Clock clock) {
        this.waves = waves;
        MgnObserver observer = new MgnObserver(mgn, metrics);
        this.replication = new ReplicationCondition(waves, observer, new StallWatch(mgn, notifier), notifier, clock);
        this.launch = new LaunchCondition(mgn, observer, clock);
    }

    /** Evaluates the wait's condition now. */
    public WaitOutcome evaluate(Wait wait) {
        WaveRecord wave = wave(wait);
        WaveServers servers = WaveServers.load(waves, wave.waveId());
        if (wave.status() != WaveRecord.WaveStatus.RUNNING) {
            // A wave that stopped waits for nothing more: the state machine goes on to its report.
            return WaitOutcome.done(WaveProgress.of(wave, servers.all()));
        }
        return switch (wait.kind()) {
            case REPLICATION -> replication.evaluate(wait, wave, servers);
            case TEST_LAUNCH, CUTOVER_LAUNCH -> launch.evaluate(wait, wave, servers);
        };
    }

    /**
     * Whether this event can have moved the wait: the wait heeds events of its type and the
     * event's server is one of the wave's whose record does not already show what the event says.
     * One read of that server's record; the lease and MGN are left alone when it cannot.
     */
    public boolean mayBeMovedBy(Wait wait, MgnEventHint hint) {
        if (!wait.kind().heeds(hint)) {
            return false;
        }
        return waves.findServer(wait.waveId(), hint.sourceServerId())
                .filter(ServerRecord::isActive)
                .map(record -> switch (wait.kind()) {
                    case REPLICATION -> ReplicationCondition.mayBeMovedBy(record, hint);
                    case TEST_LAUNCH, CUTOVER_LAUNCH -> record.stage() == wait.kind().phase().launchStage();
                })
                .orElse(false);
    }

    /**
     * Evaluates the wait after an event about one of its servers: reads MGN only for what the
     * event is about (that server, or its launch job) and evaluates the whole wait only when that
     * may decide it (the last server ready, a job finished that frees room for the next batch, the
     * deadline passed). An event per server then costs a call or two, not a read of the whole wave.
     */
    public WaitOutcome evaluateAfter(Wait wait, MgnEventHint hint) {
        WaveRecord wave = wave(wait);
        WaveServers servers = WaveServers.load(waves, wave.waveId());
        if (wave.status() != WaveRecord.WaveStatus.RUNNING) {
            return WaitOutcome.done(WaveProgress.of(wave, servers.all()));
        }
        return switch (wait.kind()) {
            case REPLICATION -> replication.evaluateAfter(wait, wave, servers, hint);
            case TEST_LAUNCH, CUTOVER_LAUNCH -> launch.evaluateAfter(wait, wave, servers, hint);
        };
    }

    /** The wave's counts as stored, for sending a released wait's callback again. */
    public WaveProgress progressOf(Wait wait) {
        WaveRecord wave = wave(wait);
        return WaveProgress.of(wave, waves.servers(wave.waveId()));
    }

    private WaveRecord wave(Wait wait) {
        return waves.require(wait.waveId());
    }
}
