package dev.ferry.stage.approval;

import dev.ferry.mgn.LifecycleState;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.notify.NotApprovedMessage;
import dev.ferry.notify.Notifier;
import dev.ferry.notify.Wording;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveProgress;
import dev.ferry.server.WaveRecord.WaveStatus;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;
import dev.ferry.stage.CaughtError;
import dev.ferry.stage.InstanceRollback;
import dev.ferry.stage.Records;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ends a wave whose cutover was rejected or never approved: its servers are left out, put back to
 * READY_FOR_TEST with their test instances terminated so that a later wave can take them, and
 * people are told in one message. The wave's NOT_APPROVED status is written last and marks the
 * work done, so a retry after it changes nothing.
 */
public class NotApprovedService {

    private static final Logger LOG = LoggerFactory.getLogger(NotApprovedService.class);
    private static final String PREFIX = "cutover not approved: ";

    private final WaveStore waves;
    private final Notifier notifier;
    private final Clock clock;
    private final InstanceRollback rollback;

    public NotApprovedService(WaveStore waves, MgnGateway mgn, Notifier notifier, Clock clock) {
        this.waves = waves;
        this.notifier = notifier;
        this.clock = clock;
        this.rollback = new InstanceRollback(mgn, clock);
    }

    /** Leaves the wave's active servers out and records the wave as not approved. */
    public WaveProgress notApproved(NotApprovedRequest request) {
        String waveId = request.waveId();
        WaveRecord wave = waves.require(waveId);
        List<ServerRecord> servers = waves.servers(waveId);
        if (wave.status() == WaveStatus.NOT_APPROVED) {
            return WaveProgress.of(wave, servers);
        }
        Instant now = clock.instant();
        String why = reason(request, wave.definition().timeLimits().approval());
        List<ServerRecord> notCutOver = servers.stream().filter(NotApprovedService::waitedForApproval).toList();
        Map<String, Instant> testedAt = notCutOver.stream()
                .filter(server -> server.test() != null && server.test().instanceId() != null)
                .collect(Collectors.toMap(ServerRecord::sourceServerId, server -> server.test().startedAt()));
        rollback.rollBack(Records.idsOf(notCutOver), LifecycleState.READY_FOR_TEST, testedAt);

        List<ServerRecord> leftOut = notCutOver.stream()
                .map(server -> server.isActive() ? server.leftOut(PREFIX + why, now) : server)
                .toList();
        // Told before anything is recorded: a crash in between repeats the message rather than losing it.
        notifier.publish(NotApprovedMessage.of(wave.definition().waveName(), why, leftOut));
        waves.putServers(leftOut);
        WaveRecord notApproved = wave.withStatus(WaveStatus.NOT_APPROVED, PREFIX + why);
        waves.update(notApproved);
        LOG.info("Cutover not approved ({}); {} servers left out", why, leftOut.size());
        return WaveProgress.of(notApproved, Records.replaced(servers, leftOut));
    }

    /**
     * The servers this stage leaves out: the active ones, and those an interrupted earlier attempt
     * already left out while they waited for approval.
     */
    private static boolean waitedForApproval(ServerRecord server) {
        return server.isActive() || server.status() == ServerStatus.LEFT_OUT && server.failure() != null
                && server.failure().stage() == Stage.APPROVAL;
    }

    private static String reason(NotApprovedRequest request, Duration approvalLimit) {
        if (!request.isRejected()) {
            return "approval timed out after " + Wording.duration(approvalLimit);
        }
        // The approval sends "<approver>: <comment>" as the rejection's cause.
        return CaughtError.from(request.error())
                .map(CaughtError::cause)
                .map(cause -> "rejected by " + cause)
                .orElse("rejected");
    }
}
