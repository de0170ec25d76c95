package dev.ferry.waits;

import dev.ferry.server.ServerRecord;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;
import dev.ferry.wave.TimeLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Opens a wave's wait for a waiting task: moves the wave's active servers into the awaited stage,
 * stores the wait with its token and deadline, and evaluates it at once, because the condition may
 * already hold (every server already replicating) or a launch wait has launches to start.
 */
public final class BeginWaitService {

    private static final Logger LOG = LoggerFactory.getLogger(BeginWaitService.class);

    private final WaveStore waves;
    private final WaitStore waits;
    private final WaitSweep sweep;
    private final Clock clock;

    public BeginWaitService(WaveStore waves, WaitStore waits, WaitSweep sweep, Clock clock) {
        this.waves = waves;
        this.waits = waits;
        this.sweep = sweep;
        this.clock = clock;
    }

    /**
     * Opens the wait and evaluates it once. Safe to repeat: a retried invocation with the same token
     * keeps the wait already stored; a retried task (a new token, a later attempt) replaces it. A
     * handler that runs on after its task was retried finds the later attempt's wait and leaves it
     * as it is: its own token can no longer end the task.
     */
    public WaitAcknowledgement begin(BeginWaitRequest request) {
        WaveRecord wave = waves.require(request.waveId());
        Instant now = clock.instant();
        // Servers first: a wait stored before its servers entered the stage would look finished.
        enterStage(wave, stageOf(request.kind()), now);
        Wait wait = open(wave, request, now);
        WaitAttempt attempt = sweep.attempt(wait);
        LOG.info("Opened the {} wait of wave {} until {}: {}", request.kind(), wave.waveId(), wait.deadline(), attempt);
        return new WaitAcknowledgement(wait.waitId(), attempt);
    }

    private void enterStage(WaveRecord wave, Stage stage, Instant now) {
        List<ServerRecord> entering = waves.servers(wave.waveId()).stream()
                .filter(ServerRecord::isActive)
                .filter(server -> server.stage().compareTo(stage) < 0)
                .map(server -> server.enteringStage(stage, now))
                .toList();
        if (!entering.isEmpty()) {
            waves.putServers(entering);
        }
    }

    private Wait open(WaveRecord wave, BeginWaitRequest request, Instant now) {
        Optional<Wait> stored = waits.find(Wait.idOf(wave.waveId(), request.kind()));
        if (stored.isPresent() && !stored.get().isReplacedBy(request.attempt())) {
            return stored.get();
        }
        Wait wait = Wait.open(wave.waveId(), request.kind(), request.taskToken(), request.attempt(),
                wave.executionArn(), now, deadlineOf(wave, request.kind(), now));
        // Conditional: between the read and this write a later attempt may have opened the wait.
        return waits.open(wait) ? wait : waits.find(wait.waitId()).orElse(wait);
    }

    /**
     * Replication is limited from the wave's start. A launch stage's deadline is when its queued
     * launches must have started, which grows with the servers waiting their turn in MGN; each
     * launch then has its own limit from its job's start ({@link LaunchCondition}).
     */
    static Instant deadlineOf(WaveRecord wave, WaitKind kind, Instant now) {
        TimeLimits limits = wave.definition().timeLimits();
        return switch (kind) {
            case REPLICATION -> wave.startedAt().plus(limits.replication());
            case TEST_LAUNCH, CUTOVER_LAUNCH -> now.plus(limits.launchQueue(wave.definition().servers().size()));
        };
    }

    private static Stage stageOf(WaitKind kind) {
        return kind == WaitKind.REPLICATION ? Stage.REPLICATION : kind.phase().launchStage();
    }
}
