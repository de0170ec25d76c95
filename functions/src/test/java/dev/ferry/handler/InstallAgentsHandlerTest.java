package dev.ferry.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.agent.ManagedPolicies;
import dev.ferry.agent.testing.FakeInstanceProfiles;
import dev.ferry.agent.testing.FakeSsmCommands;
import dev.ferry.json.Json;
import dev.ferry.mgn.LifecycleState;
import dev.ferry.mgn.SourceServer;
import dev.ferry.network.Platform;
import dev.ferry.network.SourceInstance;
import dev.ferry.quota.ReplicationQuota;
import dev.ferry.stage.agents.InstallAgentsService;
import dev.ferry.stage.fakes.NetworkFakes.FakeSourceEc2;
import dev.ferry.stage.preflight.PreflightService;
import dev.ferry.testing.FakeMgn;
import dev.ferry.testing.InMemoryAgentInstallStore;
import dev.ferry.testing.InMemoryServerClaims;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ferry.handler.PreflightHandlerTest.invoke;
import static dev.ferry.handler.PreflightHandlerTest.stateInput;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The InstallAgents state's function, given the state Preflight made of
 * {@code events/wave-with-agent-installation.json} (web-1 unknown to MGN, web-2 replicating).
 */
class InstallAgentsHandlerTest {

    private static final String WEB_1 = "i-0a1b2c3d4e5f60718";
    private static final String PROFILE = "arn:aws:iam::111122223333:instance-profile/web";

    private final InMemoryWaveStore waves = new InMemoryWaveStore();
    private final InMemoryAgentInstallStore installs = new InMemoryAgentInstallStore();
    private final FakeMgn mgn = new FakeMgn().with(new SourceServer("s-0000000000000000b",
            "arn:aws:mgn:eu-central-1:111122223333:source-server/s-0000000000000000b", "web-2",
            "i-0b2c3d4e5f6071829", LifecycleState.NOT_READY, "INITIAL_SYNC", null, null, false, null));
    private final FakeSourceEc2 ec2 = new FakeSourceEc2().with(new SourceInstance(WEB_1, "t3.micro",
            "subnet-0aaaaaaaaaaaaaaa1", "us-east-1a", "vpc-0source00000000001", List.of(), PROFILE, Platform.LINUX,
            null, Map.of()));
    private final FakeSsmCommands ssm = new FakeSsmCommands().online(WEB_1);
    private final FakeInstanceProfiles iam = new FakeInstanceProfiles().withProfile(PROFILE, "web-role",
            ManagedPolicies.arn("aws", ManagedPolicies.MGN_EC2_INSTANCE),
            ManagedPolicies.arn("aws", ManagedPolicies.SSM_MANAGED_INSTANCE_CORE));
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final PreflightHandler preflight = new PreflightHandler(
            new PreflightService(mgn, waves, installs, InMemoryServerClaims.claiming(), clock,
                    Optional.of("eu-central-1"), ReplicationQuota.unknown()));
    private final InstallAgentsHandler handler = new InstallAgentsHandler(new InstallAgentsService(waves, installs,
            mgn, region -> ec2, region -> ssm, region -> iam, notification -> { }, clock, Optional.empty()));

    @Test
    void preflightTurnsTheStageOnAndTheFirstCallSendsTheInstallerAndAsksToBeCalledAgain() throws IOException {
        JsonNode afterPreflight = invoke(preflight, stateInput("wave-with-agent-installation.json"));

        JsonNode agents = invoke(handler, Json.mapper().createObjectNode().set("waveId", afterPreflight.get("waveId")));

        assertThat(afterPreflight.path("options").path("installAgents").asBoolean()).isTrue();
        assertThat(agents).isEqualTo(Json.mapper().readTree("""
                {"waveId": "media-stack-wave-1-20260302", "done": false, "total": 1, "pending": 1, "registered": 0,
                 "failed": 0, "leftOut": 0,
                 "progress": {"waveId": "media-stack-wave-1-20260302", "total": 1, "active": 1, "failed": 0,
                              "leftOut": 0, "pending": 0, "stopped": false}}"""));
        assertThat(ssm.sent()).singleElement().satisfies(command -> assertThat(command.instanceId()).isEqualTo(WEB_1));
    }
}
