package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.server.Phase;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerRecord.Launch;
import dev.ferry.server.ServerRecord.MgnStates;
import dev.ferry.server.ServerRecord.Stall;
import dev.ferry.server.ServerRecord.Validation;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveRecord.WaveStatus;
import dev.ferry.testing.ProjectFolder;
import dev.ferry.wave.WaveDefinition;
import dev.ferry.wave.WaveDefinitionParser;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerTableTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final String ARN = "arn:aws:states:eu-central-1:111122223333:execution:WaveStateMachine:wave-7";

    @Test
    void eachServerRowShowsItsStageMgnStatesLagInstancesOutcomeAndReason() throws IOException {
        ServerRecord replicating = server("s-1", "web-1").enteringStage(Stage.REPLICATION, T0)
                .withLastSeen(new MgnStates("NOT_READY", "INITIAL_SYNC", null, T0));
        ServerRecord stalled = server("s-2", "web-2").enteringStage(Stage.REPLICATION, T0)
                .withLastSeen(new MgnStates("NOT_READY", "STALLED", "PT1H5M", T0))
                .withStall(new Stall(T0.plusSeconds(60), true, false));
        ServerRecord validating = server("s-3", "db").enteringStage(Stage.TEST_VALIDATION, T0)
                .withLastSeen(new MgnStates("TESTING", "CONTINUOUS", "PT4S", T0))
                .withLaunch(Phase.TEST, new Launch("mgnjob-1", "LAUNCHED", "i-0123456789abcdef0", T0))
                .withValidation(new Validation(Phase.TEST, T0, Validation.Outcome.PENDING, "tcp 5432: connection refused"));
        ServerRecord failed = server("s-4", "cache").enteringStage(Stage.CUTOVER_LAUNCH, T0)
                .withLaunch(Phase.TEST, new Launch("mgnjob-1", "TERMINATED", "i-0aaaaaaaaaaaaaaa1", T0))
                .withLaunch(Phase.CUTOVER, new Launch("mgnjob-2", "FAILED", null, T0))
                .failed("MGN could not launch the cutover instance", T0);
        ServerRecord done = server("s-5", "proxy").withLaunch(Phase.TEST, new Launch("mgnjob-1", "LAUNCHED", "i-0bbbbbbbbbbbbbbb1", T0))
                .withLaunch(Phase.CUTOVER, new Launch("mgnjob-2", "LAUNCHED", "i-0ccccccccccccccc1", T0))
                .withLastSeen(new MgnStates("CUTOVER", "DISCONNECTED", null, T0))
                .cutOver(T0);

        List<String> lines = ServerTable.lines(new WaveView("wave-7", Optional.of(wave(WaveStatus.RUNNING)),
                List.of(replicating, stalled, validating, failed, done), Optional.of(running())));

        assertThat(lines).startsWith(
                "Wave wave-7 (minimal): RUNNING    into eu-central-1    started 2026-03-02 10:00:00 UTC",
                "Execution RUNNING since 2026-03-02 10:00:00 UTC",
                "  " + ARN,
                "");
        assertThat(lines.subList(4, lines.size())).containsExactly(
                "SERVER  SOURCE SERVER  STAGE            MGN                       LAG     TEST INSTANCE                   CUTOVER INSTANCE     OUTCOME   REASON",
                "web-1   s-1            REPLICATION      NOT_READY / INITIAL_SYNC  -       -                               -                    ACTIVE    -",
                "web-2   s-2            REPLICATION      NOT_READY / STALLED       1h 05m  -                               -                    ACTIVE    replication stalled since 2026-03-02 10:01:00 UTC",
                "db      s-3            TEST_VALIDATION  TESTING / CONTINUOUS      4s      i-0123456789abcdef0             -                    ACTIVE    tcp 5432: connection refused",
                "cache   s-4            CUTOVER_LAUNCH   -                         -       i-0aaaaaaaaaaaaaaa1 TERMINATED  FAILED               FAILED    MGN could not launch the cutover instance",
                "proxy   s-5            DONE             CUTOVER / DISCONNECTED    -       i-0bbbbbbbbbbbbbbb1             i-0ccccccccccccccc1  CUT_OVER  -",
                "",
                "5 servers: 1 FAILED, 1 CUT_OVER, 2 in REPLICATION, 1 in TEST_VALIDATION");
    }

    @Test
    void aWaveThatPreflightHasNotStoredYetShowsItsExecutionAlone() {
        List<String> lines = ServerTable.lines(new WaveView("wave-7", Optional.empty(), List.of(), Optional.of(running())));

        assertThat(lines).containsExactly("Wave wave-7", "Execution RUNNING since 2026-03-02 10:00:00 UTC", "  " + ARN,
                "No servers yet: Preflight has not stored the wave.");
    }

    @Test
    void aWaveThatPreflightRefusedShowsTheExecutionsErrorAndCause() {
        ExecutionView refused = new ExecutionView("wave-7", ARN, "FAILED", T0, T0.plusSeconds(3),
                "InvalidWaveDefinition", "servers[0].sourceServerId: must look like s-...");

        WaveView view = new WaveView("wave-7", Optional.empty(), List.of(), Optional.of(refused));

        assertThat(ServerTable.lines(view)).containsExactly("Wave wave-7",
                "Execution FAILED, 2026-03-02 10:00:00 UTC to 2026-03-02 10:00:03 UTC", "  " + ARN,
                "  InvalidWaveDefinition: servers[0].sourceServerId: must look like s-...",
                "No servers: the wave was never stored.");
        assertThat(StatusCommand.exitCode(view)).isEqualTo(1);
    }

    @Test
    void theExitCodeIsZeroWhileTheWaveRunsOrWhenItCompletedAndOneWhenItEndedOtherwise() throws IOException {
        ExecutionView succeeded = new ExecutionView("wave-7", ARN, "SUCCEEDED", T0, T0, null, null);

        assertThat(StatusCommand.exitCode(new WaveView("wave-7", Optional.of(wave(WaveStatus.RUNNING)), List.of(),
                Optional.of(running())))).isZero();
        assertThat(StatusCommand.exitCode(new WaveView("wave-7", Optional.of(wave(WaveStatus.COMPLETED)), List.of(),
                Optional.of(succeeded)))).isZero();
        // The execution succeeds when a wave ends not approved: the wave's own status tells.
        assertThat(StatusCommand.exitCode(new WaveView("wave-7", Optional.of(wave(WaveStatus.NOT_APPROVED)), List.of(),
                Optional.of(succeeded)))).isEqualTo(1);
    }

    private static ExecutionView running() {
        return new ExecutionView("wave-7", ARN, "RUNNING", T0, null, null, null);
    }

    private static ServerRecord server(String id, String label) {
        return ServerRecord.joining("wave-7", id, label, null, T0);
    }

    private static WaveRecord wave(WaveStatus status) throws IOException {
        WaveDefinition definition = WaveDefinitionParser.parse(new ObjectMapper().readTree(
                ProjectFolder.event("minimal-wave.json").toFile()));
        return new WaveRecord("wave-7", ARN, definition, status, null, T0, null, null);
    }
}
