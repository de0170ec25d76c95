package dev.ferry.local.rehearsal.scenario;

import dev.ferry.local.rehearsal.ProjectFolder;
import dev.ferry.local.rehearsal.RehearsalResult;
import dev.ferry.local.rehearsal.bench.GeneratedWave;
import dev.ferry.stage.WaveReport.ServerOutcome;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, crash safety: rehearsals under {@code --chaos SEED}, where Lambda refuses some
 * invocations and loses the result of others after their handler ran, so that stages are retried
 * after their side effects happened. Every server still reaches the outcome it reaches without
 * faults, and every invariant the rehearsal checks holds (nothing done twice, nothing lost). A
 * failing seed is named in the test's display name: {@code bin/ferry rehearse --chaos SEED}
 * replays it.
 */
class ChaosRehearsalIntegrationTest {

    private static final int MIXED_WAVE = 50;

    @TempDir
    static Path folder;

    @ParameterizedTest(name = "demo wave, --chaos {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void theDemoWaveCutsOverEveryServerWithEveryInvariantHolding(long seed) {
        RehearsalResult result = rehearse(ProjectFolder.event("demo-wave.json"),
                ProjectFolder.event("demo-environment.json"), "chaos-demo-" + seed, seed);

        assertThat(result.faults().lambdaFaults().total())
                .as("faults injected").isPositive();
        assertThat(result.faults().violations()).as("invariants").isEmpty();
        assertThat(result.servers()).hasSize(6)
                .allSatisfy(server -> assertThat(server.outcome()).isEqualTo(ServerOutcome.CUT_OVER));
        assertThat(result.exitCode()).isZero();
    }

    @ParameterizedTest(name = "50-server wave, --chaos {0}")
    @ValueSource(longs = {11, 12})
    void aLargerWaveWithAFailingServerEndsAsWithoutFaults(long seed) {
        GeneratedWave wave = new GeneratedWave(MIXED_WAVE, false, true);
        List<Path> files = wave.writeTo(folder, "chaos-" + seed, ProjectFolder.root());

        RehearsalResult result = rehearse(files.get(0), files.get(1), "chaos-" + seed, seed);

        assertThat(result.faults().violations()).as("invariants, --chaos %d", seed).isEmpty();
        assertThat(result.faults().lambdaFaults().total()).isPositive();
        assertThat(result.completeReport().counts().cutOver()).isEqualTo(MIXED_WAVE - 1);
        assertThat(result.completeReport().counts().failed()).isEqualTo(1);
        assertThat(result.exitCode()).isEqualTo(1);
    }

    private static RehearsalResult rehearse(Path wave, Path environment, String name, long seed) {
        return Scenario.rehearseFiles(wave, environment, name, options -> options.chaos(seed));
    }
}
