package dev.ferry.local.rehearsal.scenario;

import dev.ferry.local.rehearsal.RehearsalResult;
import dev.ferry.local.rehearsal.RehearsalResult.Checks;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The faults each function met over a chaos suite's seeds ({@link Checks#faultsMet()}), to check
 * that the rates make every stage fail at least once per seed on average.
 */
final class ChaosFaultsMet {

    private final Map<String, Tally> byFunction = new TreeMap<>();

    /** A rehearsal under {@code --chaos SEED}. */
    static RehearsalResult rehearse(Path wave, Path environment, String name, long seed) {
        return Scenario.rehearseFiles(wave, environment, name, options -> options.chaos(seed));
    }

    synchronized void add(RehearsalResult result) {
        result.faults().faultsMet().forEach((function, faults) ->
                byFunction.merge(function, new Tally(faults, 1), Tally::plus));
    }

    /** Every function that ran met at least one fault per seed it ran in, on average. */
    synchronized void assertAtLeastOnePerSeedForEveryFunction() {
        assertThat(byFunction).as("functions that ran").isNotEmpty();
        assertThat(byFunction).allSatisfy((function, tally) -> assertThat(tally.perSeed())
                .as("faults %s met per seed (%s)", function, tally).isGreaterThanOrEqualTo(1.0));
    }

    private record Tally(int faults, int seeds) {
        Tally plus(Tally other) {
            return new Tally(faults + other.faults, seeds + other.seeds);
        }

        double perSeed() {
            return (double) faults / seeds;
        }
    }
}
