package dev.ferry.stage.dns;

import dev.ferry.dns.DnsRecordSet;
import dev.ferry.notify.Notification;
import dev.ferry.server.DnsSwitchProgress.StepKind;
import dev.ferry.server.DnsSwitchProgress.StepRecord;
import dev.ferry.server.DnsSwitchProgress;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveRecord.WaveStatus;
import dev.ferry.stage.dns.DnsStagesFixture.ScriptedProber;
import dev.ferry.stage.WaveRef;
import dev.ferry.stage.fakes.FakeDns;
import dev.ferry.stage.fakes.WaveFixtures;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.testing.MutableClock;
import dev.ferry.wave.WaveFiles;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.ferry.stage.dns.DnsStagesFixture.HEALTH_URL;
import static dev.ferry.stage.dns.DnsStagesFixture.ORIGINAL_TTL;
import static dev.ferry.stage.dns.DnsStagesFixture.RECORD;
import static dev.ferry.stage.dns.DnsStagesFixture.SOURCE_ADDRESS;
import static dev.ferry.stage.dns.DnsStagesFixture.TARGET_ADDRESS;
import static dev.ferry.stage.dns.DnsStagesFixture.WAVE_ID;
import static dev.ferry.stage.dns.DnsStagesFixture.ZONE;
import static dev.ferry.stage.fakes.PreflightFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class DnsSwitchServiceTest {

    private static final WaveRef WAVE = new WaveRef(WAVE_ID);

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeDns route53 = DnsStagesFixture.route53();
    private final InMemoryWaveStore store = DnsStagesFixture.storedWave();
    private final ScriptedProber prober = new ScriptedProber();
    private final List<Notification> notifications = new ArrayList<>();
    private final DnsSwitchService service = new DnsSwitchService(store, route53, prober, notifications::add, clock);

    @Test
    void theFirstCallAppliesTheFirstStepWithoutACheck() {
        lowerTtlAtWaveStart();

        DnsSwitchResult result = service.advance(WAVE);

        assertThat(prober.asked()).isEmpty();
        assertThat(weights()).containsExactly(90L, 10L);
        assertThat(result.done()).isFalse();
        assertThat(result.stepsApplied()).isEqualTo(1);
    }

    @Test
    void theStateMachineIsToldToWaitTheWavesPauseBetweenSteps() {
        lowerTtlAtWaveStart();

        DnsSwitchResult result = service.advance(WAVE);

        assertThat(result.waitSeconds()).isEqualTo(600);
    }

    @Test
    void theFirstStepTurnsTheSimpleRecordIntoTheSourcesWeightedSetAndAddsTheTargets() {
        lowerTtlAtWaveStart();

        service.advance(WAVE);

        assertThat(route53.set(ZONE, RECORD, "A", null)).isNull();
        assertThat(route53.set(ZONE, RECORD, "A", "ferry-source").values()).containsExactly(SOURCE_ADDRESS);
        assertThat(route53.set(ZONE, RECORD, "A", "ferry-target").values()).containsExactly(TARGET_ADDRESS);
        assertThat(route53.set(ZONE, RECORD, "A", "ferry-target").ttl()).isEqualTo(60L);
    }

    @Test
    void eachPassingCheckIsFollowedByTheNextStepsWeights() {
        lowerTtlAtWaveStart();
        service.advance(WAVE);

        service.advance(WAVE);
        List<Long> second = weights();
        service.advance(WAVE);

        assertThat(second).containsExactly(50L, 50L);
        assertThat(weights()).containsExactly(0L, 100L);
        assertThat(prober.asked()).containsExactly(HEALTH_URL, HEALTH_URL);
    }

    @Test
    void afterTheLastStepAPassingCheckRestoresTheOriginalTtlAndEndsTheSwitch() {
        lowerTtlAtWaveStart();
        advanceTimes(3);

        DnsSwitchResult result = service.advance(WAVE);

        assertThat(result.done()).isTrue();
        assertThat(result.progress().stopped()).isFalse();
        assertThat(weights()).containsExactly(0L, 100L);
        assertThat(route53.set(ZONE, RECORD, "A", "ferry-source").ttl()).isEqualTo(ORIGINAL_TTL);
        assertThat(route53.set(ZONE, RECORD, "A", "ferry-target").ttl()).isEqualTo(ORIGINAL_TTL);
        assertThat(store.wave(WAVE_ID).dns().status()).isEqualTo(DnsSwitchProgress.Status.COMPLETED);
    }

    @Test
    void everyStepIsRecordedForTheReport() {
        lowerTtlAtWaveStart();

        advanceTimes(4);

        assertThat(store.wave(WAVE_ID).dns().history()).extracting(StepRecord::kind, StepRecord::targetPercent)
                .containsExactly(
                        tuple(StepKind.TTL_LOWERED, null),
                        tuple(StepKind.WEIGHTS, 10),
                        tuple(StepKind.WEIGHTS, 50),
                        tuple(StepKind.WEIGHTS, 100),
                        tuple(StepKind.TTL_RESTORED, 100));
    }

    @Test
    void aFailedCheckSendsEverythingBackToTheSourceWithTheOriginalTtl() {
        lowerTtlAtWaveStart();
        service.advance(WAVE);
        prober.answering(false);

        service.advance(WAVE);

        assertThat(weights()).containsExactly(100L, 0L);
        assertThat(route53.set(ZONE, RECORD, "A", "ferry-source").ttl()).isEqualTo(ORIGINAL_TTL);
    }

    @Test
    void aFailedCheckStopsTheWaveBeforeItFinalizes() {
        lowerTtlAtWaveStart();
        service.advance(WAVE);
        prober.answering(false);

        DnsSwitchResult result = service.advance(WAVE);

        assertThat(result.done()).isTrue();
        assertThat(result.progress().stopped()).isTrue();
        assertThat(store.wave(WAVE_ID).status()).isEqualTo(WaveStatus.STOPPED);
        assertThat(store.wave(WAVE_ID).reason()).contains("status 503");
        ServerRecord server = store.server(WAVE_ID, WaveFixtures.serverId(1));
        assertThat(server.isActive()).as("the server is not finalized: its source still runs").isTrue();
    }

    @Test
    void aFailedCheckIsToldWithTheRecordsMovedBack() {
        lowerTtlAtWaveStart();
        service.advance(WAVE);
        prober.answering(false);

        service.advance(WAVE);

        assertThat(notifications).singleElement().satisfies(message -> {
            assertThat(message.subject()).contains("DNS switch rolled back");
            assertThat(message.body()).contains(RECORD + " A in " + ZONE).contains("status 503");
        });
    }

    @Test
    void aRolledBackSwitchChangesNothingWhenCalledAgain() {
        lowerTtlAtWaveStart();
        service.advance(WAVE);
        prober.answering(false);
        service.advance(WAVE);
        int batches = route53.submitted().size();

        DnsSwitchResult again = service.advance(WAVE);

        assertThat(again.done()).isTrue();
        assertThat(route53.submitted()).hasSize(batches);
        assertThat(notifications).hasSize(1);
    }

    @Test
    void aRollbackDecidedBeforeACrashIsFinishedWithoutCheckingAgain() {
        lowerTtlAtWaveStart();
        service.advance(WAVE);
        store.update(store.wave(WAVE_ID).withDns(store.wave(WAVE_ID).dns().rollingBack("check failed before a crash")));

        service.advance(WAVE);

        assertThat(prober.asked()).isEmpty();
        assertThat(weights()).containsExactly(100L, 0L);
        assertThat(store.wave(WAVE_ID).status()).isEqualTo(WaveStatus.STOPPED);
    }

    @Test
    void aStepRepeatedAfterACrashLeavesTheSameRecords() {
        lowerTtlAtWaveStart();
        DnsSwitchProgress beforeStep = store.wave(WAVE_ID).dns();
        service.advance(WAVE);
        store.update(store.wave(WAVE_ID).withDns(beforeStep));

        service.advance(WAVE);

        assertThat(weights()).containsExactly(90L, 10L);
        assertThat(route53.recordSets(ZONE, RECORD, "A")).hasSize(2);
    }

    @Test
    void aFirstStepAppliedAlongsideBetweenReadingAndSubmittingIsPlannedAgainAndLeavesTheSameRecords() {
        lowerTtlAtWaveStart();
        DnsSwitchService alongside = new DnsSwitchService(store, route53, prober, notifications::add, clock);
        route53.beforeNextSubmit(() -> alongside.advance(WAVE));

        DnsSwitchResult result = service.advance(WAVE);

        assertThat(result.stepsApplied()).isEqualTo(1);
        assertThat(weights()).containsExactly(90L, 10L);
        assertThat(route53.recordSets(ZONE, RECORD, "A")).hasSize(2);
        assertThat(route53.set(ZONE, RECORD, "A", null)).isNull();
    }

    @Test
    void aWaveWithoutDnsIsDoneAtOnce() {
        InMemoryWaveStore withoutDns = DnsStagesFixture.storedWave(WaveFiles.read("wave-by-instance-ids.json"));

        DnsSwitchResult result = new DnsSwitchService(withoutDns, route53, prober, notifications::add, clock)
                .advance(WAVE);

        assertThat(result.done()).isTrue();
        assertThat(route53.submitted()).isEmpty();
    }

    private void lowerTtlAtWaveStart() {
        new PrepareDnsService(store, route53, clock).prepare(WAVE);
    }

    private void advanceTimes(int calls) {
        for (int i = 0; i < calls; i++) {
            service.advance(WAVE);
        }
    }

    /** The source's and the target's weights, in that order. */
    private List<Long> weights() {
        return List.of(route53.set(ZONE, RECORD, "A", "ferry-source"), route53.set(ZONE, RECORD, "A", "ferry-target"))
                .stream().map(DnsRecordSet::weight).toList();
    }
}
