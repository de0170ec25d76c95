package dev.ferry.local.cloud.faults;

import dev.ferry.local.mgn.environment.ObjectReader;

import java.util.List;

/**
 * How often one simulated service fails a request, in percent of its requests.
 *
 * @param throttledPercent         answered with the service's own throttling error (MGN's carries a
 *                                 {@code Retry-After})
 * @param serverErrorPercent       answered with a 500 or a 503 in the service's protocol
 * @param timeoutAfterApplyPercent applied, then the connection closes before the answer: the
 *                                 caller sees a time-out although the request took effect
 */
public record ServiceFaultRates(int throttledPercent, int serverErrorPercent, int timeoutAfterApplyPercent) {

    /** Never fails. */
    public static final ServiceFaultRates NONE = new ServiceFaultRates(0, 0, 0);

    public ServiceFaultRates {
        if (throttledPercent < 0 || serverErrorPercent < 0 || timeoutAfterApplyPercent < 0
                || throttledPercent + serverErrorPercent + timeoutAfterApplyPercent > 100) {
            throw new IllegalArgumentException("Fault rates must be percentages adding up to at most 100, not "
                    + throttledPercent + ", " + serverErrorPercent + " and " + timeoutAfterApplyPercent);
        }
    }

    boolean any() {
        return throttledPercent + serverErrorPercent + timeoutAfterApplyPercent > 0;
    }

    /** The fault of a draw from 0 to 99. */
    ServiceFault faultOf(int draw) {
        return FaultDraw.pick(draw, ServiceFault.NONE,
                List.of(ServiceFault.THROTTLED, ServiceFault.SERVER_ERROR, ServiceFault.TIMEOUT_AFTER_APPLY),
                throttledPercent, serverErrorPercent, timeoutAfterApplyPercent);
    }

    /** Reads one service's rates, noting each problem with its JSON path. */
    static ServiceFaultRates read(ObjectReader rates) {
        rates.rejectUnknownFields("throttledPercent", "serverErrorPercent", "timeoutAfterApplyPercent");
        long throttled = rates.optionalWholeNumber("throttledPercent", 0, 100).orElse(0L);
        long serverError = rates.optionalWholeNumber("serverErrorPercent", 0, 100).orElse(0L);
        long timeout = rates.optionalWholeNumber("timeoutAfterApplyPercent", 0, 100).orElse(0L);
        if (throttled + serverError + timeout > 100) {
            rates.problem("timeoutAfterApplyPercent", "and the other rates must add up to at most 100, not "
                    + (throttled + serverError + timeout));
            return NONE;
        }
        return new ServiceFaultRates((int) throttled, (int) serverError, (int) timeout);
    }
}
