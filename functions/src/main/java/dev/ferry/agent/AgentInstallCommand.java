package dev.ferry.agent;

import dev.ferry.network.Platform;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The commands that install the AWS Replication Agent on an EC2 source through SSM Run Command,
 * registering it with MGN in the target region. They carry no credential: on EC2 the installer
 * uses the instance profile's role, which must have
 * {@value ManagedPolicies#MGN_EC2_INSTANCE}. Run Command runs them as root (Linux) or as
 * SYSTEM (Windows), as the installer requires.
 *
 * <p>The installer comes from MGN's regional bucket, in the form AWS documents for every region
 * (opt-in regions included): {@code https://aws-application-migration-service-<region>.s3.<region>.amazonaws.com/latest/...}.
 */
public final class AgentInstallCommand {

    static final String LINUX_INSTALLER = "aws-replication-installer-init";
    static final String WINDOWS_INSTALLER = "AwsReplicationWindowsInstaller.exe";
    /** Where the Linux installer is kept: not /tmp, which hardened images mount noexec. */
    static final String LINUX_DIRECTORY = "/var/lib/ferry-mgn-installer";

    private static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z]+)+-\\d{1,2}");

    private AgentInstallCommand() {
    }

    /**
     * The script for the instance's platform.
     *
     * @param platform     Linux or Windows
     * @param targetRegion the MGN region the server replicates to, e.g. {@code eu-central-1}
     * @throws IllegalArgumentException when the region is not a region name (it is put in a script)
     */
    public static RunCommandScript forPlatform(Platform platform, String targetRegion) {
        if (targetRegion == null || !REGION.matcher(targetRegion).matches()) {
            throw new IllegalArgumentException("Not an AWS region name: " + targetRegion);
        }
        return platform == Platform.WINDOWS ? windows(targetRegion) : linux(targetRegion);
    }

    /** The installer's download address for the target region and platform folder. */
    static String installerUrl(String targetRegion, String folder, String file) {
        return "https://aws-application-migration-service-" + targetRegion + ".s3." + targetRegion
                + ".amazonaws.com/latest/" + folder + "/" + file;
    }

    private static RunCommandScript linux(String region) {
        String url = installerUrl(region, "linux", LINUX_INSTALLER);
        return new RunCommandScript(ScriptDocument.SHELL, List.of(
                "set -eu",
                "mkdir -p " + LINUX_DIRECTORY,
                "cd " + LINUX_DIRECTORY,
                // Images have curl or wget, not always both.
                "if command -v curl >/dev/null 2>&1; then curl -fsSL --retry 3 -o " + LINUX_INSTALLER + " '" + url
                        + "'; else wget -q -O " + LINUX_INSTALLER + " '" + url + "'; fi",
                "chmod +x " + LINUX_INSTALLER,
                "./" + LINUX_INSTALLER + " --region " + region + " --no-prompt"));
    }

    private static RunCommandScript windows(String region) {
        String url = installerUrl(region, "windows", WINDOWS_INSTALLER);
        return new RunCommandScript(ScriptDocument.POWERSHELL, List.of(
                "$ErrorActionPreference = 'Stop'",
                // Older Windows PowerShell offers only TLS 1.0 unless told otherwise; S3 needs 1.2.
                "[Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12",
                "$installer = Join-Path $env:TEMP '" + WINDOWS_INSTALLER + "'",
                "Invoke-WebRequest -UseBasicParsing -Uri '" + url + "' -OutFile $installer",
                "& $installer --region " + region + " --no-prompt",
                "exit $LASTEXITCODE"));
    }
}
