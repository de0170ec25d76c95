package dev.ferry.wave;

import java.util.Map;

/**
 * What a wave sets up in the target region's network before launch settings are applied: the
 * launch key pair, copies of the source instances' security groups, and the subnet each source
 * availability zone maps to. With these, servers given by EC2 instance ID may leave out their
 * instance type, subnet and security groups: they are derived from the source instance, and
 * whatever the wave or the server sets wins.
 *
 * @param targetVpcId              the VPC of the target region the security group copies go to,
 *                                 or null when no group is recreated
 * @param recreateSecurityGroups   whether the source instances' security groups are copied into
 *                                 {@code targetVpcId} (rules remapped, differences reported)
 * @param subnetByAvailabilityZone the target subnet for each source availability zone; empty when none
 * @param keyPair                  the launch key pair to make sure of, or null
 */
public record NetworkSettings(String targetVpcId, boolean recreateSecurityGroups,
                              Map<String, String> subnetByAvailabilityZone, KeyPair keyPair) {

    public NetworkSettings {
        subnetByAvailabilityZone = subnetByAvailabilityZone == null ? Map.of() : Map.copyOf(subnetByAvailabilityZone);
    }

    /** Whether launch settings are derived from the source instances, which must then be read in the source region. */
    public boolean derivesFromSource() {
        return recreateSecurityGroups || !subnetByAvailabilityZone.isEmpty();
    }

    /**
     * The launch key pair: reused when it exists in the target region, imported from the public
     * key otherwise. A private key is never accepted.
     *
     * @param name      the key pair's name in the target region
     * @param publicKey the OpenSSH public key to import when it does not exist, or null
     */
    public record KeyPair(String name, String publicKey) {

        /** The public key is left out so that it never lands in a log line or a message. */
        @Override
        public String toString() {
            return "KeyPair[name=" + name + ", publicKey=" + (publicKey == null ? "none" : "given") + "]";
        }
    }
}
