package dev.ferry.waits;

import dev.ferry.metrics.WaveMetrics;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.mgn.SourceServer;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerRecord.MgnStates;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads what MGN says of a wave's servers (one batched {@code DescribeSourceServers}) and records
 * it as each server's {@code lastSeen}. Every replication lag it reads is also a metric: this is
 * where the controller learns it (the reconciler's schedule and MGN's events decide how often).
 */
final class MgnObserver {

    private final MgnGateway mgn;
    private final WaveMetrics metrics;

    MgnObserver(MgnGateway mgn, WaveMetrics metrics) {
        this.mgn = mgn;
        this.metrics = metrics;
    }

    /**
     * MGN's view of these servers, by source server ID (a server MGN no longer knows is absent),
     * after recording it in their records. A record only changes when a state changed, so that
     * reading the same state twice writes nothing; {@code readAt} is when the states were first seen.
     */
    Map<String, SourceServer> observe(WaveServers servers, Collection<ServerRecord> which, Instant now) {
        if (which.isEmpty()) {
            return Map.of();
        }
        List<String> ids = which.stream().map(ServerRecord::sourceServerId).toList();
        Map<String, SourceServer> seen = mgn.describeSourceServers(ids).stream()
                .collect(Collectors.toMap(SourceServer::id, Function.identity(), (first, second) -> first));
        for (ServerRecord record : which) {
            SourceServer server = seen.get(record.sourceServerId());
            if (server != null && !sameStates(record.lastSeen(), server)) {
                servers.put(record.withLastSeen(statesOf(server, now)));
            }
            if (server != null && server.lag() != null) {
                metrics.replicationLag(record.waveId(), record.sourceServerId(), server.lag());
            }
        }
        return seen;
    }

    private static MgnStates statesOf(SourceServer server, Instant now) {
        return new MgnStates(server.lifecycle().name(), server.replication(), lagOf(server), now);
    }

    private static boolean sameStates(MgnStates recorded, SourceServer server) {
        return recorded != null
                && Objects.equals(recorded.lifecycle(), server.lifecycle().name())
                && Objects.equals(recorded.replication(), server.replication())
                && Objects.equals(recorded.lagDuration(), lagOf(server));
    }

    private static String lagOf(SourceServer server) {
        return server.lag() == null ? null : server.lag().toString();
    }
}
