package dev.ferry.waits;

import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A wave's server records while a wait is evaluated: changes are made in memory and
 * {@link #save()} writes only the records that differ from what is stored. That is what makes an
 * evaluation against unchanged MGN state write nothing.
 */
final class WaveServers {

    private final WaveStore store;
    private final Map<String, ServerRecord> stored = new LinkedHashMap<>();
    private final Map<String, ServerRecord> current = new LinkedHashMap<>();

    private WaveServers(WaveStore store, List<ServerRecord> records) {
        this.store = store;
        for (ServerRecord record : records) {
            stored.put(record.sourceServerId(), record);
            current.put(record.sourceServerId(), record);
        }
    }

    /** The wave's server records as stored now. */
    static WaveServers load(WaveStore store, String waveId) {
        return new WaveServers(store, store.servers(waveId));
    }

    /** Every record, changed or not, in source server ID order. */
    List<ServerRecord> all() {
        return List.copyOf(current.values());
    }

    /** The records of servers still moving with the wave. */
    List<ServerRecord> active() {
        return current.values().stream().filter(ServerRecord::isActive).toList();
    }

    /** The current record of this server, if it is part of the wave. */
    Optional<ServerRecord> find(String sourceServerId) {
        return Optional.ofNullable(current.get(sourceServerId));
    }

    /** The current record of a server of the wave. */
    ServerRecord get(String sourceServerId) {
        ServerRecord record = current.get(sourceServerId);
        if (record == null) {
            throw new IllegalArgumentException("Server " + sourceServerId + " is not part of the wave");
        }
        return record;
    }

    /** Replaces a server's record in memory. */
    void put(ServerRecord record) {
        get(record.sourceServerId());
        current.put(record.sourceServerId(), record);
    }

    /** Writes the records changed since the last save. */
    void save() {
        List<ServerRecord> changed = new ArrayList<>();
        current.forEach((id, record) -> {
            if (!Objects.equals(stored.get(id), record)) {
                changed.add(record);
            }
        });
        if (!changed.isEmpty()) {
            store.putServers(changed);
            changed.forEach(record -> stored.put(record.sourceServerId(), record));
        }
    }
}
