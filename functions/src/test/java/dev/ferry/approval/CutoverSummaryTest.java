package dev.ferry.approval;

import dev.ferry.server.ServerRecord;
import dev.ferry.wave.Policies;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CutoverSummaryTest {

    private static final Instant EXPIRES = Instant.parse("2026-03-03T10:15:00Z");

    private final List<ServerRecord> servers = List.of(
            ApprovalTestData.testedServer("s-13a5b49c3810fa449", "web-1", "i-0a1b2c3d4e5f60718"),
            ApprovalTestData.testedServer("s-24b6c5ad4921fb55a", "db-1", "i-0b2c3d4e5f6071829"),
            ApprovalTestData.failedServer("s-35c7d6be5a32ac66b", "cache-1", "TCP port 6379 refused the connection"));

    @Test
    void namesTheWaveTheTargetRegionAndUntilWhenTheApprovalIsOpen() {
        String summary = CutoverSummary.of(ApprovalTestData.wave(), servers, EXPIRES);

        assertThat(summary)
                .contains("Wave: Media stack (media-stack-2026-03-02)")
                .contains("Target region: eu-central-1")
                .contains("Approval open until: 2026-03-03 10:15:00 UTC");
    }

    @Test
    void listsEachActiveServerWithItsTestResultAndTestInstance() {
        String summary = CutoverSummary.of(ApprovalTestData.wave(), servers, EXPIRES);

        assertThat(summary)
                .contains("Ready for cutover (2 servers):")
                .contains("  - web-1 (s-13a5b49c3810fa449): test passed (all checks passed); test instance i-0a1b2c3d4e5f60718")
                .contains("  - db-1 (s-24b6c5ad4921fb55a): test passed (all checks passed); test instance i-0b2c3d4e5f6071829");
    }

    @Test
    void listsTheServersLeftOutOfTheCutoverWithTheStageAndTheReason() {
        String summary = CutoverSummary.of(ApprovalTestData.wave(), servers, EXPIRES);

        assertThat(summary)
                .contains("Not in this cutover (1 server):")
                .contains("  - cache-1 (s-35c7d6be5a32ac66b): failed in test validation: TCP port 6379 refused the connection");
    }

    @Test
    void saysExactlyWhatTheCutoverWillDo() {
        String summary = CutoverSummary.of(ApprovalTestData.wave(), servers, EXPIRES);

        assertThat(summary)
                .contains("1. Call MGN StartCutover for the 2 servers above (in batches of at most 100).")
                .contains("2. MGN terminates the test instances (i-0a1b2c3d4e5f60718, i-0b2c3d4e5f6071829)"
                        + " and launches a cutover instance for each server.")
                .contains("3. Validate each cutover instance: EC2 status checks pass; TCP ports 22, 80 accept"
                        + " connections; HTTP /health on port 80 answers 200, within 15 minutes of launch.")
                .contains("4. Finalize the cutover in MGN for each server that passes (FinalizeCutover: replication"
                        + " stops, the cutover instances stay), then mark those servers as archived in MGN.")
                .contains("A server that fails its cutover is left behind; the others go ahead.");
    }

    @Test
    void saysTheCutoverStaysUnfinalizedWhenTheWaveDoesNotFinalize() {
        Policies noFinalize = new Policies(Policies.OnServerFailure.STOP, false, false, false);

        String summary = CutoverSummary.of(ApprovalTestData.wave(noFinalize), servers, EXPIRES);

        assertThat(summary)
                .contains("4. Leave the cutover unfinalized: replication keeps running until someone finalizes it in MGN.")
                .contains("A server that fails its cutover stops the whole wave.")
                .doesNotContain("archived");
    }

    @Test
    void saysWhatHappensWhenNobodyApproves() {
        String summary = CutoverSummary.of(ApprovalTestData.wave(), servers, EXPIRES);

        assertThat(summary).contains("If rejected, or not decided by 2026-03-03 10:15:00 UTC, the cutover does not start"
                + " and no cutover instance is launched.");
    }
}
