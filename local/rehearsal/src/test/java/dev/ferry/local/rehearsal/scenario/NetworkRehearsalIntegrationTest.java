package dev.ferry.local.rehearsal.scenario;

import dev.ferry.local.rehearsal.ApprovalMode;
import dev.ferry.server.NetworkSetup;
import dev.ferry.server.WaveReport.ServerOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.ferry.local.rehearsal.scenario.Scenario.THREE_SERVERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, a wave that prepares the target network ({@code events/rehearsal/network-*.json}): the
 * deployed PrepareNetwork handler reads the source instances and their security groups from the simulated EC2 of
 * us-east-1, imports the key pair and copies the groups (which reference each other) into the target VPC of
 * eu-central-1, and derives each server's launch settings from its source instance; the wave then cuts over.
 */
class NetworkRehearsalIntegrationTest {

    private static final String WEB = "sg-0c1d2e3f405162701";
    private static final String WORKERS = "sg-0c1d2e3f405162703";

    private static ScenarioRun run;

    @BeforeAll
    static void rehearse() {
        run = Scenario.named("network").rehearse(ApprovalMode.AUTO);
    }

    @Test
    void everyServerLaunchedWithTheDerivedSettingsIsCutOver() {
        assertThat(run.result().exitCode()).isZero();
        assertThat(run.result().servers()).extracting(ServerOutcome::server)
                .containsExactlyInAnyOrderElementsOf(THREE_SERVERS);
        assertThat(run.result().servers()).allSatisfy(server ->
                assertThat(server.outcome()).isEqualTo(ServerOutcome.CUT_OVER));
    }

    @Test
    void theKeyPairIsImportedAndBothSourceGroupsAreCopiedWithoutDifferences() {
        NetworkSetup network = run.result().report().network();

        assertThat(network.keyName()).isEqualTo("media-eu-central-1");
        assertThat(network.keyPairImported()).isTrue();
        assertThat(network.securityGroupCopies()).containsOnlyKeys(WEB, WORKERS);
        assertThat(network.securityGroupCopies().values()).allSatisfy(copy -> assertThat(copy).startsWith("sg-"))
                .doesNotContain(WEB, WORKERS);
        assertThat(network.groupsCreated()).containsExactlyInAnyOrder(WEB, WORKERS);
        assertThat(network.differences()).isEmpty();
        assertThat(network.notCopied()).isEmpty();
    }
}
