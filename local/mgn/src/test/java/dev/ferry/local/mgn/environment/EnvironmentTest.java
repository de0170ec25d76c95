package dev.ferry.local.mgn.environment;

import dev.ferry.local.mgn.MgnSimulator;
import dev.ferry.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentTest {

    private static final String VALID = """
            {"accountId": "111122223333", "sourceRegion": "us-east-1", "targetRegion": "eu-central-1",
             "mgnInitialized": true, "replicationBandwidthMbps": 100,
             "servers": [{"hostname": "media-1", "sourceInstanceId": "i-0123456789abcdef0", "os": "LINUX",
                          "disks": [{"device": "/dev/xvda", "sizeGiB": 8}], "agentInstalled": true}],
             "ec2": {"instances": ["owned by the EC2 simulator"]}}
            """;

    @Test
    void every_problem_is_reported_at_once_with_its_json_path() {
        String broken = """
                {"accountId": "1234", "sourceRegion": "us-east-1", "replicationBandwidthMbps": 0,
                 "servers": [
                   {"hostname": "a", "sourceInstanceId": "i-0123456789abcdef0", "os": "LINUX",
                    "disks": [{"device": "/dev/xvda", "sizeGiB": -8}],
                    "faults": {"replicationStall": {"atPercent": 100}, "failsValidation": "SOMETIMES"}},
                   {"hostname": "b", "sourceInstanceId": "i-0123456789abcdef0", "os": "BEOS", "disks": []}
                 ],
                 "throttling": {"retryAfterSeconds": 0}}
                """;

        assertThatThrownBy(() -> MgnEnvironment.parse(broken))
                .isInstanceOfSatisfying(InvalidEnvironmentException.class, e -> assertThat(e.problems())
                        .containsExactlyInAnyOrder(
                                "accountId: must be 12 digits, got \"1234\"",
                                "targetRegion: is required",
                                "replicationBandwidthMbps: must be a positive number",
                                "servers[0].disks[0].sizeGiB: must be a positive number",
                                "servers[0].faults.replicationStall.atPercent: must be a number from 0 up to "
                                        + "(not including) 100",
                                "servers[0].faults.failsValidation: must be one of NONE, TEST, CUTOVER, BOTH",
                                "servers[1].os: must be one of LINUX, WINDOWS",
                                "servers[1].disks: must not be empty",
                                "servers[1].sourceInstanceId: duplicates another server's i-0123456789abcdef0",
                                "throttling.everyNthCall: is required",
                                "throttling.retryAfterSeconds: must be a whole number of at least 1"));
    }

    @Test
    void the_exception_message_lists_every_problem() {
        assertThatThrownBy(() -> MgnEnvironment.parse("{\"servers\": []}"))
                .hasMessageContaining("accountId: is required")
                .hasMessageContaining("replicationBandwidthMbps: is required");
    }

    @Test
    void sections_owned_by_other_simulated_services_are_ignored() {
        MgnEnvironment environment = MgnEnvironment.parse(VALID);

        assertThat(environment.servers()).hasSize(1);
    }

    @Test
    void an_unknown_field_in_a_server_is_a_problem() {
        String withTypo = VALID.replace("\"agentInstalled\"", "\"agentInstaled\"");

        assertThatThrownBy(() -> MgnEnvironment.parse(withTypo))
                .isInstanceOfSatisfying(InvalidEnvironmentException.class, e -> assertThat(e.problems())
                        .singleElement().asString().startsWith("servers[0].agentInstaled: unknown field"));
    }

    @Test
    void optional_fields_get_their_documented_defaults() {
        ServerSpec server = MgnEnvironment.parse(VALID.replace(", \"agentInstalled\": true", "")).servers().getFirst();

        assertThat(server.agentInstalled()).isFalse();
        assertThat(server.cpus()).isEqualTo(2);
        assertThat(server.ramGiB()).isEqualTo(4);
        assertThat(server.faults()).isEqualTo(ServerFaults.NONE);
        assertThat(server.sourceServerId()).isEmpty();
    }

    @Test
    void a_stall_without_recovery_minutes_never_recovers_and_defaults_to_agent_not_seen() {
        String stalling = VALID.replace("\"agentInstalled\": true",
                "\"agentInstalled\": true, \"faults\": {\"replicationStall\": {\"atPercent\": 50, "
                        + "\"recoversAfterMinutes\": null, \"retryFixes\": true}}");

        ReplicationStallFault stall = MgnEnvironment.parse(stalling).servers().getFirst().faults()
                .replicationStall().orElseThrow();

        assertThat(stall.recoversAfter()).isEmpty();
        assertThat(stall.retryFixes()).isTrue();
        assertThat(stall.error()).isEqualTo("AGENT_NOT_SEEN");
    }

    @Test
    void an_installed_agent_requires_an_initialised_service() {
        String contradictory = VALID.replace("\"mgnInitialized\": true", "\"mgnInitialized\": false");

        assertThatThrownBy(() -> MgnEnvironment.parse(contradictory))
                .isInstanceOfSatisfying(InvalidEnvironmentException.class, e -> assertThat(e.problems())
                        .containsExactly("servers[0].agentInstalled: cannot be true while mgnInitialized is false"));
    }

    @Test
    void the_simulator_is_built_from_an_environment_file(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("environment.json"), VALID);

        MgnSimulator simulator = MgnSimulator.fromEnvironmentFile(file,
                new MutableClock(Instant.parse("2026-03-02T08:00:00Z")));

        assertThat(simulator.sourceServerIdOf("i-0123456789abcdef0")).hasValueSatisfying(
                id -> assertThat(id).matches("s-[0-9a-f]{17}"));
        assertThat(simulator.nextTransitionTime()).contains(Instant.parse("2026-03-02T08:00:00Z")
                .plus(Duration.ofMinutes(5)));
    }
}
