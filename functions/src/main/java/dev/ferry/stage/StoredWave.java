package dev.ferry.stage;

import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;

/** The stored wave every stage starts from, with one error for a wave the store does not know. */
public final class StoredWave {

    private StoredWave() {
    }

    /**
     * The wave with this ID.
     *
     * @throws UnknownWaveException when the store does not know it
     */
    public static WaveRecord of(WaveStore store, String waveId) {
        return store.find(waveId).orElseThrow(() -> new UnknownWaveException(waveId));
    }
}
