package dev.ferry.events;

import dev.ferry.events.FerryEventDetail.ServerOutcome;
import dev.ferry.events.FerryEventDetail.StageChanged;
import dev.ferry.events.FerryEventDetail.WaveEnded;
import dev.ferry.events.FerryEventDetail.WaveStarted;
import dev.ferry.notify.Notification;
import dev.ferry.server.Phase;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveRecord;
import dev.ferry.stage.fakes.WaveFixtures;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.wave.NotificationSettings;
import dev.ferry.wave.Policies.OnServerFailure;
import dev.ferry.wave.WaveDefinition;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What a wave tells the event bus and, when it asks for every stage, the topic. */
class WaveEventsTest {

    private final List<FerryEvent> published = new ArrayList<>();
    private final List<Notification> notified = new ArrayList<>();
    private final Clock clock = Clock.fixed(WaveFixtures.START, ZoneOffset.UTC);

    @Test
    void aStageThatEndedIsPublishedWithTheWavesCountsAndItsFailedServers() {
        WaveEvents events = events(WaveFixtures.wave(OnServerFailure.CONTINUE), List.of(
                WaveFixtures.passed(1, Phase.TEST), WaveFixtures.failedValidation(2, Phase.TEST, "port 443 closed")));

        events.stageEnded(WaveFixtures.WAVE_ID, "SettleTest");

        FerryEvent event = published.getFirst();
        assertThat(event.type()).isEqualTo(FerryEventType.STAGE_CHANGED);
        assertThat(event.resources()).containsExactly(WaveFixtures.wave(OnServerFailure.CONTINUE).executionArn());
        StageChanged detail = (StageChanged) event.detail();
        assertThat(detail.stage()).isEqualTo("SettleTest");
        assertThat(detail.counts()).isEqualTo(new FerryEventDetail.Counts(2, 1, 0, 1, 0));
        assertThat(detail.servers()).singleElement().satisfies(server -> {
            assertThat(server.sourceServerId()).isEqualTo(WaveFixtures.serverId(2));
            assertThat(server.status()).isEqualTo("FAILED");
            assertThat(server.reason()).isEqualTo("port 443 closed");
        });
        assertThat(detail.header().schemaVersion()).isEqualTo(FerryEventDetail.SCHEMA_VERSION);
    }

    @Test
    void aRetriedStagePublishesAgainWithTheSameEventIdAndAnotherStageWithAnother() {
        WaveEvents events = events(WaveFixtures.wave(OnServerFailure.CONTINUE), List.of(WaveFixtures.active(1, Stage.REPLICATION)));

        events.stageEnded(WaveFixtures.WAVE_ID, "PrepareLaunch");
        events.stageEnded(WaveFixtures.WAVE_ID, "PrepareLaunch");
        events.stageEnded(WaveFixtures.WAVE_ID, "SettleTest");

        List<String> ids = published.stream().map(event -> event.detail().header().eventId()).toList();
        assertThat(ids.get(0)).isEqualTo(ids.get(1));
        assertThat(ids.get(2)).isNotEqualTo(ids.get(0));
    }

    @Test
    void aStageListsAtMostAHundredServersAndCountsTheRest() {
        List<ServerRecord> failed = IntStream.rangeClosed(1, 250)
                .mapToObj(number -> WaveFixtures.failedLaunch(number, Phase.TEST, "launch failed")).toList();
        WaveEvents events = events(WaveFixtures.wave(OnServerFailure.CONTINUE), failed);

        events.stageEnded(WaveFixtures.WAVE_ID, "SettleTest");

        StageChanged detail = (StageChanged) published.getFirst().detail();
        assertThat(detail.servers()).hasSize(FerryEventDetail.MAX_SERVERS);
        assertThat(detail.serversOmitted()).isEqualTo(150);
        assertThat(detail.counts().failed()).isEqualTo(250);
    }

    @Test
    void aWaveThatNotifiesProblemsOnlySendsNoMessageWhenAStageEnds() {
        WaveEvents events = events(WaveFixtures.wave(OnServerFailure.CONTINUE), List.of(WaveFixtures.active(1, Stage.REPLICATION)));

        events.stageEnded(WaveFixtures.WAVE_ID, "PrepareLaunch");

        assertThat(published).hasSize(1);
        assertThat(notified).isEmpty();
    }

