package dev.ferry.stage.launch;

import dev.ferry.mgn.LifecycleState;
import dev.ferry.mgn.MgnConflictException;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.mgn.SourceServer;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveProgress;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;
import dev.ferry.stage.Concurrently;
import dev.ferry.stage.Records;
import dev.ferry.stage.WaveRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Marks the wave's active servers ready for cutover in MGN (after their test, or straight from
 * replication when the wave skips the test) and moves them to the approval stage.
 */
public class MarkReadyForCutoverService {

    private static final Logger LOG = LoggerFactory.getLogger(MarkReadyForCutoverService.class);
    private static final int MGN_PARALLELISM = 10;

    private final WaveStore waves;
    private final MgnGateway mgn;
    private final Clock clock;

    public MarkReadyForCutoverService(WaveStore waves, MgnGateway mgn, Clock clock) {
        this.waves = waves;
        this.mgn = mgn;
        this.clock = clock;
    }

    /**
     * Changes each active server's lifecycle to READY_FOR_CUTOVER unless MGN shows it there already,
     * then records it in the approval stage. Servers already in the approval stage are done.
     */
    public WaveProgress markReady(WaveRef request) {
        return markReady(request.waveId());
    }

    private WaveProgress markReady(String waveId) {
        WaveRecord wave = waves.require(waveId);
        Instant now = clock.instant();
        List<ServerRecord> servers = waves.servers(waveId);
        List<ServerRecord> toMark = servers.stream()
                .filter(server -> server.isActive() && server.stage() != Stage.APPROVAL)
                .toList();
        if (!toMark.isEmpty()) {
            Map<String, SourceServer> current = mgn.describeSourceServers(Records.idsOf(toMark)).stream()
                    .collect(Collectors.toMap(SourceServer::id, Function.identity()));
            Concurrently.map(toMark, MGN_PARALLELISM,
                    server -> markInMgn(server, current.get(server.sourceServerId())));
        }
        List<ServerRecord> marked = toMark.stream()
                .map(server -> server.enteringStage(Stage.READY_FOR_CUTOVER, now).enteringStage(Stage.APPROVAL, now))
                .toList();
        waves.putServers(marked);
        LOG.info("Marked {} servers ready for cutover", marked.size());
        return WaveProgress.of(wave, Records.replaced(servers, marked));
    }

    private Void markInMgn(ServerRecord server, SourceServer current) {
        if (current != null && current.lifecycle() == LifecycleState.READY_FOR_CUTOVER) {
            return null;
        }
        try {
            mgn.changeLifecycleState(server.sourceServerId(), LifecycleState.READY_FOR_CUTOVER);
        } catch (MgnConflictException alreadyChanged) {
            LOG.info("Server {} refused READY_FOR_CUTOVER ({}); taken as already done", server.sourceServerId(),
                    alreadyChanged.getMessage());
        }
        return null;
    }
}
