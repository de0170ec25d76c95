package dev.ferry.agent;

import dev.ferry.network.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentInstallCommandTest {

    @Test
    void linuxDownloadsTheTargetRegionsInstallerMakesItExecutableAndRunsItWithoutPrompting() {
        RunCommandScript script = AgentInstallCommand.forPlatform(Platform.LINUX, "eu-central-1");

        assertThat(script.document().documentName()).isEqualTo("AWS-RunShellScript");
        assertThat(script.commands()).first().isEqualTo("set -eu");
        assertThat(String.join("\n", script.commands()))
                .contains("'https://aws-application-migration-service-eu-central-1.s3.eu-central-1.amazonaws.com"
                        + "/latest/linux/aws-replication-installer-init'");
        assertThat(script.commands()).containsSubsequence(
                "chmod +x aws-replication-installer-init",
                "./aws-replication-installer-init --region eu-central-1 --no-prompt");
    }

    @Test
    void windowsDownloadsTheTargetRegionsInstallerAndRunsItWithoutPrompting() {
        RunCommandScript script = AgentInstallCommand.forPlatform(Platform.WINDOWS, "eu-central-1");

        assertThat(script.document().documentName()).isEqualTo("AWS-RunPowerShellScript");
        assertThat(script.commands()).first().isEqualTo("$ErrorActionPreference = 'Stop'");
        assertThat(String.join("\n", script.commands()))
                .contains("-Uri 'https://aws-application-migration-service-eu-central-1.s3.eu-central-1.amazonaws.com"
                        + "/latest/windows/AwsReplicationWindowsInstaller.exe'");
        assertThat(script.commands()).containsSubsequence(
                "& $installer --region eu-central-1 --no-prompt",
                "exit $LASTEXITCODE");
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void noCommandCarriesAnAccessKeySecretOrSessionToken(Platform platform) {
        String script = String.join("\n", AgentInstallCommand.forPlatform(platform, "us-gov-west-1").commands())
                .toLowerCase(Locale.ROOT);

        assertThat(script).doesNotContain("--aws-access-key-id", "--aws-secret-access-key", "--aws-session-token",
                "access-key", "secret", "session-token", "akia", "asia", "aws_access_key_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-central-1; curl evil", "EU-CENTRAL-1", "", "eu-central"})
    void somethingThatIsNoRegionNameNeverReachesAScript(String region) {
        assertThatThrownBy(() -> AgentInstallCommand.forPlatform(Platform.LINUX, region))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
