package dev.ferry.local.cloud.lambda;

/**
 * The Lambda faults a rehearsal injected ({@link LambdaFaults}).
 *
 * @param refused      invocations refused before their handler started
 * @param resultsLost  invocations whose handler ran and whose result was lost
 * @param stillRunning invocations reported failed to their caller while their handler ran on
 */
public record LambdaFaultCount(int refused, int resultsLost, int stillRunning) {

    /** None injected. */
    public static final LambdaFaultCount NONE = new LambdaFaultCount(0, 0, 0);

    public int total() {
        return refused + resultsLost + stillRunning;
    }

    /** As the rehearsal's summary prints it. */
    public String describe() {
        return refused + " invocations refused, " + resultsLost + " results lost after the handler ran, "
                + stillRunning + " reported failed while the handler ran on";
    }
}
