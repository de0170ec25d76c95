package dev.ferry.wave;

import java.util.List;
import java.util.Map;

/** Reads the {@code network} object of a wave definition: key pair, security group copies, subnet map. */
final class NetworkSettingsParser {

    static final List<String> FIELDS = List.of("targetVpcId", "recreateSecurityGroups", "subnetByAvailabilityZone",
            "keyPair");
    static final List<String> KEY_PAIR_FIELDS = List.of("name", "publicKey");

    /** The public key formats EC2's ImportKeyPair takes, as OpenSSH writes them in a {@code .pub} file. */
    private static final List<String> OPENSSH_PUBLIC_KEY_PREFIXES = List.of("ssh-rsa ", "ssh-ed25519 ");

    private NetworkSettingsParser() {
    }

    /** The network settings in {@code parent.field}, or null when the field is absent or not an object. */
    static NetworkSettings parse(ObjectFields parent, String field) {
        ObjectFields network = parent.object(field, FIELDS);
        if (network == null) {
            return null;
        }
        Problems problems = network.problems();
        String vpcId = network.text("targetVpcId");
        if (vpcId != null) {
            AwsNames.vpcId(vpcId, network.pathOf("targetVpcId"), problems);
        }
        boolean recreate = Boolean.TRUE.equals(network.bool("recreateSecurityGroups"));
        if (recreate && !network.has("targetVpcId")) {
            problems.add(network.pathOf("targetVpcId"), "is required when recreateSecurityGroups is true: the copies "
                    + "of the source's security groups are made in this VPC");
        }
        Map<String, String> subnets = subnets(network);
        NetworkSettings.KeyPair keyPair = keyPair(network);
        return new NetworkSettings(vpcId, recreate, subnets, keyPair);
    }

    private static Map<String, String> subnets(ObjectFields network) {
        Map<String, String> subnets = network.textMap("subnetByAvailabilityZone");
        if (subnets == null) {
            return Map.of();
        }
        String path = network.pathOf("subnetByAvailabilityZone");
        subnets.forEach((zone, subnet) -> {
            String entry = ObjectFields.keyPath(path, zone);
            AwsNames.availabilityZone(zone, entry, network.problems());
            AwsNames.subnetId(subnet, entry, network.problems());
        });
        return subnets;
    }

    private static NetworkSettings.KeyPair keyPair(ObjectFields network) {
        ObjectFields keyPair = network.object("keyPair", KEY_PAIR_FIELDS);
        if (keyPair == null) {
            return null;
        }
        Problems problems = keyPair.problems();
        String name = keyPair.requiredText("name");
        if (name != null && (name.isEmpty() || name.length() > LaunchSettingsParser.MAX_KEY_NAME)) {
            problems.add(keyPair.pathOf("name"), "a key pair name must be 1 to " + LaunchSettingsParser.MAX_KEY_NAME
                    + " characters long");
        }
        String publicKey = keyPair.text("publicKey");
        if (publicKey != null) {
            publicKey = publicKey.strip();
            checkPublicKey(publicKey, keyPair.pathOf("publicKey"), problems);
        }
        return new NetworkSettings.KeyPair(name, publicKey);
    }

    /** The key's text is never quoted back: a private key pasted by mistake must not reach an error message. */
    private static void checkPublicKey(String publicKey, String path, Problems problems) {
        if (publicKey.contains("PRIVATE KEY")) {
            problems.add(path, "is a PRIVATE key; give its public key (the .pub file) and keep the private key out "
                    + "of the wave");
        } else if (OPENSSH_PUBLIC_KEY_PREFIXES.stream().noneMatch(publicKey::startsWith)) {
            problems.add(path, "is not an OpenSSH public key (ssh-rsa or ssh-ed25519 followed by the key, as in a "
                    + ".pub file)");
        }
    }
}
