package dev.ferry.local.rehearsal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.cloud.ec2.Ec2Resources;
import dev.ferry.local.cloud.ec2.GroupRule;
import dev.ferry.local.cloud.ec2.RegionResources;
import dev.ferry.local.cloud.ec2.SecurityGroupSpec;
import dev.ferry.local.cloud.ec2.SimulatedAccount;
import dev.ferry.local.cloud.iam.IamResources;
import dev.ferry.local.cloud.iam.InstanceProfileSpec;
import dev.ferry.local.cloud.iam.RoleSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, the real AWS CLI against the simulated EC2 (both regions) and IAM on a loopback port.
 * Skipped, saying so, when {@code aws} is not installed, unless {@code FERRY_REQUIRE_TOOLS=true}.
 */
class Ec2AndIamAwsCliIntegrationTest {

    private static final String GROUP = "sg-0a000000000000001";

    @TempDir
    Path folder;

    private SimulatedAccount account;
    private Path executable;
    private Path emptyConfig;

    @BeforeEach
    void start() throws IOException {
        executable = AwsCli.require();
        emptyConfig = Files.writeString(folder.resolve("empty-config"), "");
        account = SimulatedAccount.with(new Ec2Resources(
                new RegionResources(List.of(), List.of(new SecurityGroupSpec(GROUP, "web", "web servers",
                        "vpc-0a0000000000000a1", Map.of("Project", "media"), List.of(new GroupRule("tcp", 443, 443,
                        GroupRule.PeerKind.IPV4_RANGE, "0.0.0.0/0", "https"))
                        , List.of(GroupRule.allTrafficToAnywhere()))), List.of(), List.of()),
                RegionResources.NONE),
                new IamResources(List.of(new RoleSpec("media", List.of())), List.of(new InstanceProfileSpec("media", "media"))));
    }

    @AfterEach
    void stop() {
        if (account != null) {
            account.close();
        }
    }

    @Test
    void describeSecurityGroupsInTheSourceRegionShowsTheGroupWithItsRulesAndTags() {
        JsonNode groups = cli("us-east-1").run("ec2", "describe-security-groups", "--group-ids", GROUP).json()
                .path("SecurityGroups");

        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).path("GroupName").asText()).isEqualTo("web");
        assertThat(groups.get(0).path("IpPermissions").get(0).path("IpRanges").get(0).path("CidrIp").asText())
                .isEqualTo("0.0.0.0/0");
        assertThat(groups.get(0).path("Tags").get(0).path("Value").asText()).isEqualTo("media");
    }

    @Test
    void theSameGroupIsNotFoundInTheTargetRegion() {
        AwsCli.Result result = cli("eu-central-1").run("ec2", "describe-security-groups", "--group-ids", GROUP);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.errors()).contains("InvalidGroup.NotFound");
    }

    @Test
    void getInstanceProfileShowsItsRole() {
        JsonNode profile = cli("us-east-1").run("iam", "get-instance-profile", "--instance-profile-name", "media").json()
                .path("InstanceProfile");

        assertThat(profile.path("Arn").asText()).isEqualTo("arn:aws:iam::111122223333:instance-profile/media");
        assertThat(profile.path("Roles").get(0).path("RoleName").asText()).isEqualTo("media");
    }

    private AwsCli cli(String region) {
        return AwsCli.at(executable, account.endpoint(), region, folder, emptyConfig);
    }
}
