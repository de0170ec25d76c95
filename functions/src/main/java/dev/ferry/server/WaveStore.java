package dev.ferry.server;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where waves and their per-server records are kept (the DynamoDB table). */
public interface WaveStore {

    /**
     * Stores a new wave. Idempotent: storing the same wave again changes nothing and returns the
     * stored record, so that a retried preflight keeps the first start time.
     */
    WaveRecord create(WaveRecord wave);

    Optional<WaveRecord> find(String waveId);

    /**
     * The wave with this ID, which every stage starts from.
     *
     * @throws UnknownWaveException when the store does not know it
     */
    default WaveRecord require(String waveId) {
        return find(waveId).orElseThrow(() -> new UnknownWaveException(waveId));
    }

    void update(WaveRecord wave);

    /** Writes server records whole, in batches (a new record replaces an older one). */
    void putServers(Collection<ServerRecord> servers);

    void putServer(ServerRecord server);

    /** One server's record in the wave, if the server is part of it. */
    Optional<ServerRecord> findServer(String waveId, String sourceServerId);

    /** Every server record of the wave, in source server ID order. */
    List<ServerRecord> servers(String waveId);

    /**
     * Where a person finds the wave's records, as a report says it, e.g.
     * {@code DynamoDB table ferry-waves, pk WAVE#wave-1}.
     */
    String recordsOf(String waveId);
}
