package dev.ferry.stage.launch;

import dev.ferry.mgn.LifecycleState;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.notify.FailuresMessage;
import dev.ferry.notify.Notifier;
import dev.ferry.server.Phase;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveProgress;
import dev.ferry.server.WaveRecord.WaveStatus;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;
import dev.ferry.stage.InstanceRollback;
import dev.ferry.stage.Records;
import dev.ferry.wave.Policies.OnServerFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static dev.ferry.notify.Wording.servers;

/**
 * Ends a launch phase: the servers that failed it (launch or validation) are put back in MGN and
 * reported in one message; the wave stops if its policy says so; the servers that passed a cutover
 * move on to finalizing. Safe to retry at any point: MGN state is read before it is changed, and a
 * failed server is settled (and named in a message) once.
 */
public class SettleService {

    private static final Logger LOG = LoggerFactory.getLogger(SettleService.class);
    private static final int NAMES_IN_STOP_REASON = 5;

    private final WaveStore waves;
    private final Notifier notifier;
    private final Clock clock;
    private final InstanceRollback rollback;

    public SettleService(WaveStore waves, MgnGateway mgn, Notifier notifier, Clock clock) {
        this.waves = waves;
        this.notifier = notifier;
        this.clock = clock;
        this.rollback = new InstanceRollback(mgn, clock);
    }

    /** Settles the phase's failures and moves the phase's passing servers on. */
    public WaveProgress settle(PhaseRequest request) {
        return settle(request.waveId(), request.phase());
    }

    private WaveProgress settle(String waveId, Phase phase) {
        WaveRecord wave = waves.require(waveId);
        Instant now = clock.instant();
        List<ServerRecord> servers = waves.servers(waveId);
        List<ServerRecord> failedInPhase = servers.stream().filter(server -> failedIn(server, phase)).toList();
        boolean stops = !failedInPhase.isEmpty()
                && wave.definition().policies().onServerFailure() == OnServerFailure.STOP;

        List<ServerRecord> changed =
                new ArrayList<>(settleNewFailures(wave, phase, servers, failedInPhase, stops, now));
        if (!stops) {
            changed.addAll(passedOn(wave, phase, servers, now));
        }
        waves.putServers(changed);

        if (stops && wave.status() == WaveStatus.RUNNING) {
            wave = wave.withStatus(WaveStatus.STOPPED, stopReason(phase, failedInPhase));
            waves.update(wave);
            LOG.warn("Wave stopped: {}", wave.reason());
        }
        return WaveProgress.of(wave, Records.replaced(servers, changed));
    }

    /** Rolls back and reports the failures not settled by an earlier attempt; returns them settled. */
    private List<ServerRecord> settleNewFailures(WaveRecord wave, Phase phase, List<ServerRecord> servers,
                                                 List<ServerRecord> failedInPhase, boolean stops, Instant now) {
        List<ServerRecord> unsettled = failedInPhase.stream().filter(server -> !Settlement.isSettled(server)).toList();
        if (unsettled.isEmpty()) {
            return List.of();
        }
        LifecycleState target = phase == Phase.TEST ? LifecycleState.READY_FOR_TEST : LifecycleState.READY_FOR_CUTOVER;
        Map<String, Instant> launchedAt = unsettled.stream()
                .filter(server -> server.launch(phase) != null && server.launch(phase).instanceId() != null)
                .collect(Collectors.toMap(ServerRecord::sourceServerId, server -> server.launch(phase).startedAt()));
        rollback.rollBack(Records.idsOf(unsettled), target, launchedAt);

        int stillActive = (int) servers.stream().filter(ServerRecord::isActive).count();
        // Told before the servers are marked settled: a crash in between repeats the message rather than losing it.
        notifier.publish(FailuresMessage.of(wave.definition().waveName(), phase, unsettled, stops, stillActive));
        LOG.info("Settled {} failed servers of the {} phase", unsettled.size(), phase);
        return unsettled.stream().map(server -> Settlement.settled(server, now)).toList();
    }

    /**
     * The servers that passed a cutover go on to finalizing, or are cut over at once when the wave
     * does not finalize. Servers that passed a test wait where they are for MarkReadyForCutover.
     */
    private static List<ServerRecord> passedOn(WaveRecord wave, Phase phase, List<ServerRecord> servers, Instant now) {
        if (phase == Phase.TEST) {
            return List.of();
        }
        boolean finalizes = wave.definition().policies().finalizeCutover();
        return servers.stream()
                .filter(server -> server.isActive() && server.stage() == phase.validationStage())
                .filter(server -> passed(server, phase))
                .map(server -> finalizes ? server.enteringStage(Stage.FINALIZE, now) : server.cutOver(now))
                .toList();
    }

    private static boolean passed(ServerRecord server, Phase phase) {
        ServerRecord.Validation validation = server.validation();
        return validation != null && validation.phase() == phase
                && validation.outcome() == ServerRecord.Validation.Outcome.PASSED;
    }

    private static boolean failedIn(ServerRecord server, Phase phase) {
        ServerRecord.Failure failure = server.failure();
        return server.status() == ServerStatus.FAILED && failure != null
                && (failure.stage() == phase.launchStage() || failure.stage() == phase.validationStage());
    }

    private static String stopReason(Phase phase, List<ServerRecord> failed) {
        String names = failed.stream().limit(NAMES_IN_STOP_REASON).map(ServerRecord::label)
                .filter(Objects::nonNull).collect(Collectors.joining(", "));
        int unnamed = failed.size() - NAMES_IN_STOP_REASON;
        String more = unnamed > 0 ? " and " + unnamed + " more" : "";
        return servers(failed.size()) + " failed the " + (phase == Phase.TEST ? "test" : "cutover") + " (" + names + more
                + ") and the wave's policy is to stop when a server fails";
    }
}
