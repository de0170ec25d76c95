package dev.ferry.store;

import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How long an item stays in the table after its last write: every write stamps
 * {@value FerryTable#TIME_TO_LIVE} and DynamoDB deletes the item some time after that moment.
 */
record Retention(Clock clock, Duration period) {

    Retention {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("The retention period must be positive, not " + period);
        }
    }

    /** The time-to-live of an item written now, in epoch seconds. */
    AttributeValue expiresAt() {
        return Items.number(clock.instant().plus(period).getEpochSecond());
    }
}
