package dev.ferry.local.rehearsal.scenario;

import dev.ferry.local.rehearsal.RehearsalResult;
import dev.ferry.server.WaveReport.ServerOutcome;
import dev.ferry.testing.ProjectFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, crash safety: the demo wave under 20 seeds of {@code --chaos SEED}. Lambda
 * refuses invocations, loses the result of others after their handler ran, and reports others
 * failed while their handler runs on; every other service throttles, fails and drops requests it
 * applied; events reach two routers at once, or the router and the reconciler together; the
 * approver submits twice and a colleague decides the other way. Every server still cuts over, as
 * without faults, every invariant the rehearsal checks holds (nothing done twice, nothing lost), and
 * over the seeds every function met at least one fault per seed on average. A failing seed is named
 * in the test's display name: {@code bin/ferry rehearse --chaos SEED} replays it.
 */
class ChaosDemoRehearsalIntegrationTest {

    private static final ChaosFaultsMet FAULTS_MET = new ChaosFaultsMet();

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    @ParameterizedTest(name = "demo wave, --chaos {0}")
    @MethodSource("seeds")
    void theDemoWaveCutsOverEveryServerWithEveryInvariantHolding(long seed) {
        RehearsalResult result = ChaosFaultsMet.rehearse(ProjectFolder.event("demo-wave.json"),
                ProjectFolder.event("demo-environment.json"), "chaos-demo-" + seed, seed);
        FAULTS_MET.add(result);

        assertThat(result.faults().violations()).as("invariants, --chaos %d", seed).isEmpty();
        assertThat(result.servers()).hasSize(6)
                .allSatisfy(server -> assertThat(server.outcome()).isEqualTo(ServerOutcome.CUT_OVER));
        assertThat(result.exitCode()).isZero();
    }

    @AfterAll
    static void everyFunctionMetAtLeastOneFaultPerSeedOnAverage() {
        FAULTS_MET.assertAtLeastOnePerSeedForEveryFunction();
    }
}
