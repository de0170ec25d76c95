package dev.ferry.local.mgn.model;

import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

/**
 * Generates the identifiers MGN hands out. Seeded, so that a rehearsal of the same environment with the same
 * calls produces the same IDs and its logs can be compared run to run.
 */
final class IdGenerator {

    private static final long SEED = 0x4d474eL;

    private final Random random = new Random(SEED);

    String sourceServerId() {
        return "s-" + hex(17);
    }

    String jobId() {
        return "mgnjob-" + hex(17);
    }

    String ec2InstanceId() {
        return "i-" + hex(17);
    }

    String launchTemplateId() {
        return "lt-" + hex(17);
    }

    String replicationTemplateId() {
        return "rct-" + hex(17);
    }

    /** A random (version 4) UUID, as EventBridge event ids and request ids are. */
    UUID uuid() {
        long high = (random.nextLong() & ~0xf000L) | 0x4000L;
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private String hex(int digits) {
        byte[] bytes = new byte[(digits + 1) / 2];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, digits);
    }
}
