package dev.ferry.local.rehearsal.scenario;

import dev.ferry.local.rehearsal.ApprovalMode;
import dev.ferry.local.rehearsal.ProjectFolder;
import dev.ferry.local.rehearsal.bench.GeneratedWave;
import dev.ferry.local.rehearsal.Rehearsal;
import dev.ferry.local.rehearsal.RehearsalOptions;
import dev.ferry.local.rehearsal.RehearsalResult;
import dev.ferry.stage.WaveReport.ServerOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, speed and scale: a generated wave of 200 servers ({@link GeneratedWave}),
 * rehearsed with automatic approval next to the 6-server demo.
 * The execution's history grows with the number of stages, not of servers; the wall time of both
 * is printed.
 */
class LargeWaveRehearsalIntegrationTest {

    private static final int SERVERS = 200;

    @TempDir
    static Path folder;

    private static RehearsalResult demo;
    private static RehearsalResult large;
    private static List<String> largeWaveServers;

    @BeforeAll
    static void rehearseTheDemoAndTheLargeWave() {
        GeneratedWave generated = new GeneratedWave(SERVERS, false, false);
        largeWaveServers = generated.serverIds();
        List<Path> files = generated.writeTo(folder, "two-hundred-servers", ProjectFolder.root());

        demo = rehearse(ProjectFolder.event("demo-wave.json"), ProjectFolder.event("demo-environment.json"), "demo");
        large = rehearse(files.get(0), files.get(1), "large");

        System.out.printf(Locale.ROOT, "Demo wave, %d servers: wall time %.1f s, %d state transitions, %d history events, %d MGN calls%n",
                demo.servers().size(), demo.wallTime().toMillis() / 1000.0, demo.stateTransitions(),
                demo.historyEvents(), demo.mgnCalls().size());
        System.out.printf(Locale.ROOT, "Generated wave, %d servers: wall time %.1f s, %d state transitions, %d history events, %d MGN calls%n",
                large.servers().size(), large.wallTime().toMillis() / 1000.0, large.stateTransitions(),
                large.historyEvents(), large.mgnCalls().size());
    }

    @Test
    void everyServerOfTheLargeWaveIsCutOver() {
        assertThat(large.exitCode()).isZero();
        assertThat(large.servers()).hasSize(SERVERS)
                .allSatisfy(server -> assertThat(server.outcome()).isEqualTo(ServerOutcome.CUT_OVER));
        assertThat(large.serversCalledWith("FinalizeCutover")).containsExactlyInAnyOrderElementsOf(largeWaveServers);
    }

    @Test
    void launchesAreStartedInBatchesOfAtMostOneHundredServers() {
        assertThat(large.successfulCalls("StartTest")).hasSize(2);
        assertThat(large.serversCalledWith("StartTest")).containsExactlyInAnyOrderElementsOf(largeWaveServers);
        assertThat(large.successfulCalls("StartCutover")).hasSize(2);
        assertThat(large.serversCalledWith("StartCutover")).containsExactlyInAnyOrderElementsOf(largeWaveServers);
    }

    @Test
    void theHistoryOfTwoHundredServersIsAboutAsLongAsTheDemosOfSix() {
        assertThat(demo.exitCode()).isZero();
        assertThat(large.historyEvents()).isLessThanOrEqualTo(demo.historyEvents() * 3 / 2);
        assertThat(large.stateTransitions()).isLessThanOrEqualTo(demo.stateTransitions() * 3 / 2);
    }

    @Test
    void theLargeWaveRehearsesInUnderTwoMinutes() {
        assertThat(large.wallTime()).isLessThan(Duration.ofMinutes(2));
    }

    private static RehearsalResult rehearse(Path wave, Path environment, String name) {
        return Rehearsal.run(RehearsalOptions.builder(ProjectFolder.root())
                .wave(wave)
                .environment(environment)
                .approval(ApprovalMode.AUTO)
                .runFolder(Scenario.freshRunFolder(name))
                .display(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .start(Scenario.START)
                .build());
    }
}
