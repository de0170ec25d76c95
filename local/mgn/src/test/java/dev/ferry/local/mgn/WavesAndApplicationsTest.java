package dev.ferry.local.mgn;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mgn.model.Application;
import software.amazon.awssdk.services.mgn.model.ConflictException;
import software.amazon.awssdk.services.mgn.model.CreateApplicationResponse;
import software.amazon.awssdk.services.mgn.model.CreateWaveResponse;
import software.amazon.awssdk.services.mgn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.mgn.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.mgn.model.SourceServer;
import software.amazon.awssdk.services.mgn.model.ValidationException;
import software.amazon.awssdk.services.mgn.model.Wave;

import java.util.List;
import java.util.stream.IntStream;

import static dev.ferry.local.mgn.TestEnvironment.serverId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MGN's waves and applications, through the real SDK client. */
class WavesAndApplicationsTest {

    private MgnTestRig rig;

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void a_wave_holds_an_application_that_holds_servers_and_each_says_so() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8).server(2, 8).server(3, 8));

        CreateWaveResponse wave = rig.mgn.createWave(r -> r.name("Media, wave 1").description("media stack"));
        CreateApplicationResponse application = rig.mgn.createApplication(r -> r.name("Media"));
        rig.mgn.associateApplications(r -> r.waveID(wave.waveID()).applicationIDs(application.applicationID()));
        rig.mgn.associateSourceServers(r -> r.applicationID(application.applicationID())
                .sourceServerIDs(serverId(1), serverId(2)));

        assertThat(rig.simulator.callLog().getFirst().status()).isEqualTo(201);
        assertThat(wave.waveID()).matches("wave-[0-9a-zA-Z]{17}");
        assertThat(wave.arn()).isEqualTo("arn:aws:mgn:eu-central-1:111122223333:wave/" + wave.waveID());
        Wave listed = rig.mgn.listWaves(r -> { }).items().getFirst();
        assertThat(listed.name()).isEqualTo("Media, wave 1");
        assertThat(listed.waveAggregatedStatus().totalApplications()).isEqualTo(1);
        Application inWave = rig.mgn.listApplications(r -> r.filters(f -> f.waveIDs(wave.waveID()))).items().getFirst();
        assertThat(inWave.applicationID()).isEqualTo(application.applicationID());
        assertThat(inWave.waveID()).isEqualTo(wave.waveID());
        assertThat(inWave.applicationAggregatedStatus().totalSourceServers()).isEqualTo(2);
        assertThat(rig.mgn.describeSourceServers(r -> r.filters(f -> f.applicationIDs(application.applicationID())))
                .items()).extracting(SourceServer::sourceServerID, SourceServer::applicationID)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(serverId(1), application.applicationID()),
                        org.assertj.core.groups.Tuple.tuple(serverId(2), application.applicationID()));
    }

    @Test
    void names_are_not_unique_and_are_matched_by_the_caller() {
        rig = MgnTestRig.of(TestEnvironment.initialized());

        rig.mgn.createWave(r -> r.name("Media"));
        rig.mgn.createWave(r -> r.name("Media"));

        assertThat(rig.mgn.listWaves(r -> { }).items()).extracting(Wave::name).containsExactly("Media", "Media");
    }

    @Test
    void a_name_mgn_does_not_accept_is_a_validation_error_naming_the_field() {
        rig = MgnTestRig.of(TestEnvironment.initialized());

        assertThatThrownBy(() -> rig.mgn.createApplication(r -> r.name(" Media")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("name"));
    }

    @Test
    void a_server_in_another_application_is_a_conflict_and_stays_where_it_is() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8));
        String billing = rig.mgn.createApplication(r -> r.name("Billing")).applicationID();
        String media = rig.mgn.createApplication(r -> r.name("Media")).applicationID();
        rig.mgn.associateSourceServers(r -> r.applicationID(billing).sourceServerIDs(serverId(1)));

        assertThatThrownBy(() -> rig.mgn.associateSourceServers(r -> r.applicationID(media)
                .sourceServerIDs(serverId(1))))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
        rig.mgn.associateSourceServers(r -> r.applicationID(billing).sourceServerIDs(serverId(1)));
        assertThat(rig.mgn.describeSourceServers(r -> { }).items().getFirst().applicationID()).isEqualTo(billing);
    }

    @Test
    void a_call_names_at_most_50_servers_and_an_application_holds_at_most_200() {
        TestEnvironment environment = TestEnvironment.initialized();
        IntStream.rangeClosed(1, 201).forEach(n -> environment.server(n, 1));
        rig = MgnTestRig.of(environment);
        String application = rig.mgn.createApplication(r -> r.name("Big")).applicationID();

        assertThatThrownBy(() -> rig.mgn.associateSourceServers(r -> r.applicationID(application)
                .sourceServerIDs(ids(1, 51)))).isInstanceOf(ValidationException.class);
        for (int first = 1; first <= 200; first += 50) {
            List<String> batch = ids(first, first + 49);
            rig.mgn.associateSourceServers(r -> r.applicationID(application).sourceServerIDs(batch));
        }
        assertThatThrownBy(() -> rig.mgn.associateSourceServers(r -> r.applicationID(application)
                .sourceServerIDs(serverId(201))))
                .isInstanceOfSatisfying(ServiceQuotaExceededException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(402));
    }

    @Test
    void an_application_is_archived_once_its_servers_are_and_a_wave_once_its_applications_are() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8));
        String wave = rig.mgn.createWave(r -> r.name("Media")).waveID();
        String application = rig.mgn.createApplication(r -> r.name("Media")).applicationID();
        rig.mgn.associateApplications(r -> r.waveID(wave).applicationIDs(application));
        rig.mgn.associateSourceServers(r -> r.applicationID(application).sourceServerIDs(serverId(1)));

        assertThatThrownBy(() -> rig.mgn.archiveApplication(r -> r.applicationID(application)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not archived");
        assertThatThrownBy(() -> rig.mgn.archiveWave(r -> r.waveID(wave)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not archived");
        rig.mgn.disconnectFromService(r -> r.sourceServerID(serverId(1)));
        rig.mgn.markAsArchived(r -> r.sourceServerID(serverId(1)));

        assertThat(rig.mgn.archiveApplication(r -> r.applicationID(application)).isArchived()).isTrue();
        assertThat(rig.mgn.archiveWave(r -> r.waveID(wave)).isArchived()).isTrue();
        assertThat(rig.mgn.listWaves(r -> r.filters(f -> f.isArchived(false))).items()).isEmpty();
        assertThat(rig.mgn.listApplications(r -> r.filters(f -> f.isArchived(true))).items())
                .extracting(Application::applicationID).containsExactly(application);
        assertThatThrownBy(() -> rig.mgn.archiveWave(r -> r.waveID(wave))).isInstanceOf(ConflictException.class);
    }

    @Test
    void an_unknown_wave_is_not_found() {
        rig = MgnTestRig.of(TestEnvironment.initialized());
        String application = rig.mgn.createApplication(r -> r.name("Media")).applicationID();

        assertThatThrownBy(() -> rig.mgn.associateApplications(r -> r.waveID("wave-0123456789abcdefg")
                .applicationIDs(application)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    private static List<String> ids(int first, int last) {
        return IntStream.rangeClosed(first, last).mapToObj(TestEnvironment::serverId).toList();
    }
}
