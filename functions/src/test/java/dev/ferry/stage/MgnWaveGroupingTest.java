package dev.ferry.stage;

import dev.ferry.mgn.LifecycleState;
import dev.ferry.mgn.MgnApplication;
import dev.ferry.mgn.MgnWave;
import dev.ferry.mgn.SourceServer;
import dev.ferry.stage.MgnWaveGrouping.Archival;
import dev.ferry.stage.MgnWaveGrouping.Member;
import dev.ferry.testing.FakeMgn;
import dev.ferry.testing.SimulatedCrash;
import dev.ferry.wave.MgnWaveSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MgnWaveGroupingTest {

    private static final String WAVE_ID = "media-wave-1";
    private static final String WEB = "s-00000000000000001";
    private static final String DB = "s-00000000000000002";
    private static final MgnWaveSettings DEFAULTS = new MgnWaveSettings(null, null);

    private final FakeMgn mgn = new FakeMgn()
            .server(WEB, LifecycleState.READY_FOR_TEST, null)
            .server(DB, LifecycleState.READY_FOR_TEST, null);
    private final MgnWaveGrouping grouping = new MgnWaveGrouping(mgn);

    @Test
    void theWaveGetsAnMgnWaveAndApplicationNamedAfterItWithEveryServerInIt() {
        MgnWaveGrouping.Grouping made = grouping.prepare(WAVE_ID, DEFAULTS, servers());

        assertThat(mgn.waves()).extracting(MgnWave::name).containsExactly(WAVE_ID);
        assertThat(mgn.applications()).singleElement().satisfies(application -> {
            assertThat(application.name()).isEqualTo(WAVE_ID);
            assertThat(application.waveId()).isEqualTo(made.wave().id());
        });
        assertThat(mgn.sourceServersInApplication(made.application().id())).extracting(SourceServer::id)
                .containsExactly(WEB, DB);
        assertThat(made.associated()).isEqualTo(2);
    }

    @Test
    void aSecondRunReusesWhatTheFirstMadeAndAddsNothing() {
        grouping.prepare(WAVE_ID, DEFAULTS, servers());
        mgn.forgetRequests();

        MgnWaveGrouping.Grouping again = grouping.prepare(WAVE_ID, DEFAULTS, servers());

        assertThat(mgn.waves()).hasSize(1);
        assertThat(mgn.applications()).hasSize(1);
        assertThat(again.associated()).isZero();
        assertThat(mgn.requests()).noneMatch(request -> request.startsWith("create") || request.startsWith("associate"));
    }

    @Test
    void aRetryAfterACreateWhoseAnswerWasLostFindsItInsteadOfMakingASecond() {
        mgn.loseNextCreateAnswer();
        assertThatThrownBy(() -> grouping.prepare(WAVE_ID, DEFAULTS, servers())).isInstanceOf(SimulatedCrash.class);

        grouping.prepare(WAVE_ID, DEFAULTS, servers());

        assertThat(mgn.waves()).hasSize(1);
        assertThat(mgn.applications()).hasSize(1);
        assertThat(mgn.applications().getFirst().waveId()).isEqualTo(mgn.waves().getFirst().id());
    }

    @Test
    void aWaveAndApplicationNamedInTheSettingsAreFoundAmongThoseMadeByHand() {
        MgnWave planned = mgn.addWave("Media, wave 1");
        MgnApplication media = mgn.addApplication("Media", planned.id(), WEB);

        MgnWaveGrouping.Grouping made = grouping.prepare(WAVE_ID, new MgnWaveSettings("Media, wave 1", "Media"),
                servers());

        assertThat(made.wave().id()).isEqualTo(planned.id());
        assertThat(made.application().id()).isEqualTo(media.id());
        assertThat(mgn.calls()).containsExactly("associateSourceServers " + media.id() + " [" + DB + "]");
    }

    @Test
    void aServerInAnotherApplicationIsAProblemNamingThatApplication() {
        MgnApplication billing = mgn.addApplication("Billing", null, DB);

        List<String> problems = grouping.problems(WAVE_ID, DEFAULTS, members());

        assertThat(problems).containsExactly("mgnWave: server db (" + DB + ") is in MGN application \"Billing\" ("
                + billing.id() + "); Ferry does not take a server out of another application: remove it from there, "
                + "or name that application in mgnWave.application");
        assertThat(mgn.calls()).isEmpty();
    }

    @Test
    void anApplicationInAnotherWaveIsAProblem() {
        MgnWave other = mgn.addWave("Wave 0");
        MgnApplication media = mgn.addApplication("Media", other.id());

        List<String> problems = grouping.problems(WAVE_ID, new MgnWaveSettings(null, "Media"), members());

        assertThat(problems).containsExactly("mgnWave.application: MGN application \"Media\" (" + media.id()
                + ") is in MGN wave \"Wave 0\" (" + other.id() + "), not in \"" + WAVE_ID + "\"; name that wave in "
                + "mgnWave.name, or give the application another name");
    }

    @Test
    void serversAlreadyInTheNamedApplicationAreNoProblem() {
        mgn.addApplication("Media", null, WEB, DB);

        assertThat(grouping.problems(WAVE_ID, new MgnWaveSettings(null, "Media"), members())).isEmpty();
    }

    @Test
    void theApplicationAndWaveAreArchivedOnceEveryServerIsAndASecondCallChangesNothing() {
        MgnWaveGrouping.Grouping made = grouping.prepare(WAVE_ID, DEFAULTS, servers());
        cutOverAndArchived(WEB, DB);

        List<Archival> first = grouping.archiveWhenDone(WAVE_ID, DEFAULTS);
        mgn.forgetRequests();
        List<Archival> second = grouping.archiveWhenDone(WAVE_ID, DEFAULTS);

        assertThat(first).containsExactly(Archival.ARCHIVED, Archival.ARCHIVED);
        assertThat(second).containsExactly(Archival.ALREADY_ARCHIVED, Archival.ALREADY_ARCHIVED);
        assertThat(mgn.requests()).noneMatch(request -> request.startsWith("archive"));
        assertThat(mgn.applications()).singleElement().extracting(MgnApplication::archived).isEqualTo(true);
        assertThat(mgn.waves()).singleElement().satisfies(wave -> assertThat(wave.id()).isEqualTo(made.wave().id()))
                .extracting(MgnWave::archived).isEqualTo(true);
    }

    @Test
    void anApplicationWithAServerNotArchivedIsKeptAndSoIsItsWave() {
        grouping.prepare(WAVE_ID, DEFAULTS, servers());
        cutOverAndArchived(WEB);

        List<Archival> archival = grouping.archiveWhenDone(WAVE_ID, DEFAULTS);

        assertThat(archival).containsExactly(Archival.KEPT, Archival.KEPT);
        assertThat(mgn.calls()).noneMatch(call -> call.startsWith("archive"));
    }

    @Test
    void aWaveHoldingAnotherActiveApplicationIsKeptWhenOursIsArchived() {
        MgnWaveGrouping.Grouping made = grouping.prepare(WAVE_ID, DEFAULTS, servers());
        mgn.addApplication("Billing", made.wave().id());
        cutOverAndArchived(WEB, DB);

        assertThat(grouping.archiveWhenDone(WAVE_ID, DEFAULTS)).containsExactly(Archival.ARCHIVED, Archival.KEPT);
    }

    private void cutOverAndArchived(String... ids) {
        for (String id : ids) {
            mgn.finalizeCutover(id);
            mgn.markAsArchived(id);
        }
    }

    private List<SourceServer> servers() {
        return mgn.describeSourceServers(List.of(WEB, DB));
    }

    private List<Member> members() {
        List<SourceServer> servers = servers();
        return List.of(new Member("web", servers.get(0)), new Member("db", servers.get(1)));
    }
}
