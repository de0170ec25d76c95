package dev.ferry.local.mgn.environment;

/**
 * One disk of a simulated source server.
 *
 * @param device  device name as the agent reports it, e.g. {@code /dev/xvda}
 * @param sizeGiB size in GiB; its bytes drive how long the initial sync takes
 */
public record DiskSpec(String device, double sizeGiB) {

    private static final long BYTES_PER_GIB = 1L << 30;

    /** The disk size in bytes, as MGN reports it in {@code totalStorageBytes}. */
    public long sizeBytes() {
        return Math.round(sizeGiB * BYTES_PER_GIB);
    }
}
