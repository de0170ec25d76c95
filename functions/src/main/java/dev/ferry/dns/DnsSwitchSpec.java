package dev.ferry.dns;

import java.time.Duration;
import java.util.List;

/**
 * One record the wave moves from the source to the target with weighted records.
 *
 * @param hostedZoneId        the Route 53 hosted zone
 * @param recordName          the record, e.g. {@code media.example.com}
 * @param recordType          {@code A}, {@code AAAA} or {@code CNAME}
 * @param sourceSetIdentifier the weighted set that keeps the source's values
 * @param targetSetIdentifier the weighted set that gets the target's values
 * @param loweredTtlSeconds   the TTL while traffic moves (set at wave start, e.g. 60)
 * @param targetPercentSteps  the target's share after each step, rising, ending at 100:
 *                            {@code [100]} at once, or {@code [10, 50, 100]}
 * @param pauseAfterStep      how long to let traffic flow after each step before checking the target
 * @param targetValues        the target's values (e.g. the cutover instance's address), or empty with an alias
 * @param targetAlias         where the target set points when it is an alias, or null
 */
public record DnsSwitchSpec(String hostedZoneId, String recordName, String recordType, String sourceSetIdentifier,
                            String targetSetIdentifier, long loweredTtlSeconds, List<Integer> targetPercentSteps,
                            Duration pauseAfterStep, List<String> targetValues, AliasTarget targetAlias) {

    public DnsSwitchSpec {
        targetPercentSteps = List.copyOf(targetPercentSteps);
        targetValues = targetValues == null ? List.of() : List.copyOf(targetValues);
        recordName = DnsRecordSet.normalName(recordName);
        if (sourceSetIdentifier == null || targetSetIdentifier == null || sourceSetIdentifier.equals(targetSetIdentifier)) {
            throw new IllegalArgumentException("The source and target set identifiers must be given and differ");
        }
        if (loweredTtlSeconds < 0) {
            throw new IllegalArgumentException("The lowered TTL cannot be negative: " + loweredTtlSeconds);
        }
        checkSteps(targetPercentSteps);
        if (targetValues.isEmpty() == (targetAlias == null)) {
            throw new IllegalArgumentException("Give the target either values or an alias, not both or neither");
        }
    }

    private static void checkSteps(List<Integer> steps) {
        if (steps.isEmpty() || steps.getLast() != 100) {
            throw new IllegalArgumentException("The steps must end with the target at 100 percent: " + steps);
        }
        int previous = 0;
        for (int step : steps) {
            if (step <= previous || step > 100) {
                throw new IllegalArgumentException("Each step must raise the target's share, between 1 and 100: " + steps);
            }
            previous = step;
        }
    }
}
