package dev.ferry.local.rehearsal;

import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A wave store in memory for one wave, counting how often the wave item is read. */
final class InMemoryWaveStore implements WaveStore {

    private WaveRecord wave;
    private final Map<String, ServerRecord> servers = new TreeMap<>();
    private int waveReads;
    private int serverListReads;

    @Override
    public WaveRecord create(WaveRecord created) {
        if (wave == null) {
            wave = created;
        }
        return wave;
    }

    @Override
    public Optional<WaveRecord> find(String waveId) {
        waveReads++;
        return Optional.ofNullable(wave).filter(stored -> stored.waveId().equals(waveId));
    }

    @Override
    public void update(WaveRecord updated) {
        wave = updated;
    }

    @Override
    public void putServers(Collection<ServerRecord> records) {
        records.forEach(this::putServer);
    }

    @Override
    public void putServer(ServerRecord server) {
        servers.put(server.sourceServerId(), server);
    }

    @Override
    public Optional<ServerRecord> findServer(String waveId, String sourceServerId) {
        return Optional.ofNullable(servers.get(sourceServerId)).filter(server -> server.waveId().equals(waveId));
    }

    @Override
    public List<ServerRecord> servers(String waveId) {
        serverListReads++;
        return servers.values().stream().filter(server -> server.waveId().equals(waveId)).toList();
    }

    @Override
    public String recordsOf(String waveId) {
        return "the in-memory wave store, wave " + waveId;
    }

    /** How many times a wave's server records were read. */
    int serverListReads() {
        return serverListReads;
    }

    /** How many times the wave item was read. */
    int waveReads() {
        return waveReads;
    }
}
