package dev.ferry.server;

/**
 * A running wave's hold on one server: no two running waves move the same server.
 *
 * @param key          the server as waves name it: its MGN source server ID, or its EC2 source instance
 * @param waveId       the wave holding it
 * @param executionArn the execution running that wave, which identifies the holder: a wave's name may
 *                     come back in a later execution
 * @param label        what the holding wave calls the server
 */
public record ServerClaim(String key, String waveId, String executionArn, String label) {

    /** True when the claim is held by this execution. */
    public boolean heldBy(String execution) {
        return executionArn.equals(execution);
    }
}
