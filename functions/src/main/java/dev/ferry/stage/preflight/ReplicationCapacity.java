package dev.ferry.stage.preflight;

import dev.ferry.mgn.SourceServer;
import dev.ferry.wave.MgnQuotas;
import dev.ferry.wave.WaveDefinition;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * MGN replicates at most so many source servers at once in an account and region (150 unless
 * raised in Service Quotas), in initial sync and continuous replication alike, and a server frees
 * its place only when MGN stops replicating it (its cutover finalized, or disconnected). A wave's
 * servers replicate side by side until its cutover, so a wave cannot pace itself under the quota:
 * Preflight refuses a wave that needs more places than are free, says by how many, and how to fit.
 */
final class ReplicationCapacity {

    /** Replication states in which a server holds no place: MGN is not replicating it. */
    private static final Set<String> NOT_REPLICATING = Set.of("STOPPED", "DISCONNECTED");

    private ReplicationCapacity() {
    }

    /**
     * What keeps the wave from replicating within the quota, if anything.
     *
     * @param region      the region's non-archived source servers
     * @param waveServers the IDs of the wave's servers MGN knows
     * @param toInstall   how many of the wave's servers get their agent from the wave (not in MGN yet)
     * @param applied     the quota as Service Quotas applies it, when it could be read
     */
    static Optional<String> problemOf(WaveDefinition wave, List<SourceServer> region, Collection<String> waveServers,
                                      int toInstall, OptionalInt applied) {
        int quota = applied.orElse(wave.quotas().replicatingServers());
        long others = region.stream()
                .filter(server -> !server.archived() && isReplicating(server) && !waveServers.contains(server.id()))
                .count();
        long needed = others + waveServers.size() + toInstall;
        if (needed <= quota) {
            return Optional.empty();
        }
        long free = Math.max(0, quota - others);
        return Optional.of("servers: the wave's " + (waveServers.size() + toInstall) + " servers"
                + (others > 0 ? " and the " + others + " other servers replicating in " + wave.targetRegion() : "")
                + " need " + needed + " servers replicating at once, but MGN replicates at most " + quota
                + " in this account and region (" + sourceOf(wave, applied) + "); MGN would leave the rest "
                + "unreplicated. Ask for at least " + needed + " in Service Quotas (Application Migration "
                + "Service), then start the wave again" + (applied.isPresent() ? "" : " with quotas.replicatingServers "
                + "set to the new value") + ", or split it into waves of at most " + free + " servers");
    }

    private static boolean isReplicating(SourceServer server) {
        return server.replication() != null && !NOT_REPLICATING.contains(server.replication());
    }

    private static String sourceOf(WaveDefinition wave, OptionalInt applied) {
        if (applied.isPresent()) {
            return "the quota Service Quotas applies";
        }
        return wave.quotas().equals(MgnQuotas.DEFAULT)
                ? "MGN's default: Service Quotas could not be read and the wave sets no quotas.replicatingServers"
                : "the wave's quotas.replicatingServers: Service Quotas could not be read";
    }
}
