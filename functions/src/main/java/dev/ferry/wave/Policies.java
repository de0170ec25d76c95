package dev.ferry.wave;

/**
 * What the wave does when a server fails, and which optional stages run.
 *
 * @param onServerFailure   CONTINUE the wave without the server, or STOP the wave
 * @param skipTestLaunch    go from replication straight to approval and cutover
 * @param finalizeCutover   call FinalizeCutover for each server that passed cutover validation
 * @param archiveAfterFinalize mark finalized servers as archived in MGN
 */
public record Policies(OnServerFailure onServerFailure, boolean skipTestLaunch, boolean finalizeCutover,
                       boolean archiveAfterFinalize) {

    /** What a server failure does to the rest of the wave. */
    public enum OnServerFailure { CONTINUE, STOP }
}
