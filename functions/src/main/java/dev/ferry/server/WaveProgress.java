package dev.ferry.server;

import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveRecord;

import java.util.Collection;
import java.util.function.Predicate;

/**
 * What every stage hands to the next through the state machine: a reference to the wave and
 * counts, never per-server lists, so that a state's payload stays small for a 1,000-server wave.
 * The per-server detail lives in the wave store.
 *
 * @param waveId     the wave's key in the store (the execution name)
 * @param total      servers in the wave
 * @param active     servers still moving forward
 * @param failed     servers that failed a stage
 * @param leftOut    servers the wave left behind without a failure of their own (not ready in time, not approved)
 * @param pending    servers whose current stage has not finished yet (a validation loop goes round while it is above zero)
 * @param stopped    whether the wave must stop (a failure under the STOP policy)
 * @param stopReason why it stopped, or null
 */
public record WaveProgress(String waveId, int total, int active, int failed, int leftOut, int pending,
                           boolean stopped, String stopReason) {

    /** The wave's counts from its server records; {@code pending} counts the servers the predicate says are unfinished. */
    public static WaveProgress of(WaveRecord wave, Collection<ServerRecord> servers, Predicate<ServerRecord> isPending) {
        int active = 0;
        int failed = 0;
        int leftOut = 0;
        int pending = 0;
        for (ServerRecord server : servers) {
            switch (server.status()) {
                case ACTIVE, CUT_OVER -> active++;
                case FAILED -> failed++;
                case LEFT_OUT -> leftOut++;
            }
            if (server.isActive() && isPending.test(server)) {
                pending++;
            }
        }
        boolean stopped = wave.status() == WaveRecord.WaveStatus.STOPPED;
        return new WaveProgress(wave.waveId(), servers.size(), active, failed, leftOut, pending, stopped,
                stopped ? wave.reason() : null);
    }

    /** The wave's counts when no server is waiting on the current stage. */
    public static WaveProgress of(WaveRecord wave, Collection<ServerRecord> servers) {
        return of(wave, servers, server -> false);
    }
}
