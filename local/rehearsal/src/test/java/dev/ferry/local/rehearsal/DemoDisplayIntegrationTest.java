package dev.ferry.local.rehearsal;

import dev.ferry.testing.ProjectFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test: the bundled demo rehearsed end to end (DynamoDB Local, the simulated MGN, EC2,
 * IAM, Systems Manager and Route 53), and what its console display and closing summary show of the
 * agent installation, the network set-up in the target region and the DNS switch.
 */
class DemoDisplayIntegrationTest {

    private static final List<String> DEMO_SERVERS = List.of("media-server", "media-transcoder", "media-db",
            "media-proxy", "media-worker-1", "media-worker-2");

    @TempDir
    static Path runFolder;

    private static List<String> shown;

    @BeforeAll
    static void rehearseTheDemo() {
        ByteArrayOutputStream display = new ByteArrayOutputStream();
        Rehearsal.run(RehearsalOptions.builder(ProjectFolder.root())
                .approval(ApprovalMode.AUTO)
                .runFolder(runFolder)
                .display(new PrintStream(display, true, StandardCharsets.UTF_8))
                .start(Instant.parse("2026-03-02T10:00:00Z"))
                .build());
        shown = display.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void theAgentInstallationIsShownFromTheCheckToTheCommandSent() {
        assertThat(shown).containsSubsequence(
                "+00:00  all 6 servers                 AGENT_INSTALL       checking",
                "+00:01  all 6 servers                 AGENT_INSTALL       command sent");
    }

    @Test
    void everyServerIsShownRegisteredWithTheSourceServerItBecameBeforeItsFirstStage() {
        for (String server : DEMO_SERVERS) {
            assertThat(shown).filteredOn(line -> line.matches("\\+\\d\\d:\\d\\d  " + server
                            + " +AGENT_INSTALL +registered as s-[0-9a-f]{17}"))
                    .hasSize(1);
        }
        assertThat(indexOfFirst("registered as s-")).isLessThan(indexOfFirst("PREFLIGHT"));
    }

    @Test
    void theNetworkIsShownOnceSetUp() {
        assertThat(shown).filteredOn(line -> line.contains("network: "))
                .singleElement().asString()
                .endsWith("network: key pair media-eu-central-1 imported, 3 security groups created");
    }

    @Test
    void everyDnsStepIsShownInOrder() {
        assertThat(shown).filteredOn(line -> line.contains("DNS: ")).satisfiesExactly(
                line -> assertThat(line).endsWith("DNS: TTL lowered to 60 s"),
                line -> assertThat(line).endsWith("DNS: target 25% / source 75%"),
                // 127.0.20.10, or that address in the run's own block when another run holds 127.0.
                line -> assertThat(line).containsPattern("DNS: target 100% / source 0% after http GET http://127\\.\\d+\\.20\\.10:8080/"),
                line -> assertThat(line).containsPattern("DNS: TTL restored after http GET http://127\\.\\d+\\.20\\.10:8080/"));
    }

    @Test
    void theSummaryGivesTheMinutesOfEachAgentInstallation() {
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("Server").contains("Agent   Pre"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("Minutes per stage: Agent agent installation, "));
        assertThat(shown).noneSatisfy(line -> assertThat(line).contains("): agent installation "));
    }

    @Test
    void theSummaryEndsWithTheNetworkAndEveryDnsStep() {
        assertThat(shown).containsSubsequence("Network: key pair media-eu-central-1 imported, 3 security groups created",
                "DNS switch:");
        int switchAt = shown.indexOf("DNS switch:");
        assertThat(shown.subList(switchAt + 1, switchAt + 5)).satisfiesExactly(
                line -> assertThat(line).matches("  \\+00:0\\d  TTL lowered to 60 s"),
                line -> assertThat(line).matches("  \\+\\d\\d:\\d\\d  target 25% / source 75%"),
                line -> assertThat(line).matches("  \\+\\d\\d:\\d\\d  target 100% / source 0% after .*"),
                line -> assertThat(line).matches("  \\+\\d\\d:\\d\\d  TTL restored after .*"));
    }

    private static int indexOfFirst(String text) {
        for (int index = 0; index < shown.size(); index++) {
            if (shown.get(index).contains(text)) {
                return index;
            }
        }
        throw new AssertionError("The display never showed " + text);
    }
}
