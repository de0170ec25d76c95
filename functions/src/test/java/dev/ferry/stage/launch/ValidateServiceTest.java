package dev.ferry.stage.launch;

import dev.ferry.ec2.Ec2Gateway;
import dev.ferry.ec2.InstanceHealth;
import dev.ferry.probe.Prober;
import dev.ferry.probe.Prober.ProbeResult;
import dev.ferry.server.Phase;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerRecord.Validation.Outcome;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveProgress;
import dev.ferry.server.WaveRecord;
import dev.ferry.stage.fakes.WaveFixtures;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.testing.MutableClock;
import dev.ferry.wave.Policies.OnServerFailure;
import dev.ferry.wave.ValidationSettings;
import dev.ferry.wave.ValidationSettings.Address;
import dev.ferry.wave.ValidationSettings.HttpCheck;
import dev.ferry.wave.ValidationSettings.TcpCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.ferry.stage.fakes.WaveFixtures.WAVE_ID;
import static dev.ferry.stage.fakes.WaveFixtures.instanceId;
import static dev.ferry.stage.fakes.WaveFixtures.launched;
import static dev.ferry.stage.fakes.WaveFixtures.passed;
import static dev.ferry.stage.fakes.WaveFixtures.serverId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ValidateServiceTest {

    private static final ValidationSettings WEB_CHECKS = new ValidationSettings(true,
            List.of(new TcpCheck(22, Address.PUBLIC)),
            List.of(new HttpCheck("http://{address}:8096/health", 200, Address.PRIVATE)), 30);
    private static final String HTTP_503 = "http GET http://10.0.0.1:8096/health: status 503, expected 200";

    private final MutableClock clock = new MutableClock(WaveFixtures.START.plus(Duration.ofHours(2)));
    private final InMemoryWaveStore waves = new InMemoryWaveStore();
    private final Ec2Gateway ec2 = mock(Ec2Gateway.class);
    private final Prober prober = mock(Prober.class);
    private final ValidateService service = new ValidateService(waves, ec2, prober, clock);

    @BeforeEach
    void everyInstanceIsHealthyAndEveryProbeAnswers() {
        when(ec2.describeInstances(anyCollection())).thenAnswer(call -> {
            Collection<String> ids = call.getArgument(0);
            return ids.stream().collect(Collectors.toMap(Function.identity(), ValidateServiceTest::healthy));
        });
        when(prober.tcp(anyString(), anyInt(), any())).thenReturn(new ProbeResult(true, "connected"));
        when(prober.http(anyString(), anyInt(), any())).thenReturn(new ProbeResult(true, "200"));
    }

    @Test
    void aServerWhoseStatusChecksAndProbesAllPassIsRecordedAsPassed() {
        givenWave(WEB_CHECKS, launched(1, Phase.TEST));

        WaveProgress progress = service.validate(new PhaseRequest(WAVE_ID, Phase.TEST));

        ServerRecord server = waves.server(WAVE_ID, serverId(1));
        assertThat(server.validation().outcome()).isEqualTo(Outcome.PASSED);
        assertThat(server.validation().startedAt()).isEqualTo(clock.instant());
        assertThat(server.isActive()).isTrue();
        assertThat(progress.pending()).isZero();
    }

    @Test
    void probesConnectToTheAddressEachCheckAsksForWithTheAddressPutIntoTheUrl() {
        givenWave(WEB_CHECKS, launched(1, Phase.TEST));

        service.validate(new PhaseRequest(WAVE_ID, Phase.TEST));

        verify(prober).tcp("203.0.113.1", 22, ValidateService.PROBE_TIMEOUT);
        verify(prober).http("http://10.0.0.1:8096/health", 200, ValidateService.PROBE_TIMEOUT);
    }

    @Test
    void anHttpsCheckConnectsToTheAddressAndVerifiesTheCertificateAgainstTheNameTheWaveGives() {
        ValidationSettings https = new ValidationSettings(false, List.of(), List.of(new ValidationSettings.HttpCheck(
                "https://{address}/health", 204, ValidationSettings.Address.PRIVATE, "media.example.com")), 30);
        when(prober.https(anyString(), anyString(), anyInt(), any())).thenReturn(new ProbeResult(false,
                "https GET https://10.0.0.1/health as media.example.com: the certificate is not issued for "
                        + "media.example.com (No subject alternative DNS name matching media.example.com found.)"));
        givenWave(https, launched(1, Phase.TEST));

        service.validate(new PhaseRequest(WAVE_ID, Phase.TEST));

        verify(prober).https("https://10.0.0.1/health", "media.example.com", 204, ValidateService.PROBE_TIMEOUT);
        verify(prober, never()).http(anyString(), anyInt(), any());
        assertThat(waves.server(WAVE_ID, serverId(1)).validation().detail())
                .contains("the certificate is not issued for media.example.com");
    }

    @Test
    void theHealthOfEveryInstanceIsReadInOneCall() {
        givenWave(WEB_CHECKS, launched(1, Phase.TEST), launched(2, Phase.TEST), launched(3, Phase.TEST));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Collection<String>> ids = ArgumentCaptor.forClass(Collection.class);

        service.validate(new PhaseRequest(WAVE_ID, Phase.TEST));

        verify(ec2, times(1)).describeInstances(ids.capture());
        assertThat(ids.getValue()).containsExactlyInAnyOrder(
                instanceId(1, Phase.TEST), instanceId(2, Phase.TEST), instanceId(3, Phase.TEST));
    }

    @Test
    void theCutoverPhaseChecksTheCutoverInstanceNotTheTestInstance() {
        givenWave(WEB_CHECKS, launched(1, Phase.CUTOVER));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Collection<String>> ids = ArgumentCaptor.forClass(Collection.class);

        service.validate(new PhaseRequest(WAVE_ID, Phase.CUTOVER));

        verify(ec2).describeInstances(ids.capture());
        assertThat(ids.getValue()).containsExactly(instanceId(1, Phase.CUTOVER));
    }

    @Test
    void aServerStillFailingWithinTheTimeLimitStaysPendingWithWhatFails() {
        givenWave(WEB_CHECKS, launched(1, Phase.TEST));
        when(prober.http(anyString(), anyInt(), any())).thenReturn(new ProbeResult(false, HTTP_503));

        WaveProgress progress = service.validate(new PhaseRequest(WAVE_ID, Phase.TEST));

        ServerRecord server = waves.server(WAVE_ID, serverId(1));
        assertThat(server.validation().outcome()).isEqualTo(Outcome.PENDING);
        assertThat(server.validation().detail()).isEqualTo(HTTP_503);
        assertThat(progress.pending()).isEqualTo(1);
    }

    @Test
    void aServerStillFailingWhenTheTimeLimitHasPassedFailsWithTheFailingCheckAsReason() {
        givenWave(WEB_CHECKS, launched(1, Phase.TEST));
        when(prober.http(anyString(), anyInt(), any())).thenReturn(new ProbeResult(false, HTTP_503));
        service.validate(new PhaseRequest(WAVE_ID, Phase.TEST));
        clock.advance(Duration.ofMinutes(30));

        WaveProgress progress = service.validate(new PhaseRequest(WAVE_ID, Phase.TEST));

        ServerRecord server = waves.server(WAVE_ID, serverId(1));
        assertThat(server.status()).isEqualTo(ServerStatus.FAILED);
        assertThat(server.failure().stage()).isEqualTo(Stage.TEST_VALIDATION);
        assertThat(server.failure().reason())
                .isEqualTo("validation did not pass within 30 minutes: " + HTTP_503);
        assertThat(server.validation().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(progress.pending()).isZero();
        assertThat(progress.failed()).isEqualTo(1);
    }

    @Test
    void theTimeLimitCountsFromTheFirstValidationNotFromTheLatestCall() {
        givenWave(WEB_CHECKS, launched(1, Phase.TEST));
        when(prober.tcp(anyString(), anyInt(), any()))
                .thenReturn(new ProbeResult(false, "tcp 203.0.113.1:22: connection refused"));
        service.validate(new PhaseRequest(WAVE_ID, Phase.TEST));
        clock.advance(Duration.ofMinutes(29));

        service.validate(new PhaseRequest(WAVE_ID, Phase.TEST));

        ServerRecord server = waves.server(WAVE_ID, serverId(1));
        assertThat(server.validation().startedAt()).isEqualTo(clock.instant().minus(Duration.ofMinutes(29)));
        assertThat(server.validation().outcome()).isEqualTo(Outcome.PENDING);
    }

    @Test
    void failingStatusChecksKeepTheServerPendingWhenTheWaveAsksForThem() {
        givenWave(WEB_CHECKS, launched(1, Phase.TEST));
        when(ec2.describeInstances(anyCollection())).thenReturn(Map.of(instanceId(1, Phase.TEST),
                new InstanceHealth(instanceId(1, Phase.TEST), "running", "initializing", "ok", "203.0.113.1", "10.0.0.1")));

        service.validate(new PhaseRequest(WAVE_ID, Phase.TEST));

        assertThat(waves.server(WAVE_ID, serverId(1)).validation().detail())
                .isEqualTo("EC2 status checks have not passed (system initializing, instance ok)");
    }

    @Test
    void statusChecksAreIgnoredWhenTheWaveDoesNotAskForThem() {
        givenWave(new ValidationSettings(false, WEB_CHECKS.tcp(), WEB_CHECKS.http(), 30), launched(1, Phase.TEST));
        when(ec2.describeInstances(anyCollection())).thenReturn(Map.of(instanceId(1, Phase.TEST),
                new InstanceHealth(instanceId(1, Phase.TEST), "running", "impaired", "impaired", "203.0.113.1", "10.0.0.1")));

        service.validate(new PhaseRequest(WAVE_ID, Phase.TEST));

        assertThat(waves.server(WAVE_ID, serverId(1)).validation().outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void anInstanceThatIsNotRunningIsNotProbed() {
        givenWave(WEB_CHECKS, launched(1, Phase.TEST));
        when(ec2.describeInstances(anyCollection())).thenReturn(Map.of(instanceId(1, Phase.TEST),
                new InstanceHealth(instanceId(1, Phase.TEST), "pending", null, null, null, null)));

        service.validate(new PhaseRequest(WAVE_ID, Phase.TEST));

        verify(prober, never()).tcp(anyString(), anyInt(), any());
        assertThat(waves.server(WAVE_ID, serverId(1)).validation().detail())
                .isEqualTo("instance " + instanceId(1, Phase.TEST) + " is pending");
    }

    @Test
    void aCheckOnAnAddressTheInstanceDoesNotHaveFailsWithoutProbing() {
        givenWave(new ValidationSettings(false, WEB_CHECKS.tcp(), List.of(), 30), launched(1, Phase.TEST));
        when(ec2.describeInstances(anyCollection())).thenReturn(Map.of(instanceId(1, Phase.TEST),
                new InstanceHealth(instanceId(1, Phase.TEST), "running", "ok", "ok", null, "10.0.0.1")));

        service.validate(new PhaseRequest(WAVE_ID, Phase.TEST));

        verify(prober, never()).tcp(anyString(), anyInt(), any());
        assertThat(waves.server(WAVE_ID, serverId(1)).validation().detail())
                .isEqualTo("TCP port 22: the instance has no public IP address");
    }

    @Test
    void aProbeThatThrowsCountsAsAFailingCheck() {
        givenWave(WEB_CHECKS, launched(1, Phase.TEST));
        when(prober.tcp(anyString(), anyInt(), any())).thenThrow(new IllegalStateException("no route to host"));

        service.validate(new PhaseRequest(WAVE_ID, Phase.TEST));

        assertThat(waves.server(WAVE_ID, serverId(1)).validation().detail())
                .isEqualTo("TCP port 22 on 203.0.113.1: no route to host");
    }

    @Test
    void aRepeatedCallChecksOnlyTheServersNotYetDecided() {
        givenWave(WEB_CHECKS, passed(1, Phase.TEST), launched(2, Phase.TEST));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Collection<String>> ids = ArgumentCaptor.forClass(Collection.class);

        service.validate(new PhaseRequest(WAVE_ID, Phase.TEST));

        verify(ec2).describeInstances(ids.capture());
        assertThat(ids.getValue()).containsExactly(instanceId(2, Phase.TEST));
        verify(prober, times(1)).tcp(anyString(), anyInt(), any());
    }

    @Test
    void aTestValidationThatPassedIsRedoneForTheCutover() {
        ServerRecord passedTestNowInCutover = launched(1, Phase.CUTOVER).withValidation(
                passed(1, Phase.TEST).validation());
        givenWave(WEB_CHECKS, passedTestNowInCutover);

        service.validate(new PhaseRequest(WAVE_ID, Phase.CUTOVER));

        ServerRecord server = waves.server(WAVE_ID, serverId(1));
        assertThat(server.validation().phase()).isEqualTo(Phase.CUTOVER);
        assertThat(server.validation().startedAt()).isEqualTo(clock.instant());
    }

    @Test
    void failedAndLeftOutServersAreNotChecked() {
        ServerRecord failed = launched(1, Phase.TEST).failed("launch failed", clock.instant());
        givenWave(WEB_CHECKS, failed);

        WaveProgress progress = service.validate(new PhaseRequest(WAVE_ID, Phase.TEST));

        verify(ec2, never()).describeInstances(anyCollection());
        assertThat(progress.pending()).isZero();
    }

    @Test
    void probesOfDifferentServersRunAtTheSameTime() {
        int servers = 20;
        List<ServerRecord> launchedServers = new ArrayList<>();
        for (int i = 1; i <= servers; i++) {
            launchedServers.add(launched(i, Phase.TEST));
        }
        givenWave(new ValidationSettings(false, WEB_CHECKS.tcp(), List.of(), 30),
                launchedServers.toArray(ServerRecord[]::new));
        CountDownLatch allProbing = new CountDownLatch(servers);
        when(prober.tcp(anyString(), anyInt(), any())).thenAnswer(call -> {
            allProbing.countDown();
            // Passes only if every other server's probe is in flight at the same time.
            boolean together = allProbing.await(10, TimeUnit.SECONDS);
            return new ProbeResult(together, together ? "connected" : "probes ran one after another");
        });

        WaveProgress progress = service.validate(new PhaseRequest(WAVE_ID, Phase.TEST));

        assertThat(progress.pending()).isZero();
        assertThat(waves.servers(WAVE_ID)).allMatch(server -> server.validation().outcome() == Outcome.PASSED);
    }

    private void givenWave(ValidationSettings checks, ServerRecord... servers) {
        WaveRecord wave = WaveFixtures.wave(WaveFixtures.policies(OnServerFailure.CONTINUE), checks);
        waves.with(wave, List.of(servers));
    }

    private static InstanceHealth healthy(String instanceId) {
        return new InstanceHealth(instanceId, "running", "ok", "ok", "203.0.113.1", "10.0.0.1");
    }
}
