package dev.ferry.local.cloud.ec2;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * New resource IDs of one simulated region, in EC2's shape ({@code sg-} and 17 hex digits). They follow a
 * sequence, so a rehearsal makes the same IDs every time, and start at a place of their own in each region,
 * so that an ID of one region means nothing in another, as in EC2.
 */
final class Ec2Ids {

    private final AtomicLong next;

    Ec2Ids(String region) {
        this.next = new AtomicLong(Integer.toUnsignedLong(region.hashCode()) << 24);
    }

    /** A new ID with this prefix, e.g. {@code sg}, that {@code taken} does not hold. */
    String next(String prefix, Predicate<String> taken) {
        String id;
        do {
            id = prefix + "-" + String.format("%017x", next.getAndIncrement());
        } while (taken.test(id));
        return id;
    }
}
