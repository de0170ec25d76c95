package dev.ferry.local.rehearsal;

import dev.ferry.agent.AgentInstallCommand;
import dev.ferry.agent.ManagedInstance;
import dev.ferry.agent.SdkSsmCommands;
import dev.ferry.config.AwsClients;
import dev.ferry.dns.DnsRecordSet;
import dev.ferry.dns.SdkDnsGateway;
import dev.ferry.local.rehearsal.template.ProjectTemplate;
import dev.ferry.network.Platform;
import dev.ferry.testing.ProjectFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.LifeCycleState;
import software.amazon.awssdk.services.mgn.model.SourceServer;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, a started {@link LocalCloud} with {@code events/rehearsal/agent-and-dns-environment.json}:
 * the handlers' own clients (built by {@link AwsClients} from the settings the local cloud gives them)
 * reach its Systems Manager and Route 53, and an agent installed through Run Command makes the
 * simulated MGN replicate the server on the virtual clock, its events planned by MGN's clockwork.
 */
class LocalCloudSsmAndRoute53IntegrationTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final String INSTALLS = "i-0a1b2c3d4e5f60718";
    private static final String SOURCE_SERVER = "s-13a5b49c3810fa449";

    private LocalCloud cloud;

    @BeforeEach
    void start() {
        RehearsalInputs.SimulatedWorld world = RehearsalInputs.loadWorld(
                ProjectFolder.root().resolve("events/rehearsal/agent-and-dns-environment.json"));
        cloud = LocalCloud.start(new LocalCloudSettings(ProjectTemplate.load(ProjectFolder.root()),
                world.environment(), START, Double.POSITIVE_INFINITY, 0, null, world.services()));
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void theHandlersClientsReachSystemsManagerOfTheSourceRegionAndRoute53() {
        try (SsmClient ssm = AwsClients.sleepingForReal(Region.EU_CENTRAL_1).ssm(Region.US_EAST_1)) {
            Map<String, ManagedInstance> managed = new SdkSsmCommands(ssm).managedInstances(List.of(INSTALLS));
            List<DnsRecordSet> records = new SdkDnsGateway(AwsClients.sleepingForReal(Region.EU_CENTRAL_1).route53(), pause -> { }, cloud.clock())
                    .recordSets("Z0123456789ABCDEFGHIJ", "media.example.com", "A");

            assertThat(managed).containsOnlyKeys(INSTALLS);
            assertThat(records).extracting(DnsRecordSet::values).containsExactly(List.of("198.51.100.7"));
        }
    }

    @Test
    void anAgentInstalledThroughRunCommandReplicatesTheServerUntilItIsReadyForTest() {
        try (SsmClient ssm = AwsClients.sleepingForReal(Region.EU_CENTRAL_1).ssm(Region.US_EAST_1); MgnClient mgn = AwsClients.sleepingForReal(Region.EU_CENTRAL_1).mgn()) {
            new SdkSsmCommands(ssm).send(INSTALLS, AgentInstallCommand.forPlatform(Platform.LINUX, "eu-central-1"),
                    "Ferry w-1: install the replication agent", Duration.ofMinutes(30));

            cloud.scheduler().runUntil(() -> false, START.plus(Duration.ofHours(2)));
            // MGN's own clock has run (no MGN call has been made): its first READY_FOR_TEST event went out.
            List<String> emitted = cloud.clockwork().emittedEvents().stream()
                    .map(event -> event.state() + " " + event.sourceServerArn()).toList();

            SourceServer server = mgn.describeSourceServers(r -> r.filters(f -> f.sourceServerIDs(SOURCE_SERVER)))
                    .items().getFirst();
            assertThat(server.sourceProperties().identificationHints().awsInstanceID()).isEqualTo(INSTALLS);
            assertThat(server.lifeCycle().state()).isEqualTo(LifeCycleState.READY_FOR_TEST);
            assertThat(emitted).contains("READY_FOR_TEST " + server.arn());
            assertThat(cloud.ssm().invocations()).singleElement()
                    .satisfies(invocation -> assertThat(invocation.output()).contains(SOURCE_SERVER));
        }
    }
}
