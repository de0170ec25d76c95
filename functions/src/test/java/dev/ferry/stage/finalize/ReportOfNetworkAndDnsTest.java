package dev.ferry.stage.finalize;

import dev.ferry.agent.AgentInstallStore;
import dev.ferry.notify.Notification;
import dev.ferry.server.DnsSwitchProgress;
import dev.ferry.server.NetworkSetup;
import dev.ferry.server.Phase;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveReport;
import dev.ferry.stage.fakes.WaveFixtures;
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
import java.util.Map;

import static dev.ferry.stage.fakes.WaveFixtures.WAVE_ID;
import static dev.ferry.stage.fakes.WaveFixtures.passed;
import static org.assertj.core.api.Assertions.assertThat;

/** The final report and email show what the network and DNS stages did. */
class ReportOfNetworkAndDnsTest {

    private final Instant now = WaveFixtures.START.plus(Duration.ofHours(50));
    private final List<Notification> sent = new ArrayList<>();
    private final InMemoryWaveStore waves = new InMemoryWaveStore();
    private final ReportService service = new ReportService(waves, AgentInstallStore.none(), new InMemoryServerClaims(),
            new InMemoryReportExport(),
            sent::add, Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void theReportCarriesTheNetworkSetupTheDnsStepsAndEachServersLaunchTemplate() {
        storeWaveWithNetworkAndDns();

        WaveReport report = service.report(new ReportRequest(WAVE_ID, null));

        assertThat(report.network().securityGroupCopies()).containsEntry("sg-0000000000000000a", "sg-0feed00000000001");
        assertThat(report.dnsSteps()).extracting(DnsSwitchProgress.StepRecord::kind).containsExactly(
                DnsSwitchProgress.StepKind.TTL_LOWERED, DnsSwitchProgress.StepKind.WEIGHTS,
                DnsSwitchProgress.StepKind.TTL_RESTORED);
        assertThat(report.servers()).extracting(WaveReport.ServerOutcome::launchTemplate)
                .containsExactly("lt-0123456789abcdef0 v4");
    }

    @Test
    void theEmailListsTheGroupsMadeTheTemplateVersionAndEachDnsStep() {
        storeWaveWithNetworkAndDns();

        service.report(new ReportRequest(WAVE_ID, null));

        assertThat(sent).singleElement().extracting(Notification::body).asString()
                .contains("- key pair media-eu-central-1 (imported from the wave's public key)")
                .contains("- security group sg-0feed00000000001 copies sg-0000000000000000a (created)")
                .contains("lt-0123456789abcdef0 v4")
                .contains("DNS switch:")
                .contains("TTL lowered to 60 s")
                .contains("target 100% / source 0%")
                .contains("TTL restored after http GET https://media.example.com/health: status 200");
    }

    @Test
    void aWaveWithoutTheNewStagesReportsNeither() {
        waves.with(WaveFixtures.wave(OnServerFailure.CONTINUE), List.of(passed(1, Phase.CUTOVER)));

        WaveReport report = service.report(new ReportRequest(WAVE_ID, null));

        assertThat(report.network()).isNull();
        assertThat(report.dnsSteps()).isEmpty();
        assertThat(sent.getFirst().body()).doesNotContain("DNS switch").doesNotContain("Launch template");
    }

    private void storeWaveWithNetworkAndDns() {
        Instant at = WaveFixtures.START;
        DnsSwitchProgress dns = DnsSwitchProgress.remembering(List.of())
                .withTtlLowered(at, 60)
                .withStepApplied(0, 100, at.plusSeconds(3600), null)
                .completed(at.plusSeconds(4200), "http GET https://media.example.com/health: status 200");
        WaveRecord wave = WaveFixtures.wave(OnServerFailure.CONTINUE)
                .withNetwork(new NetworkSetup("media-eu-central-1", true, Map.of("sg-0000000000000000a",
                        "sg-0feed00000000001"), List.of("sg-0000000000000000a"), List.of(), List.of()))
                .withDns(dns);
        ServerRecord server = passed(1, Phase.CUTOVER).cutOver(at.plusSeconds(4300))
                .withLaunchTemplate(new ServerRecord.LaunchTemplate("lt-0123456789abcdef0", 4));
        waves.with(wave, List.of(server));
    }
}