    @Test
    void aWaveThatNotifiesEveryStageGetsAShortMessageNamingTheStageAndItsProblems() {
        WaveEvents events = events(everyStage(WaveFixtures.wave(OnServerFailure.CONTINUE)), List.of(
                WaveFixtures.passed(1, Phase.TEST), WaveFixtures.failedValidation(2, Phase.TEST, "port 443 closed")));

        events.stageEnded(WaveFixtures.WAVE_ID, "SettleTest");

        assertThat(notified).singleElement().satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Ferry wave media-stack: SettleTest done");
            assertThat(message.body()).startsWith("Stage SettleTest of wave media-stack has ended. 2 servers: 1 active,"
                    + " 0 cut over, 1 failed, 0 left out.").contains("server-2", "port 443 closed");
        });
    }

    @Test
    void theWaveStartedEventListsTheServersAsTheWaveNamesThem() {
        WaveEvents events = events(WaveFixtures.wave(OnServerFailure.CONTINUE), List.of());

        events.waveStarted(WaveFixtures.WAVE_ID);

        WaveStarted detail = (WaveStarted) published.getFirst().detail();
        assertThat(detail.serverCount()).isEqualTo(1);
        assertThat(detail.servers()).containsExactly(new FerryEventDetail.ServerRef("s-00000000000000001", null, "web-1"));
        assertThat(detail.targetRegion()).isEqualTo("eu-central-1");
    }

    @Test
    void theWaveEndsWithOneOutcomePerServerAndThenTheWaveEndedEventInOneBatch() {
        WaveRecord wave = WaveFixtures.wave(OnServerFailure.CONTINUE).withStatus(WaveRecord.WaveStatus.COMPLETED, null);
        WaveEvents events = events(wave, List.of(WaveFixtures.passed(1, Phase.CUTOVER).cutOver(WaveFixtures.START),
                WaveFixtures.failedLaunch(2, Phase.TEST, "launch failed")));

        events.waveEnded(WaveFixtures.WAVE_ID);

        assertThat(published).extracting(FerryEvent::type).containsExactly(FerryEventType.SERVER_OUTCOME,
                FerryEventType.SERVER_OUTCOME, FerryEventType.WAVE_ENDED);
        ServerOutcome first = (ServerOutcome) published.getFirst().detail();
        assertThat(first.server().status()).isEqualTo("CUT_OVER");
        assertThat(first.cutoverInstanceId()).isEqualTo(WaveFixtures.instanceId(1, Phase.CUTOVER));
        assertThat(first.waveStatus()).isEqualTo("COMPLETED");
        WaveEnded ended = (WaveEnded) published.getLast().detail();
        assertThat(ended.counts()).isEqualTo(new FerryEventDetail.Counts(2, 0, 1, 1, 0));
    }

    @Test
    void aWaveThatWasNeverStoredEndsWithoutEvents() {
        WaveEvents events = new WaveEvents(new InMemoryWaveStore(), published::addAll, notified::add, clock);

        events.waveEnded("never-stored");

        assertThat(published).isEmpty();
    }

    @Test
    void aFailureToTellNeverFailsTheStage() {
        WaveEvents events = new WaveEvents(new InMemoryWaveStore().with(everyStage(WaveFixtures.wave(OnServerFailure.CONTINUE)),
                List.of()), batch -> {
                    throw new IllegalStateException("the bus is down");
                }, notification -> {
                    throw new IllegalStateException("the topic is down");
                }, clock);

        events.stageEnded(WaveFixtures.WAVE_ID, "PrepareLaunch");
        events.waveEnded(WaveFixtures.WAVE_ID);
        events.approvalTimedOut("unknown-wave");
    }

    @Test
    void nothingIsToldByTheEventsOfAHandlerBuiltAroundItsServiceAlone() {
        WaveEvents.none().stageEnded(WaveFixtures.WAVE_ID, "PrepareLaunch");
        WaveEvents.none().waveEnded(WaveFixtures.WAVE_ID);

        assertThat(published).isEmpty();
    }

    private WaveEvents events(WaveRecord wave, List<ServerRecord> servers) {
        return new WaveEvents(new InMemoryWaveStore().with(wave, servers), published::addAll, notified::add, clock);
    }

    private static WaveRecord everyStage(WaveRecord wave) {
        WaveDefinition d = wave.definition();
        WaveDefinition definition = new WaveDefinition(d.waveName(), d.targetRegion(), d.sourceRegion(), d.servers(),
                d.replication(), d.launch(), d.validation(), d.approvers(), d.timeLimits(), d.policies(), d.network(),
                d.dns(), d.agentInstallation(), d.quotas(), d.mgnWave(),
                new NotificationSettings(NotificationSettings.Level.EVERY_STAGE));
        return new WaveRecord(wave.waveId(), wave.executionArn(), definition, wave.status(), wave.reason(),
                wave.startedAt(), wave.network(), wave.dns());
    }
}
