package dev.ferry.local.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.testing.ProjectFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test: Ferry's own events as the default event bus of the local cloud received them
 * from the deployed handlers (through the SDK's EventBridge client) while the demo was rehearsed,
 * written to the run folder's ferry-events.jsonl; and each detail type's shape against its example
 * in events/ferry-events/, which docs/events.md documents, so that neither can drift from the code.
 */
class FerryEventsRehearsalIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path runFolder;

    private static List<JsonNode> events;

    @BeforeAll
    static void rehearseTheApprovedDemo() throws IOException {
        RehearsalResult result = Rehearsal.run(RehearsalOptions.builder(ProjectFolder.root())
                .approval(ApprovalMode.AUTO)
                .runFolder(runFolder)
                .display(new PrintStream(OutputStream.nullOutputStream()))
                .start(Instant.parse("2026-03-02T10:00:00Z"))
                .build());
        assertThat(result.exitCode()).isZero();
        events = new ArrayList<>();
        for (String line : Files.readAllLines(runFolder.resolve(Rehearsal.FERRY_EVENTS))) {
            events.add(JSON.readTree(line));
        }
    }

    @Test
    void theWaveTellsItsStartEachStageTheApprovalEachServersOutcomeAndItsEndInThatOrder() {
        assertThat(events).extracting(event -> event.path("detail-type").asText() + stageOf(event)).containsExactly(
                "Ferry Wave Started",
                "Ferry Stage Changed InstallAgents",
                "Ferry Stage Changed PrepareDns",
                "Ferry Stage Changed PrepareNetwork",
                "Ferry Stage Changed PrepareLaunch",
                "Ferry Stage Changed SettleTest",
                "Ferry Stage Changed MarkReadyForCutover",
                "Ferry Approval Requested",
                "Ferry Approval Decided",
                "Ferry Stage Changed SettleCutover",
                "Ferry Stage Changed DnsSwitch",
                "Ferry Stage Changed Finalize",
                "Ferry Server Outcome", "Ferry Server Outcome", "Ferry Server Outcome",
                "Ferry Server Outcome", "Ferry Server Outcome", "Ferry Server Outcome",
                "Ferry Wave Ended");
    }

    @Test
    void everyServerHasOneOutcomeAndTheApprovalWasDecidedApproved() {
        assertThat(ofType("Ferry Server Outcome")).extracting(event -> event.at("/detail/server/sourceServerId").asText())
                .containsExactlyInAnyOrder("s-13a5b49c3810fa449", "s-2b7d1c3e9a10f8e6a", "s-4c55e9f7e2b7d1c3e",
                        "s-9f0a1b2c3d4e5f607", "s-5e6f708192a3b4c5d", "s-6f708192a3b4c5d6e")
                .doesNotHaveDuplicates();
        assertThat(ofType("Ferry Server Outcome")).allSatisfy(event ->
                assertThat(event.at("/detail/server/status").asText()).isEqualTo("CUT_OVER"));
        assertThat(ofType("Ferry Approval Decided")).singleElement().satisfies(event ->
                assertThat(event.at("/detail/decision").asText()).isEqualTo("APPROVED"));
        assertThat(ofType("Ferry Wave Ended")).singleElement().satisfies(event -> {
            assertThat(event.at("/detail/status").asText()).isEqualTo("COMPLETED");
            assertThat(event.at("/detail/counts/cutOver").asInt()).isEqualTo(6);
        });
    }

    @Test
    void everyEventComesFromFerryNamesTheWavesExecutionAndHasAnIdOfItsOwnOccurrence() {
        assertThat(events).allSatisfy(event -> {
            assertThat(event.path("source").asText()).isEqualTo("ferry");
            assertThat(event.path("resources")).hasSize(1);
            assertThat(event.path("resources").get(0).asText()).isEqualTo(event.at("/detail/execution").asText())
                    .contains(":execution:");
            assertThat(event.at("/detail/schemaVersion").asText()).isEqualTo("1");
        });
        assertThat(events).extracting(event -> event.at("/detail/eventId").asText()).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Ferry Wave Started, wave-started.json",
            "Ferry Stage Changed, stage-changed.json",
            "Ferry Server Outcome, server-outcome.json",
            "Ferry Approval Requested, approval-requested.json",
            "Ferry Approval Decided, approval-decided.json",
            "Ferry Wave Ended, wave-ended.json"})
    void theEventsHaveTheFieldsOfTheirDocumentedExample(String detailType, String example) throws IOException {
        JsonNode documented = JSON.readTree(ProjectFolder.root().resolve("events/ferry-events").resolve(example).toFile());
        assertThat(documented.path("detail-type").asText()).isEqualTo(detailType);

        assertThat(ofType(detailType)).isNotEmpty().allSatisfy(event ->
                assertThat(fields(event, "")).as("the fields of a %s event", detailType)
                        .isEqualTo(fields(documented, "")));
    }

    /** Every field path of a document; an array's elements are read as one, as far as it has any. */
    private static Set<String> fields(JsonNode node, String path) {
        Set<String> fields = new TreeSet<>();
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                fields.add(path + "/" + name);
                fields.addAll(fields(node.get(name), path + "/" + name));
            }
        } else if (node.isArray()) {
            node.forEach(element -> fields.addAll(fields(element, path + "[]")));
        }
        return fields;
    }

    private static String stageOf(JsonNode event) {
        return event.at("/detail/stage").isTextual() ? " " + event.at("/detail/stage").asText() : "";
    }

    private static List<JsonNode> ofType(String detailType) {
        return events.stream().filter(event -> event.path("detail-type").asText().equals(detailType)).toList();
    }
}
