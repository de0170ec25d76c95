package dev.ferry.stage.fakes;

import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The wave store in memory. {@link #store()} is a Mockito-backed {@link WaveStore} whose answers
 * read and write these maps, so that it keeps compiling when the interface grows.
 */
public final class WaveStoreFake {

    private final Map<String, WaveRecord> waves = new ConcurrentHashMap<>();
    private final Map<String, TreeMap<String, ServerRecord>> servers = new ConcurrentHashMap<>();
    private final List<WaveRecord> waveUpdates = new ArrayList<>();
    private final List<ServerRecord> serverWrites = new ArrayList<>();
    private final WaveStore store = mock(WaveStore.class);

    public WaveStoreFake() {
        when(store.find(anyString())).thenAnswer(call -> Optional.ofNullable(waves.get(call.<String>getArgument(0))));
        when(store.servers(anyString())).thenAnswer(call ->
                List.copyOf(servers.getOrDefault(call.<String>getArgument(0), new TreeMap<>()).values()));
        when(store.create(any())).thenAnswer(call -> {
            WaveRecord wave = call.getArgument(0);
            return waves.computeIfAbsent(wave.waveId(), id -> wave);
        });
        doAnswer(call -> {
            WaveRecord wave = call.getArgument(0);
            waveUpdates.add(wave);
            waves.put(wave.waveId(), wave);
            return null;
        }).when(store).update(any());
        doAnswer(call -> {
            Collection<ServerRecord> written = call.getArgument(0);
            written.forEach(this::write);
            return null;
        }).when(store).putServers(anyCollection());
        doAnswer(call -> {
            write(call.getArgument(0));
            return null;
        }).when(store).putServer(any());
    }

    public WaveStore store() {
        return store;
    }

    /** Stores a wave and its servers as a test's starting point (not counted as writes). */
    public WaveStoreFake with(WaveRecord wave, Collection<ServerRecord> waveServers) {
        waves.put(wave.waveId(), wave);
        TreeMap<String, ServerRecord> byId = servers.computeIfAbsent(wave.waveId(), id -> new TreeMap<>());
        waveServers.forEach(server -> byId.put(server.sourceServerId(), server));
        return this;
    }

    public WaveRecord wave(String waveId) {
        return waves.get(waveId);
    }

    public ServerRecord server(String waveId, String sourceServerId) {
        return servers.get(waveId).get(sourceServerId);
    }

    public List<ServerRecord> servers(String waveId) {
        return List.copyOf(servers.get(waveId).values());
    }

    /** Every wave record written with {@code update}, in order. */
    public List<WaveRecord> waveUpdates() {
        return List.copyOf(waveUpdates);
    }

    /** Every server record written, in order. */
    public List<ServerRecord> serverWrites() {
        return List.copyOf(serverWrites);
    }

    private synchronized void write(ServerRecord server) {
        serverWrites.add(server);
        servers.computeIfAbsent(server.waveId(), id -> new TreeMap<>()).put(server.sourceServerId(), server);
    }
}
