package dev.ferry.testing;

import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A wave store in memory, with the semantics the DynamoDB adapter promises: {@code create} is
 * idempotent, {@code update} needs an existing wave, server records are written whole and read
 * back in source server ID order.
 *
 * <p>Besides the store itself it offers what tests look at: the records as stored, every write in
 * order (overwrites included), how often waves and server lists were read, and a crash before a chosen server write to rehearse a stage dying
 * part-way through. Methods are synchronized because some stages write from several threads.
 */
public final class InMemoryWaveStore implements WaveStore {

    private static final int NO_CRASH = -1;

    private final Map<String, WaveRecord> waves = new HashMap<>();
    private final Map<String, TreeMap<String, ServerRecord>> servers = new HashMap<>();
    private final List<WaveRecord> waveUpdates = new ArrayList<>();
    private final List<ServerRecord> serverWrites = new ArrayList<>();
    private int waveCreates;
    private int waveReads;
    private int serverListReads;
    private int writesBeforeCrash = NO_CRASH;

    /**
     * Stores a wave and its servers as a test's starting point. These are not counted as writes,
     * so that assertions on writes see only what the code under test did.
     */
    public synchronized InMemoryWaveStore with(WaveRecord wave, Collection<ServerRecord> waveServers) {
        waves.put(wave.waveId(), wave);
        waveServers.forEach(this::store);
        return this;
    }

    /** The next {@code writes} server records are stored, then the write after them crashes (once). */
    public synchronized void crashAfterServerWrites(int writes) {
        writesBeforeCrash = writes;
    }

    /** The wave as stored, or null if there is none. */
    public synchronized WaveRecord wave(String waveId) {
        return waves.get(waveId);
    }

    /** One server's record as stored, or null if there is none. */
    public synchronized ServerRecord server(String waveId, String sourceServerId) {
        TreeMap<String, ServerRecord> waveServers = servers.get(waveId);
        return waveServers == null ? null : waveServers.get(sourceServerId);
    }

    /** How many times {@link #create} stored a wave that was not there yet. */
    public synchronized int waveCreates() {
        return waveCreates;
    }

    /** How many times a wave item was read ({@code find}). */
    public synchronized int waveReads() {
        return waveReads;
    }

    /** How many times a wave's server records were read ({@code servers}). */
    public synchronized int serverListReads() {
        return serverListReads;
    }

    /** Every wave record written with {@code update}, in order. */
    public synchronized List<WaveRecord> waveUpdates() {
        return List.copyOf(waveUpdates);
    }

    /** Every server record written, in order, overwrites included. */
    public synchronized List<ServerRecord> serverWrites() {
        return List.copyOf(serverWrites);
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
        waveReads++;
        return Optional.ofNullable(waves.get(waveId));
    }

    @Override
    public synchronized void update(WaveRecord wave) {
        if (!waves.containsKey(wave.waveId())) {
            throw new IllegalStateException("no wave " + wave.waveId() + " to update");
        }
        waves.put(wave.waveId(), wave);
        waveUpdates.add(wave);
    }

    @Override
    public synchronized void putServers(Collection<ServerRecord> records) {
        records.forEach(this::putServer);
    }

    @Override
    public synchronized void putServer(ServerRecord server) {
        if (writesBeforeCrash == 0) {
            writesBeforeCrash = NO_CRASH;
            throw new SimulatedCrash("before writing server " + server.sourceServerId());
        }
        if (writesBeforeCrash > 0) {
            writesBeforeCrash--;
        }
        store(server);
        serverWrites.add(server);
    }

    @Override
    public synchronized Optional<ServerRecord> findServer(String waveId, String sourceServerId) {
        return Optional.ofNullable(server(waveId, sourceServerId));
    }

    @Override
    public synchronized List<ServerRecord> servers(String waveId) {
        serverListReads++;
        return List.copyOf(servers.getOrDefault(waveId, new TreeMap<>()).values());
    }

    @Override
    public String recordsOf(String waveId) {
        return "the in-memory wave store, wave " + waveId;
    }

    private void store(ServerRecord server) {
        servers.computeIfAbsent(server.waveId(), id -> new TreeMap<>()).put(server.sourceServerId(), server);
    }
}
