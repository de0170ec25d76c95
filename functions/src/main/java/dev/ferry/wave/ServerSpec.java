package dev.ferry.wave;

/**
 * One server of a wave, named by its MGN source server ID, by its source EC2 instance ID, or both
 * (then both must point at the same server).
 *
 * @param sourceServerId   MGN source server ID ({@code s-} and 17 hex digits), or null
 * @param sourceInstanceId EC2 instance ID of the source ({@code i-...}), or null; resolved through
 *                         {@code sourceProperties.identificationHints.awsInstanceID}
 * @param name             a friendly name for reports, or null
 * @param launch           settings that override the wave's launch settings for this server, or null
 */
public record ServerSpec(String sourceServerId, String sourceInstanceId, String name, LaunchSettings launch) {

    /** The identifier shown to people before the server is resolved in MGN. */
    public String label() {
        if (name != null) {
            return name;
        }
        return sourceServerId != null ? sourceServerId : sourceInstanceId;
    }
}
