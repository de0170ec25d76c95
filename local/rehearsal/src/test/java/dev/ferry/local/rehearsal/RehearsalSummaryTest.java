package dev.ferry.local.rehearsal;

import dev.ferry.local.cloud.events.EventFaults;
import dev.ferry.local.cloud.lambda.LambdaFaultCount;
import dev.ferry.local.engine.ExecutionStatus;
import dev.ferry.server.DnsSwitchProgress;
import dev.ferry.server.DnsSwitchProgress.StepKind;
import dev.ferry.server.DnsSwitchProgress.StepRecord;
import dev.ferry.server.NetworkSetup;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveReport;
import dev.ferry.server.WaveReport.AgentInstallOutcome;
import dev.ferry.server.WaveReport.ServerOutcome;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The closing summary of a rehearsal: servers, agent installations, network and DNS switch. */
class RehearsalSummaryTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final ServerOutcome MEDIA_SERVER = new ServerOutcome("s-13a5b49c3810fa449", "media-server",
            ServerOutcome.CUT_OVER, Stage.DONE, null, "i-0d718d029e565c6aa", "i-0bf741ca25b13b0e7",
            Map.of(Stage.PREFLIGHT, 0L, Stage.REPLICATION, 92L), null);
    private static final WaveReport.FullTable FULL_TABLE = new WaveReport.FullTable(
            "DynamoDB table ferry-waves, pk WAVE#media-stack-demo", "s3://reports/reports/media-stack-demo/report.json",
            "s3://reports/reports/media-stack-demo/servers.csv", null);
    private static final AgentInstallOutcome MEDIA_SERVER_AGENT = new AgentInstallOutcome("media-server",
            "i-0a1b2c3d4e5f60718", AgentInstallOutcome.REGISTERED, "s-13a5b49c3810fa449", "c0ffee00-0001",
            List.of(), 3L, null);

    @Test
    void aServerThatJoinedThroughAnAgentInstallationShowsItsMinutesInAColumnOfItsOwn() {
        List<String> lines = summary(report(List.of(MEDIA_SERVER), List.of(MEDIA_SERVER_AGENT), null, List.of()));

        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Server").endsWith("Agent   Pre  Repl"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("media-server").endsWith("    3     0    92"));
        assertThat(lines).contains("Minutes per stage: Agent agent installation, Pre preflight, Repl replication");
    }

    @Test
    void aWaveWithoutAgentInstallationHasNoAgentColumn() {
        List<String> lines = summary(report(List.of(MEDIA_SERVER), List.of(), null, List.of()));

        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Server").endsWith("Cutover instance      Pre  Repl"));
        assertThat(lines).contains("Minutes per stage: Pre preflight, Repl replication");
    }

    @Test
    void anInstallationThatFailedIsListedWithItsMinutesAndReason() {
        AgentInstallOutcome failed = new AgentInstallOutcome("media-db", "i-0c3d4e5f60718293a",
                AgentInstallOutcome.FAILED, null, "c0ffee00-0003", List.of(), 12L, "the installer exited with code 3");

        List<String> lines = summary(report(List.of(MEDIA_SERVER), List.of(MEDIA_SERVER_AGENT, failed), null, List.of()));

        assertThat(lines).contains(
                "  media-db (i-0c3d4e5f60718293a): agent installation FAILED after 12 min - the installer exited with code 3");
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains("media-server (i-0a1b2c3d4e5f60718)"));
    }

    @Test
    void theNetworkIsOneLineWithTheRulesThatWereNotCopiedBelowIt() {
        NetworkSetup network = new NetworkSetup("media-eu-central-1", false, Map.of("sg-0aaa", "sg-0bbb"),
                List.of("sg-0aaa"), List.of(), List.of("sg-0aaa ingress tcp 22 from pl-0123: prefix list not in the target region"));

        List<String> lines = summary(report(List.of(MEDIA_SERVER), List.of(), network, List.of()));

        assertThat(lines).containsSubsequence(
                "Network: key pair media-eu-central-1 reused, 1 security group created, 1 rule not copied",
                "  not copied: sg-0aaa ingress tcp 22 from pl-0123: prefix list not in the target region");
    }

    @Test
    void eachDnsStepIsListedWithTheTimeSinceTheStart() {
        List<StepRecord> steps = List.of(
                new StepRecord(StepKind.TTL_LOWERED, null, START.plusSeconds(180), "TTL lowered to 60 s"),
                new StepRecord(StepKind.WEIGHTS, 25, START.plus(Duration.ofMinutes(121)), null),
                new StepRecord(StepKind.WEIGHTS, 100, START.plus(Duration.ofMinutes(126)), "http GET http://127.0.20.10:8080/: status 200"),
                new StepRecord(StepKind.TTL_RESTORED, 100, START.plus(Duration.ofMinutes(131)), "http GET http://127.0.20.10:8080/: status 200"));

        List<String> lines = summary(report(List.of(MEDIA_SERVER), List.of(), null, steps));

        assertThat(lines).containsSubsequence(
                "DNS switch:",
                "  +00:03  TTL lowered to 60 s",
                "  +02:01  target 25% / source 75%",
                "  +02:06  target 100% / source 0% after http GET http://127.0.20.10:8080/: status 200",
                "  +02:11  TTL restored after http GET http://127.0.20.10:8080/: status 200");
    }

    @Test
    void aWaveWhoseEveryInstallationFailedStillListsThem() {
        AgentInstallOutcome failed = new AgentInstallOutcome("media-server", "i-0a1b2c3d4e5f60718",
                AgentInstallOutcome.FAILED, null, null, List.of(), 0L,
                "i-0a1b2c3d4e5f60718 is not managed by Systems Manager");

        List<String> lines = summary(report(List.of(), List.of(failed), null, List.of()));

        assertThat(lines).contains("  media-server (i-0a1b2c3d4e5f60718): agent installation FAILED after 0 min - "
                + "i-0a1b2c3d4e5f60718 is not managed by Systems Manager");
        assertThat(lines).noneSatisfy(line -> assertThat(line).startsWith("Server"));
    }

    @Test
    void theExitCodeAndHeadlineComeFromTheCountsOfEveryServerNotFromTheListedRows() {
        List<ServerOutcome> servers = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            servers.add(cutOver("s-%017x".formatted(i), "app-%03d".formatted(i)));
        }
        ServerOutcome last = new ServerOutcome("s-%017x".formatted(700), "app-700", ServerOutcome.FAILED,
                Stage.CUTOVER_LAUNCH, "the cutover launch failed", "i-0test", null, Map.of(), null);
        servers.add(last);
        WaveReport complete = report(servers, List.of(), null, List.of());
        // An output that lists only rows cut over (as a listing cut before the failed row would).
        WaveReport listedCutOverOnly = new WaveReport(complete.waveId(), complete.waveName(), complete.status(), null,
                complete.counts(), complete.stagesByOutcome(), servers.subList(0, 100), true, FULL_TABLE, null,
                List.of(), List.of());

        RehearsalResult result = result(listedCutOverOnly, complete);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.servers()).hasSize(701).first().isEqualTo(last);
        assertThat(summary(result)).contains("Wave media-stack-demo: COMPLETED - 700 of 701 servers cut over, 1 failed")
                .contains("  app-700: FAILED in CUTOVER_LAUNCH - the cutover launch failed")
                .contains("Every server's row: run/servers.csv (exported to s3://reports/reports/media-stack-demo/servers.csv)")
                .contains("The execution's output lists 100 of 701 server rows, failed and left-out ones first");
    }

    @Test
    void aWaveWithEveryServerCutOverExitsZero() {
        WaveReport complete = report(List.of(MEDIA_SERVER), List.of(MEDIA_SERVER_AGENT), null, List.of());

        assertThat(result(complete, complete).exitCode()).isZero();
    }

    @Test
    void anExportThatFailedIsSaid() {
        WaveReport report = report(List.of(MEDIA_SERVER), List.of(), null, List.of()).withFullTable(
                new WaveReport.FullTable("DynamoDB table ferry-waves, pk WAVE#media-stack-demo", null, null, "Access Denied"));

        assertThat(summary(result(report, null))).contains("The complete table was not exported: Access Denied");
    }

    @Test
    void aRehearsalWhoseEveryInvariantHeldSaysSo() {
        WaveReport complete = report(List.of(MEDIA_SERVER), List.of(), null, List.of());

        assertThat(summary(complete)).contains("Invariants: all held")
                .noneMatch(line -> line.startsWith("Lambda faults injected"));
    }

    @Test
    void aBrokenInvariantIsPrintedWithTheFaultsInjectedAndExitsThreeWhateverBecameOfTheServers() {
        WaveReport complete = report(List.of(MEDIA_SERVER), List.of(), null, List.of());
        RehearsalResult result = withChecks(result(complete, complete),
                new RehearsalResult.Checks(new LambdaFaultCount(2, 5, 1), List.of(), new EventFaults.Count(3, 4), 2,
                        Map.of(), List.of("waits left pending: media-stack-demo#CUTOVER_LAUNCH")));

        assertThat(summary(result)).contains(
                "Lambda faults injected: 2 invocations refused, 5 results lost after the handler ran, "
                        + "1 reported failed while the handler ran on",
                "Event faults injected: 3 delivered to two invocations at once, 4 delivered while the reconciler ran",
                "Callbacks refused as TaskTimedOut (their task attempt had ended): 2",
                "Invariant violated: waits left pending: media-stack-demo#CUTOVER_LAUNCH");
        assertThat(result.everyServerCutOver()).isTrue();
        assertThat(result.exitCode()).isEqualTo(3);
    }

    @Test
    void aWaveStartedAlongsideSaysHowItEndedOrWhyPreflightRefusedIt() {
        WaveReport report = report(List.of(cutOver("s-1", "web-1")), List.of(), null, List.of());
        RehearsalResult alone = result(report, report);
        RehearsalResult withOthers = new RehearsalResult(alone.waveName(), alone.executionArn(), alone.status(),
                alone.output(), alone.error(), alone.cause(), alone.report(), alone.completeReport(),
                alone.stateTransitions(), alone.historyEvents(), alone.executionInput(), alone.largestPayload(),
                alone.dynamoDbRequests(), alone.mgnCalls(), alone.mgnEvents(), alone.eventInvocations(), alone.outbox(),
                alone.notes(), alone.simulatedDuration(), alone.wallTime(), alone.runFolder(), alone.ssmInvocations(),
                alone.route53Changes(), alone.recordSets(), alone.start(), alone.faults(), List.of(
                new LaterWaveResult("proxy-rerun", "arn:proxy-rerun", Duration.ofHours(1), ExecutionStatus.FAILED,
                        "PreflightFailed", "media-proxy: in wave media-stack-demo, which is still running\nsecond line",
                        null),
                new LaterWaveResult("team-b", "arn:team-b", Duration.ZERO, ExecutionStatus.SUCCEEDED, null, null,
                        report)));

        assertThat(summary(withOthers)).contains(
                "Wave proxy-rerun (started 1 h 0 min later): FAILED PreflightFailed - media-proxy: in wave "
                        + "media-stack-demo, which is still running second line",
                "Wave team-b (started with it): COMPLETED - 1 of 1 servers cut over");
        assertThat(summary(alone)).noneMatch(line -> line.contains("started"));
    }

    @Test
    void theMgnWavesTheWaveLeftArePrintedBeforeTheCountsAndNothingWhenThereAreNone() {
        WaveReport report = report(List.of(cutOver("s-1", "web-1")), List.of(), null, List.of());
        RehearsalResult alone = result(report, report);
        String line = "MGN wave \"Media\" (wave-17c0b6f74c04e5378) archived: application \"media\" "
                + "(app-8ceb2227155c4299a) with 1 server, archived";
        RehearsalResult grouped = new RehearsalResult(alone.waveName(), alone.executionArn(), alone.status(),
                alone.output(), alone.error(), alone.cause(), alone.report(), alone.completeReport(),
                alone.stateTransitions(), alone.historyEvents(), alone.executionInput(), alone.largestPayload(),
                alone.dynamoDbRequests(), alone.mgnCalls(), alone.mgnEvents(), alone.eventInvocations(), alone.outbox(),
                alone.notes(), alone.simulatedDuration(), alone.wallTime(), alone.runFolder(), alone.ssmInvocations(),
                alone.route53Changes(), alone.recordSets(), alone.start(), alone.faults(), List.of(), List.of(line));

        List<String> lines = summary(grouped);

        assertThat(lines).containsSubsequence(line, "State transitions: 69   history events: 234");
        assertThat(summary(alone)).noneMatch(printed -> printed.startsWith("MGN wave"));
    }

    private static RehearsalResult withChecks(RehearsalResult r, RehearsalResult.Checks checks) {
        return new RehearsalResult(r.waveName(), r.executionArn(), r.status(), r.output(), r.error(), r.cause(),
                r.report(), r.completeReport(), r.stateTransitions(), r.historyEvents(), r.executionInput(),
                r.largestPayload(), r.dynamoDbRequests(), r.mgnCalls(), r.mgnEvents(), r.eventInvocations(), r.outbox(),
                r.notes(), r.simulatedDuration(), r.wallTime(), r.runFolder(), r.ssmInvocations(), r.route53Changes(),
                r.recordSets(), r.start(), checks, r.laterWaves());
    }

    private static ServerOutcome cutOver(String server, String name) {
        return new ServerOutcome(server, name, ServerOutcome.CUT_OVER, Stage.DONE, null, "i-0a", "i-0b", Map.of(), null);
    }

    private static WaveReport report(List<ServerOutcome> servers, List<AgentInstallOutcome> installs,
                                     NetworkSetup network, List<DnsSwitchProgress.StepRecord> dnsSteps) {
        return WaveReport.complete("media-stack-demo", "media-stack-demo", "COMPLETED", null, servers, network,
                dnsSteps, installs);
    }

    private static List<String> summary(WaveReport report) {
        return summary(result(report, report));
    }

    private static RehearsalResult result(WaveReport report, WaveReport completeReport) {
        return new RehearsalResult("media-stack-demo",
                "arn:aws:states:eu-central-1:111122223333:execution:ferry-wave:media-stack-demo",
                ExecutionStatus.SUCCEEDED, "{}", null, null, report, completeReport, 69, 234, 2048, 4096, 300, List.of(), List.of(),
                List.of(), List.of(), List.of(), Duration.ofMinutes(131), Duration.ofSeconds(12), Path.of("run"),
                List.of(), List.of(), Map.of(), START, RehearsalResult.Checks.CLEAN, List.of());
    }

    private static List<String> summary(RehearsalResult result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RehearsalSummary.print(new PrintStream(out, true, StandardCharsets.UTF_8), result);
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
