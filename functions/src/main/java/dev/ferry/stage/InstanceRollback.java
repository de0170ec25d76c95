package dev.ferry.stage;

import dev.ferry.mgn.LifecycleState;
import dev.ferry.mgn.MgnConflictException;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.mgn.SourceServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Puts servers back to a lifecycle state from which MGN can launch them again, and terminates the
 * instances they launched. Safe to repeat: the current lifecycle is read first, and a conflict
 * after a change means an earlier attempt already made it.
 */
final class InstanceRollback {

    /** MGN refuses TerminateTargetInstances for a server in these states. */
    private static final Set<LifecycleState> NO_TERMINATE =
            EnumSet.of(LifecycleState.TESTING, LifecycleState.CUTTING_OVER, LifecycleState.CUTOVER);

    /** The states a launch leaves a server in; others (CUTOVER above all: finalized) are left alone. */
    private static final Set<LifecycleState> ROLLED_BACK_FROM =
            EnumSet.of(LifecycleState.TESTING, LifecycleState.READY_FOR_CUTOVER, LifecycleState.CUTTING_OVER);

    private static final int TERMINATE_BATCH = 100;
    private static final int MGN_PARALLELISM = 10;
    private static final Logger LOG = LoggerFactory.getLogger(InstanceRollback.class);

    private final MgnGateway mgn;

    InstanceRollback(MgnGateway mgn) {
        this.mgn = mgn;
    }

    /**
     * Moves each server to {@code target} (unless it is there or cannot go back), then terminates
     * the launched instances of those MGN lets terminate.
     *
     * @param serverIds    the servers
     * @param target       READY_FOR_TEST or READY_FOR_CUTOVER
     * @param hasInstance  whether Ferry recorded a launched instance for a server (MGN's own
     *                     {@code launchedInstance} counts too)
     */
    void rollBack(List<String> serverIds, LifecycleState target, Set<String> hasInstance) {
        if (serverIds.isEmpty()) {
            return;
        }
        Map<String, SourceServer> current = mgn.describeSourceServers(serverIds).stream()
                .collect(Collectors.toMap(SourceServer::id, Function.identity()));
        List<SourceServer> known = serverIds.stream().filter(current::containsKey).map(current::get).toList();
        serverIds.stream().filter(id -> !current.containsKey(id))
                .forEach(id -> LOG.warn("Server {} is not in MGN any more; nothing to roll back", id));

        List<LifecycleState> after = Concurrently.map(known, MGN_PARALLELISM, server -> moveTo(server, target));
        List<String> toTerminate = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            SourceServer server = known.get(i);
            boolean launched = server.launchedInstanceId() != null || hasInstance.contains(server.id());
            if (launched && !NO_TERMINATE.contains(after.get(i))) {
                toTerminate.add(server.id());
            }
        }
        terminate(toTerminate);
    }

    private LifecycleState moveTo(SourceServer server, LifecycleState target) {
        LifecycleState lifecycle = server.lifecycle();
        if (lifecycle == target || !ROLLED_BACK_FROM.contains(lifecycle)) {
            return lifecycle;
        }
        try {
            mgn.changeLifecycleState(server.id(), target);
            LOG.info("Server {} moved from {} to {}", server.id(), lifecycle, target);
        } catch (MgnConflictException alreadyChanged) {
            LOG.info("Server {} refused the move to {} ({}); taken as already done", server.id(), target,
                    alreadyChanged.getMessage());
        }
        return target;
    }

    private void terminate(List<String> serverIds) {
        for (int from = 0; from < serverIds.size(); from += TERMINATE_BATCH) {
            List<String> batch = serverIds.subList(from, Math.min(from + TERMINATE_BATCH, serverIds.size()));
            try {
                mgn.terminateTargetInstances(batch);
            } catch (MgnConflictException oneRefused) {
                // One server in an active job (an earlier terminate, say) refuses the whole batch;
                // the others still deserve their termination.
                terminateOneByOne(batch);
            }
        }
    }

    private void terminateOneByOne(Collection<String> serverIds) {
        for (String serverId : serverIds) {
            try {
                mgn.terminateTargetInstances(List.of(serverId));
            } catch (MgnConflictException refused) {
                LOG.info("MGN refused to terminate the instance of {} ({}); taken as already done", serverId,
                        refused.getMessage());
            }
        }
    }
}
