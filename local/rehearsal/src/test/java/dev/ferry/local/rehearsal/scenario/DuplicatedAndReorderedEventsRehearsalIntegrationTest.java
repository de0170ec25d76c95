package dev.ferry.local.rehearsal.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.local.cloud.events.EventTargetInvocation;
import dev.ferry.local.rehearsal.ApprovalMode;
import dev.ferry.server.WaveReport.ServerOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Integration test, duplicated and reordered MGN events
 * ({@code events/rehearsal/duplicated-reordered-events-*.json}): the happy path's servers, each of
 * whose events EventBridge delivers twice, every other one an hour late.
 */
class DuplicatedAndReorderedEventsRehearsalIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ScenarioRun run;

    @BeforeAll
    static void rehearse() {
        run = Scenario.named("duplicated-reordered-events").rehearse(ApprovalMode.AUTO);
    }

    @Test
    void theOutcomeIsTheHappyPaths() {
        ScenarioRun happyPath = Scenario.happyPath();

        assertThat(run.result().exitCode()).isZero();
        assertThat(run.result().servers())
                .extracting(ServerOutcome::server, ServerOutcome::outcome, ServerOutcome::stage, ServerOutcome::reason)
                .containsExactlyElementsOf(happyPath.result().servers().stream()
                        .map(server -> tuple(server.server(), server.outcome(), server.stage(), server.reason()))
                        .toList());
    }

    @Test
    void mgnEventsReachTheEventRouterTwice() {
        Map<String, Long> deliveriesPerEvent = run.result().eventInvocations().stream()
                .filter(invocation -> invocation.function().equals("EventRouterFunction"))
                .map(EventTargetInvocation::eventJson)
                .map(DuplicatedAndReorderedEventsRehearsalIntegrationTest::eventId)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(deliveriesPerEvent).isNotEmpty().containsValue(2L).doesNotContainValue(3L);
    }

    @Test
    void theLaunchesAreStartedAsOftenAsOnTheHappyPath() {
        ScenarioRun happyPath = Scenario.happyPath();

        assertThat(run.result().successfulCalls("StartTest")).hasSameSizeAs(happyPath.result().successfulCalls("StartTest"));
        assertThat(run.result().serversCalledWith("StartTest"))
                .containsExactlyInAnyOrderElementsOf(happyPath.result().serversCalledWith("StartTest"));
        assertThat(run.result().successfulCalls("StartCutover"))
                .hasSameSizeAs(happyPath.result().successfulCalls("StartCutover"));
        assertThat(run.result().serversCalledWith("StartCutover"))
                .containsExactlyInAnyOrderElementsOf(happyPath.result().serversCalledWith("StartCutover"));
        assertThat(run.result().serversCalledWith("FinalizeCutover"))
                .containsExactlyInAnyOrderElementsOf(happyPath.result().serversCalledWith("FinalizeCutover"));
    }

    @Test
    void eachWaitIsReleasedExactlyOnce() {
        assertThat(run.releases()).extracting(WaitReleases.Release::kind)
                .containsExactlyInAnyOrder("REPLICATION", "TEST_LAUNCH", "CUTOVER_LAUNCH");
        assertThat(run.releases()).noneSatisfy(release -> assertThat(release.alreadyEnded()).isTrue());
    }

    private static String eventId(String envelope) {
        try {
            return JSON.readTree(envelope).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("EventBridge delivered an envelope that is not JSON", e);
        }
    }
}
