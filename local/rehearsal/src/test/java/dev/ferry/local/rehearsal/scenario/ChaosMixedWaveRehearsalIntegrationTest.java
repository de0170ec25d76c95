package dev.ferry.local.rehearsal.scenario;

import dev.ferry.local.rehearsal.RehearsalResult;
import dev.ferry.local.rehearsal.bench.GeneratedWave;
import dev.ferry.testing.ProjectFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, crash safety: a generated 50-server wave with one server that cannot cut over,
 * under 20 seeds of {@code --chaos SEED} (the faults of {@link ChaosDemoRehearsalIntegrationTest}).
 * It ends as it does without faults, 49 servers cut over and the one failed, with every invariant
 * holding, and over the seeds every function met at least one fault per seed on average.
 */
class ChaosMixedWaveRehearsalIntegrationTest {

    private static final int SERVERS = 50;
    private static final ChaosFaultsMet FAULTS_MET = new ChaosFaultsMet();

    @TempDir
    static Path folder;

    static LongStream seeds() {
        return LongStream.rangeClosed(101, 120);
    }

    @ParameterizedTest(name = "50-server wave, --chaos {0}")
    @MethodSource("seeds")
    void aLargerWaveWithAFailingServerEndsAsWithoutFaults(long seed) {
        List<Path> files = new GeneratedWave(SERVERS, false, true).writeTo(folder, "chaos-" + seed,
                ProjectFolder.root());

        RehearsalResult result = ChaosFaultsMet.rehearse(files.get(0), files.get(1), "chaos-" + seed, seed);
        FAULTS_MET.add(result);

        assertThat(result.faults().violations()).as("invariants, --chaos %d", seed).isEmpty();
        assertThat(result.completeReport().counts().cutOver()).isEqualTo(SERVERS - 1);
        assertThat(result.completeReport().counts().failed()).isEqualTo(1);
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @AfterAll
    static void everyFunctionMetAtLeastOneFaultPerSeedOnAverage() {
        FAULTS_MET.assertAtLeastOnePerSeedForEveryFunction();
    }
}
