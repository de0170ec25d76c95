package dev.ferry.wave.testing;

import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A wave store in memory, with the semantics the DynamoDB adapter promises ({@code create} is
 * idempotent, server records are written whole). It can be told to crash before a given server
 * write, to rehearse a stage dying part-way through.
 */
public class InMemoryWaveStore implements WaveStore {

    private final Map<String, WaveRecord> waves = new HashMap<>();
    private final Map<String, Map<String, ServerRecord>> servers = new HashMap<>();
    private final List<ServerRecord> serverWrites = new ArrayList<>();
    private int waveCreates;
    private int writesBeforeCrash = -1;

    /** The next {@code writes} server records are stored, then the write after them crashes (once). */
    public synchronized void crashAfterServerWrites(int writes) {
        writesBeforeCrash = writes;
    }

    /** Every server record written, in order, including overwrites. */
    public synchronized List<ServerRecord> serverWrites() {
        return List.copyOf(serverWrites);
    }

    /** How many times {@link #create} stored a wave that was not there yet. */
    public synchronized int waveCreates() {
        return waveCreates;
    }

    public synchronized ServerRecord server(String waveId, String sourceServerId) {
        return servers.getOrDefault(waveId, Map.of()).get(sourceServerId);
    }

    @Override
    public synchronized WaveRecord create(WaveRecord wave) {
        WaveRecord existing = waves.putIfAbsent(wave.waveId(), wave);
        if (existing != null) {
            return existing;
        }
        waveCreates++;
        return wave;
    }

    @Override
    public synchronized Optional<WaveRecord> find(String waveId) {
        return Optional.ofNullable(waves.get(waveId));
    }

    @Override
    public synchronized void update(WaveRecord wave) {
        if (!waves.containsKey(wave.waveId())) {
            throw new IllegalStateException("no wave " + wave.waveId() + " to update");
        }
        waves.put(wave.waveId(), wave);
    }

    @Override
    public synchronized void putServers(Collection<ServerRecord> records) {
        records.forEach(this::putServer);
    }

    @Override
    public synchronized void putServer(ServerRecord server) {
        if (writesBeforeCrash == 0) {
            writesBeforeCrash = -1;
            throw new SimulatedCrash("before writing server " + server.sourceServerId());
        }
        if (writesBeforeCrash > 0) {
            writesBeforeCrash--;
        }
        servers.computeIfAbsent(server.waveId(), id -> new TreeMap<>()).put(server.sourceServerId(), server);
        serverWrites.add(server);
    }

    @Override
    public synchronized List<ServerRecord> servers(String waveId) {
        return servers.getOrDefault(waveId, Map.of()).values().stream()
                .sorted(Comparator.comparing(ServerRecord::sourceServerId))
                .toList();
    }
}
