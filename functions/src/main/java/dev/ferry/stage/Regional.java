package dev.ferry.stage;

/**
 * A service of a wave's source region, which is only known once the wave is read: EC2, Systems
 * Manager, or the IAM identity of the region's instances (IAM is global, the association regional).
 *
 * @param <T> the port of the service
 */
@FunctionalInterface
public interface Regional<T> {

    /** The service in {@code region}, such as {@code us-east-1}. */
    T in(String region);
}
