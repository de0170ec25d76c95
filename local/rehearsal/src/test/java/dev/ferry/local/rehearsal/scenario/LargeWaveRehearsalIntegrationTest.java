package dev.ferry.local.rehearsal.scenario;

import dev.ferry.local.rehearsal.RehearsalResult;
import dev.ferry.local.rehearsal.bench.GeneratedWave;
import dev.ferry.server.WaveReport.ServerOutcome;
import dev.ferry.testing.ProjectFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, scale: a generated wave of 200 servers ({@link GeneratedWave}), rehearsed with
 * automatic approval next to the 6-server demo and a generated wave of 20. What is checked does not
 * depend on the machine: the execution's history grows with the number of stages, not of servers,
 * and MGN and DynamoDB are called in proportion to the wave, within the goals {@code bin/ferry bench}
 * measures up to 1,000 servers. The wall times are printed, not checked.
 */
class LargeWaveRehearsalIntegrationTest {

    private static final int SERVERS = 200;
    private static final int SMALL = 20;
    private static final List<String> WAIT_READS = List.of("DescribeSourceServers", "DescribeJobs");

    @TempDir
    static Path folder;

    private static RehearsalResult demo;
    private static RehearsalResult small;
    private static RehearsalResult large;
    private static List<String> largeWaveServers;

    @BeforeAll
    static void rehearseTheDemoAndTheLargeWave() {
        GeneratedWave generated = new GeneratedWave(SERVERS, false, false);
        largeWaveServers = generated.serverIds();
        List<Path> files = generated.writeTo(folder, "two-hundred-servers", ProjectFolder.root());

        List<Path> smallFiles = new GeneratedWave(SMALL, false, false).writeTo(folder, "twenty-servers",
                ProjectFolder.root());

        demo = rehearse(ProjectFolder.event("demo-wave.json"), ProjectFolder.event("demo-environment.json"), "demo");
        small = rehearse(smallFiles.get(0), smallFiles.get(1), "small");
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
    void theExecutionStaysWithinTheScaleGoals() {
        assertThat(large.historyEvents()).isLessThanOrEqualTo(300);
        assertThat(large.largestPayload()).isLessThanOrEqualTo(32 * 1024);
        assertThat((double) large.mgnCalls().size() / SERVERS).isLessThanOrEqualTo(8.0);
        assertThat((double) large.dynamoDbRequests() / SERVERS).isLessThanOrEqualTo(40.0);
    }

    @Test
    void waitsReadMgnNoMorePerServerInALargeWaveThanInASmallOne() {
        assertThat(small.exitCode()).isZero();
        assertThat(waitReads(large) / SERVERS).isLessThanOrEqualTo(waitReads(small) / SMALL);
    }

    /** The MGN reads the waits make: what grew with the square of the wave before events were targeted. */
    private static double waitReads(RehearsalResult result) {
        return result.mgnCalls().stream().filter(call -> WAIT_READS.contains(call.operation())).count();
    }

    private static RehearsalResult rehearse(Path wave, Path environment, String name) {
        return Scenario.rehearseFiles(wave, environment, name, options -> options);
    }
}
