package dev.ferry.dns;

import java.time.Duration;
import java.util.List;

/**
 * One step of a DNS switch: the change that sets the weights, then a pause and a check.
 *
 * @param index         its position, from 0
 * @param targetPercent the target's share after it
 * @param sourcePercent the source's share after it (100 minus the target's)
 * @param changes       the change batch to submit
 * @param pauseAfter    how long to let traffic flow before checking the target
 */
public record DnsStep(int index, int targetPercent, int sourcePercent, List<DnsChange> changes, Duration pauseAfter) {

    public DnsStep {
        changes = List.copyOf(changes);
    }
}
