package dev.ferry.local.cloud.lambda;

import dev.ferry.local.mgn.environment.ObjectReader;

import java.util.Optional;
import java.util.Random;

/**
 * Faults of the Lambda service that a rehearsal injects, as the real cloud has them: an invocation
 * refused before its handler starts ({@code Lambda.ServiceException} or
 * {@code Lambda.TooManyRequestsException}), and one whose handler ran to its end, every side effect
 * done, but whose result is lost ({@code Sandbox.Timedout}, as when a function times out or its
 * runtime dies after its last call). Seeded: the same seed over the same invocations gives the same
 * faults, so a failing rehearsal can be replayed. From the environment file:
 *
 * <pre>{@code
 * "faults": { "lambda": { "refusedPercent": 5, "resultLostPercent": 10, "seed": 7 } }
 * }</pre>
 *
 * @param refusedPercent    of invocations refused before the handler starts
 * @param resultLostPercent of invocations whose handler ran and whose result is lost
 * @param seed              where the random choices start
 */
public record LambdaFaults(int refusedPercent, int resultLostPercent, long seed) {

    /** No fault. */
    public static final LambdaFaults NONE = new LambdaFaults(0, 0, 0);

    /** The rates {@code --chaos SEED} uses: every stage meets a fault now and then in each rehearsal. */
    public static LambdaFaults chaos(long seed) {
        return new LambdaFaults(5, 10, seed);
    }

    /** What happens to one invocation. */
    public enum Fault { NONE, REFUSED, RESULT_LOST }

    public LambdaFaults {
        if (refusedPercent < 0 || resultLostPercent < 0 || refusedPercent + resultLostPercent > 100) {
            throw new IllegalArgumentException("Fault rates must be percentages adding up to at most 100, not "
                    + refusedPercent + " and " + resultLostPercent);
        }
    }

    /** Whether any invocation can fail. */
    public boolean any() {
        return refusedPercent + resultLostPercent > 0;
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
            int draw = random.nextInt(100);
            if (draw < rates.refusedPercent()) {
                return Fault.REFUSED;
            }
            return draw < rates.refusedPercent() + rates.resultLostPercent() ? Fault.RESULT_LOST : Fault.NONE;
        }

        /** Which of the two refusals the service answers with. */
        public synchronized String refusal() {
            return random.nextBoolean() ? "ServiceException" : "TooManyRequestsException";
        }
    }

    /** Reads {@code lambda} of an environment file's {@code faults} section, noting each problem by path. */
    public static LambdaFaults fromJson(Optional<ObjectReader> faults) {
        return faults.flatMap(section -> section.optionalObject("lambda")).map(lambda -> {
            lambda.rejectUnknownFields("refusedPercent", "resultLostPercent", "seed");
            long refused = lambda.optionalWholeNumber("refusedPercent", 0, 100).orElse(0L);
            long lost = lambda.optionalWholeNumber("resultLostPercent", 0, 100).orElse(0L);
            long seed = lambda.optionalWholeNumber("seed", 0, Long.MAX_VALUE).orElse(1L);
            if (refused + lost > 100) {
                lambda.problem("resultLostPercent", "and refusedPercent must add up to at most 100, not "
                        + (refused + lost));
                return NONE;
            }
            return new LambdaFaults((int) refused, (int) lost, seed);
        }).orElse(NONE);
    }
}
