package dev.ferry.waits;

import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Waves and server records in memory, counting the server records written. */
public final class InMemoryWaveStore implements WaveStore {

    private final Map<String, WaveRecord> waves = new HashMap<>();
    private final Map<String, TreeMap<String, ServerRecord>> servers = new HashMap<>();
    private int serverWrites;

    @Override
    public WaveRecord create(WaveRecord wave) {
        return waves.computeIfAbsent(wave.waveId(), id -> wave);
    }

    @Override
    public Optional<WaveRecord> find(String waveId) {
        return Optional.ofNullable(waves.get(waveId));
    }

    @Override
    public void update(WaveRecord wave) {
        waves.put(wave.waveId(), wave);
    }

    @Override
    public void putServers(Collection<ServerRecord> records) {
        records.forEach(this::putServer);
    }

    @Override
    public void putServer(ServerRecord server) {
        servers.computeIfAbsent(server.waveId(), id -> new TreeMap<>()).put(server.sourceServerId(), server);
        serverWrites++;
    }

    @Override
    public List<ServerRecord> servers(String waveId) {
        return List.copyOf(servers.getOrDefault(waveId, new TreeMap<>()).values());
    }

    /** One server's record as stored. */
    public ServerRecord server(String waveId, String sourceServerId) {
        return servers.get(waveId).get(sourceServerId);
    }

    /** How many server records were written so far. */
    public int serverWrites() {
        return serverWrites;
    }
}
