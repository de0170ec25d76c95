package dev.ferry.local.cloud.faults;

/**
 * The faults one service injected in a rehearsal.
 *
 * @param service            the service's field name in the environment file
 * @param throttled          requests answered with a throttling error
 * @param serverErrors       requests answered with a 500 or 503
 * @param timeoutsAfterApply requests applied and then left unanswered
 */
public record ServiceFaultCount(String service, int throttled, int serverErrors, int timeoutsAfterApply) {

    /** What {@code faulty} injected so far. */
    public static ServiceFaultCount of(FaultyServiceName service, FaultyService faulty) {
        return new ServiceFaultCount(service.fieldName(), faulty.injected(ServiceFault.THROTTLED),
                faulty.injected(ServiceFault.SERVER_ERROR), faulty.injected(ServiceFault.TIMEOUT_AFTER_APPLY));
    }

    public int total() {
        return throttled + serverErrors + timeoutsAfterApply;
    }

    /** For example {@code mgn 3/1/2}: throttled, server errors, time-outs after applying. */
    @Override
    public String toString() {
        return service + " " + throttled + "/" + serverErrors + "/" + timeoutsAfterApply;
    }
}
