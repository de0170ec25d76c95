package dev.ferry.stage;

import dev.ferry.mgn.SourceServer;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes servers found in MGN members of their wave: a record per server, stored once. Preflight
 * joins the servers MGN knows; InstallAgents joins each server whose agent it installed. Safe to
 * run again: a server already stored keeps its record, which may have moved on.
 */
public final class ServerJoins {

    private final WaveStore store;
    private final Clock clock;

    public ServerJoins(WaveStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * A server about to join.
     *
     * @param sourceServerId   its MGN source server ID
     * @param label            what people call it
     * @param sourceInstanceId its EC2 source instance, or null
     */
    public record Joining(String sourceServerId, String label, String sourceInstanceId) {

        /**
         * The server as MGN knows it, labelled with the wave's name for it, else its hostname, else its
         * ID; its instance as MGN reports it, else as the wave gives it.
         */
        public static Joining of(SourceServer server, String name, String givenInstanceId) {
            String label = name != null ? name : server.hostname() != null ? server.hostname() : server.id();
            return new Joining(server.id(), label,
                    server.awsInstanceId() != null ? server.awsInstanceId() : givenInstanceId);
        }
    }

    /** Stores the servers the wave does not hold yet and returns every server record of the wave. */
    public List<ServerRecord> join(String waveId, List<Joining> servers) {
        List<ServerRecord> existing = store.servers(waveId);
        Set<String> stored = existing.stream().map(ServerRecord::sourceServerId).collect(Collectors.toSet());
        Instant now = clock.instant();
        List<ServerRecord> joining = servers.stream()
                .filter(server -> !stored.contains(server.sourceServerId()))
                .map(server -> ServerRecord.joining(waveId, server.sourceServerId(), server.label(),
                        server.sourceInstanceId(), now))
                .toList();
        if (!joining.isEmpty()) {
            store.putServers(joining);
        }
        List<ServerRecord> all = new ArrayList<>(existing);
        all.addAll(joining);
        return all;
    }
}
