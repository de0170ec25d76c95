package dev.ferry.stage.finalize;

import dev.ferry.agent.AgentInstallRecord;
import dev.ferry.network.Platform;
import dev.ferry.notify.Notification;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveReport;
import dev.ferry.server.WaveReport.AgentInstallOutcome;
import dev.ferry.server.WaveReport.Counts;
import dev.ferry.stage.fakes.WaveFixtures;
import dev.ferry.testing.InMemoryAgentInstallStore;
import dev.ferry.testing.InMemoryReportExport;
import dev.ferry.testing.InMemoryServerClaims;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.wave.Policies.OnServerFailure;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.ferry.stage.fakes.WaveFixtures.START;
import static dev.ferry.stage.fakes.WaveFixtures.WAVE_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** The final report of a wave that installed the replication agent on some of its servers. */
class ReportOfAgentInstallationTest {

    private static final String WEB = "i-0a1b2c3d4e5f60718";
    private static final String API = "i-0b2c3d4e5f6071829";
    private static final String DB = "i-0c2c3d4e5f6071829";
    private static final String FIX = "attached arn:aws:iam::aws:policy/AWSApplicationMigrationServiceEc2InstancePolicy"
            + " to role api-role";

    private final Instant now = START.plus(Duration.ofHours(50));
    private final InMemoryWaveStore waves = new InMemoryWaveStore();
    private final InMemoryAgentInstallStore installs = new InMemoryAgentInstallStore();
    private final List<Notification> sent = new ArrayList<>();
    private final ReportService service = new ReportService(waves, installs, new InMemoryServerClaims(), new InMemoryReportExport(), sent::add,
            Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void eachInstallationHasARowWithItsServerCommandFixesAndMinutesOrWhyItFailedFailedFirst() {
        givenInstalls();

        WaveReport report = service.report(new ReportRequest(WAVE_ID, null));

        assertThat(report.agentInstalls()).containsExactly(
                new AgentInstallOutcome("api", API, "FAILED", null, "cmd-0002", List.of(FIX), 25L,
                        "the installer on " + API + " ended FAILED with exit code 1 (command cmd-0002): no route"),
                new AgentInstallOutcome(DB, DB, "UNFINISHED", null, null, List.of(), null, null),
                new AgentInstallOutcome("web", WEB, "REGISTERED", "s-0000000000000000a", "cmd-0001", List.of(), 12L, null));
    }

    @Test
    void aFailedInstallationCountsAsAFailedServerAndAnUnfinishedOneAsLeftOut() {
        givenInstalls();

        WaveReport report = service.report(new ReportRequest(WAVE_ID, null));

        assertThat(report.counts()).isEqualTo(new Counts(3, 0, 1, 2));
    }

    @Test
    void theEmailHasAnAgentInstallationSection() {
        givenInstalls();

        service.report(new ReportRequest(WAVE_ID, null));

        assertThat(sent).singleElement().satisfies(message -> assertThat(message.body())
                .contains("Agent installation (SSM Run Command, no keys):")
                .contains("web", WEB, "REGISTERED", "s-0000000000000000a", "cmd-0001")
                .contains(FIX + "; the installer on " + API + " ended FAILED"));
    }

    @Test
    void aWaveWithoutInstallationsHasNoSuchSection() {
        waves.with(WaveFixtures.wave(OnServerFailure.CONTINUE), List.of());

        WaveReport report = service.report(new ReportRequest(WAVE_ID, null));

        assertThat(report.agentInstalls()).isEmpty();
        assertThat(sent.getFirst().body()).doesNotContain("Agent installation");
    }

    @Test
    void manyInstallationsAreListedOnlyAsFarAsTheOutputLimitAllowsAndTheReportSaysWhereTheRestIs() {
        waves.with(WaveFixtures.wave(OnServerFailure.CONTINUE), List.of());
        for (int i = 0; i < 1000; i++) {
            installs.with(AgentInstallRecord.pending(WAVE_ID, "i-%017x".formatted(i), null, START)
                    .failed("r".repeat(300), START));
        }

        WaveReport report = service.report(new ReportRequest(WAVE_ID, null));

        assertThat(report.truncated()).isTrue();
        assertThat(report.agentInstalls()).hasSizeLessThan(1000).hasSizeGreaterThan(20);
        assertThat(report.counts().failed()).isEqualTo(1000);
        assertThat(report.reason()).isNull();
        assertThat(report.fullTable().json()).isEqualTo("s3://reports-bucket/reports/" + WAVE_ID + "/report.json");
        assertThat(sent.getFirst().body()).contains(" installations, every failed one first (as far as they fit).");
    }

    private void givenInstalls() {
        waves.with(WaveFixtures.wave(OnServerFailure.CONTINUE), List.of(
                ServerRecord.joining(WAVE_ID, "s-0000000000000000a", "web", WEB, START.plusSeconds(720))));
        AgentInstallRecord web = AgentInstallRecord.pending(WAVE_ID, WEB, "web", START)
                .sending(Platform.LINUX, "c", START.plusSeconds(60)).running("cmd-0001", START.plusSeconds(60))
                .registering(START.plusSeconds(300)).registered("s-0000000000000000a", START.plusSeconds(720));
        AgentInstallRecord api = AgentInstallRecord.pending(WAVE_ID, API, "api", START)
                .withFixes(List.of(FIX), START.plusSeconds(60))
                .sending(Platform.LINUX, "c", START.plusSeconds(600)).running("cmd-0002", START.plusSeconds(600))
                .failed("the installer on " + API + " ended FAILED with exit code 1 (command cmd-0002): no route",
                        START.plusSeconds(1500));
        installs.with(web, api, AgentInstallRecord.pending(WAVE_ID, DB, null, START));
    }
}
