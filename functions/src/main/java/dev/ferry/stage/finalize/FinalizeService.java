package dev.ferry.stage.finalize;

import dev.ferry.mgn.LifecycleState;
import dev.ferry.mgn.MgnConflictException;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.mgn.MgnThrottledException;
import dev.ferry.mgn.SourceServer;
import dev.ferry.retry.TransientFailures;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.Stage;
import dev.ferry.server.StageLeases;
import dev.ferry.server.WaveProgress;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;
import dev.ferry.stage.Concurrently;
import dev.ferry.stage.MgnWaveGrouping;
import dev.ferry.stage.Records;
import dev.ferry.stage.StageBusyException;
import dev.ferry.stage.WaveRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finalizes the cutover of every server that passed cutover validation (replication stops, the
 * cutover instance stays) and archives it in MGN when the wave asks for it. A server MGN refuses
 * to finalize fails alone; the others are cut over. Each attempt works under the stage's lease, so
 * that an attempt Step Functions gave up on and its retry never finalize or archive the same
 * servers together.
 */
public class FinalizeService {

    private static final Logger LOG = LoggerFactory.getLogger(FinalizeService.class);
    private static final int MGN_PARALLELISM = 10;
    /** Longer than the function's 5-minute timeout: a holder's lease never lapses while it runs. */
    static final Duration LEASE = Duration.ofMinutes(6);

    private final WaveStore waves;
    private final StageLeases leases;
    private final MgnGateway mgn;
    private final Clock clock;
    private final MgnWaveGrouping grouping;

    public FinalizeService(WaveStore waves, StageLeases leases, MgnGateway mgn, Clock clock) {
        this.waves = waves;
        this.leases = leases;
        this.mgn = mgn;
        this.clock = clock;
        this.grouping = new MgnWaveGrouping(mgn);
    }

    /**
     * Finalizes (and archives) the servers in the finalize stage; each ends cut over or failed.
     *
     * @throws StageBusyException when another attempt of the stage still runs for the wave
     */
    public WaveProgress finalizeCutover(WaveRef request) {
        String holder = UUID.randomUUID().toString();
        if (!leases.tryTake(request.waveId(), Stage.FINALIZE, holder, clock.instant(), LEASE)) {
            throw new StageBusyException(request.waveId(), Stage.FINALIZE);
        }
        try {
            WaveProgress progress = finalizeCutover(request.waveId());
            archiveMgnWave(request.waveId());
            return progress;
        } finally {
            leases.giveBack(request.waveId(), Stage.FINALIZE, holder);
        }
    }

    private WaveProgress finalizeCutover(String waveId) {
        WaveRecord wave = waves.require(waveId);
        List<ServerRecord> servers = waves.servers(waveId);
        List<ServerRecord> toFinalize = servers.stream()
                .filter(server -> server.isActive() && server.stage() == Stage.FINALIZE)
                .toList();
        if (toFinalize.isEmpty()) {
            return WaveProgress.of(wave, servers);
        }
        boolean archive = wave.definition().policies().archiveAfterFinalize();
        Map<String, SourceServer> current = describe(Records.idsOf(toFinalize));
        List<ServerRecord> finished = Concurrently.map(toFinalize, MGN_PARALLELISM,
                server -> finished(server, current.get(server.sourceServerId()), archive));
        waves.putServers(finished);
        LOG.info("Finalized the cutover of {} servers", finished.stream().filter(s -> !s.isActive()).count());
        return WaveProgress.of(wave, Records.replaced(servers, finished));
    }

    /**
     * Archives the wave's MGN application and wave once every server in them is archived. Also on
     * an attempt that found nothing left to finalize: the one before may have stopped in between.
     */
    private void archiveMgnWave(String waveId) {
        WaveRecord wave = waves.require(waveId);
        if (wave.definition().mgnWave() == null || !wave.definition().policies().archiveAfterFinalize()) {
            return;
        }
        try {
            grouping.archiveWhenDone(waveId, wave.definition().mgnWave());
        } catch (MgnConflictException refused) {
            // The servers are cut over and archived; MGN's grouping is a view of them, not worth failing the wave.
            LOG.warn("MGN refused to archive the wave's MGN application or wave: {}", refused.getMessage());
        }
    }

    private ServerRecord finished(ServerRecord server, SourceServer current, boolean archive) {
        String id = server.sourceServerId();
        String step = "FinalizeCutover";
        try {
            if (!isFinalized(current)) {
                finalizeInMgn(id);
            }
            // A server that was not finalized cannot have been archived: MGN archives only finalized servers.
            boolean archived = isFinalized(current) && current.archived();
            if (archive && !archived) {
                step = "MarkAsArchived";
                mgn.markAsArchived(id);
            }
            return server.cutOver(clock.instant());
        } catch (MgnThrottledException throttled) {
            // Not the server's fault: the state machine retries the stage, which finalizes only what is left.
            throw throttled;
        } catch (RuntimeException refused) {
            if (TransientFailures.isTransient(refused)) {
                // MGN did not refuse: the call failed on the way, and the retried stage reads what it did.
                throw refused;
            }
            // One server's refusal must not keep the others from cutting over.
            LOG.warn("{} failed for server {}: {}", step, id, refused.getMessage());
            return server.failed(step + " failed: " + refused.getMessage(), clock.instant());
        }
    }

    private void finalizeInMgn(String id) {
        try {
            mgn.finalizeCutover(id);
        } catch (MgnConflictException conflict) {
            // A finalize from an attempt that crashed after calling MGN conflicts; MGN's state tells.
            if (!isFinalized(describe(List.of(id)).get(id))) {
                throw conflict;
            }
        }
    }

    /** MGN finalized it already (an earlier attempt, or a person in the console). */
    private static boolean isFinalized(SourceServer server) {
        return server != null
                && (server.lifecycle() == LifecycleState.CUTOVER || "DISCONNECTED".equals(server.replication()));
    }

    private Map<String, SourceServer> describe(List<String> ids) {
        return mgn.describeSourceServers(ids).stream()
                .collect(Collectors.toMap(SourceServer::id, Function.identity()));
    }
}
