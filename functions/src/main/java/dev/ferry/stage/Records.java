package dev.ferry.stage;

import dev.ferry.server.ServerRecord;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small operations on lists of server records. */
public final class Records {

    private Records() {
    }

    /** The wave's servers with each record in {@code changed} in place of the stored one of the same server. */
    public static List<ServerRecord> replaced(List<ServerRecord> servers, Collection<ServerRecord> changed) {
        Map<String, ServerRecord> byId = new LinkedHashMap<>();
        servers.forEach(server -> byId.put(server.sourceServerId(), server));
        changed.forEach(server -> byId.put(server.sourceServerId(), server));
        return List.copyOf(byId.values());
    }

    /** The source server IDs of these records, in order. */
    public static List<String> idsOf(Collection<ServerRecord> servers) {
        return servers.stream().map(ServerRecord::sourceServerId).toList();
    }
}
