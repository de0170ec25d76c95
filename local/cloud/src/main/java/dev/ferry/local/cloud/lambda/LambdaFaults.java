package dev.ferry.local.cloud.lambda;

import dev.ferry.local.cloud.faults.FaultDraw;
import dev.ferry.local.mgn.environment.ObjectReader;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Faults of the Lambda service that a rehearsal injects, as the real cloud has them: an invocation
 * refused before its handler starts ({@code Lambda.ServiceException} or
 * {@code Lambda.TooManyRequestsException}), and one whose handler ran to its end, every side effect
 * done, but whose result is lost ({@code Sandbox.Timedout}, as when a function times out or its
 * runtime dies after its last call), and one the caller stopped waiting for while its handler
 * still runs ({@code Lambda.SdkClientException}, as when Step Functions' connection to Lambda breaks):
 * the handler then runs to its end later, after the caller has moved on (a task retried with a new
 * token, say). Seeded: the same seed over the same invocations gives the same faults, so a failing
 * rehearsal can be replayed. From the environment file:
 *
 * <pre>{@code
 * "faults": { "lambda": { "refusedPercent": 5, "resultLostPercent": 10, "stillRunningPercent": 5, "seed": 7 } }
 * }</pre>
 *
 * @param refusedPercent      of invocations refused before the handler starts
 * @param resultLostPercent   of invocations whose handler ran and whose result is lost
 * @param stillRunningPercent of invocations reported failed to the caller while their handler still runs
 * @param seed                where the random choices start
 */
public record LambdaFaults(int refusedPercent, int resultLostPercent, int stillRunningPercent, long seed) {

    /** No fault. */
    public static final LambdaFaults NONE = new LambdaFaults(0, 0, 0, 0);
    /** The longest a handler the caller stopped waiting for runs on: its end falls within this of the fault. */
    public static final Duration LONGEST_STILL_RUNNING = Duration.ofSeconds(60);

    /** The rates {@code --chaos SEED} uses: every stage meets a fault now and then in each rehearsal. */
    public static LambdaFaults chaos(long seed) {
        return new LambdaFaults(10, 10, 10, seed);
    }

    /** What happens to one invocation. */
    public enum Fault { NONE, REFUSED, RESULT_LOST, STILL_RUNNING }

    public LambdaFaults {
        if (refusedPercent < 0 || resultLostPercent < 0 || stillRunningPercent < 0
                || refusedPercent + resultLostPercent + stillRunningPercent > 100) {
            throw new IllegalArgumentException("Fault rates must be percentages adding up to at most 100, not "
                    + refusedPercent + ", " + resultLostPercent + " and " + stillRunningPercent);
        }
    }

    /** Whether any invocation can fail. */
    public boolean any() {
        return refusedPercent + resultLostPercent + stillRunningPercent > 0;
    }

    /** A source of faults at these rates, from the seed. */
    public Source source() {
        return new Source(this);
    }

    /** Draws each invocation's fault in turn. */
    public static final class Source {
        private final LambdaFaults rates;
        private final Random random;

        private Source(LambdaFaults rates) {
            this.rates = rates;
            this.random = new Random(rates.seed());
        }

        public synchronized Fault next() {
            if (!rates.any()) {
                return Fault.NONE;
            }
            return FaultDraw.pick(random.nextInt(100), Fault.NONE,
                    List.of(Fault.REFUSED, Fault.RESULT_LOST, Fault.STILL_RUNNING),
                    rates.refusedPercent(), rates.resultLostPercent(), rates.stillRunningPercent());
        }

        /** How long after the fault a handler the caller stopped waiting for starts: 1 s to {@link #LONGEST_STILL_RUNNING}. */
        public synchronized Duration stillRunningFor() {
            return Duration.ofSeconds(1 + random.nextLong(LONGEST_STILL_RUNNING.toSeconds()));
        }

        /** Which of the two refusals the service answers with. */
        public synchronized String refusal() {
            return random.nextBoolean() ? "ServiceException" : "TooManyRequestsException";
        }
    }

    /** Reads {@code lambda} of an environment file's {@code faults} section, noting each problem by path. */
    public static LambdaFaults fromJson(Optional<ObjectReader> faults) {
        return faults.flatMap(section -> section.optionalObject("lambda")).map(lambda -> {
            lambda.rejectUnknownFields("refusedPercent", "resultLostPercent", "stillRunningPercent", "seed");
            long refused = lambda.optionalWholeNumber("refusedPercent", 0, 100).orElse(0L);
            long lost = lambda.optionalWholeNumber("resultLostPercent", 0, 100).orElse(0L);
            long stillRunning = lambda.optionalWholeNumber("stillRunningPercent", 0, 100).orElse(0L);
            long seed = lambda.optionalWholeNumber("seed", 0, Long.MAX_VALUE).orElse(1L);
            if (refused + lost + stillRunning > 100) {
                lambda.problem("resultLostPercent", "with refusedPercent and stillRunningPercent, must add up to at most 100, not "
                        + (refused + lost + stillRunning));
                return NONE;
            }
            return new LambdaFaults((int) refused, (int) lost, (int) stillRunning, seed);
        }).orElse(NONE);
    }
}
