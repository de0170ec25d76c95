package dev.ferry.local.rehearsal.scenario;

import dev.ferry.local.mgn.model.ApiCall;
import dev.ferry.local.rehearsal.ApprovalMode;
import dev.ferry.server.WaveReport.ServerOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.ferry.local.rehearsal.scenario.Scenario.THREE_SERVERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, MGN throttling ({@code events/rehearsal/throttling-*.json}): every 12th MGN
 * call answers 429 with {@code Retry-After: 1}. The controller waits that second in the rehearsal's
 * virtual time, as a function would in Lambda, and no real time.
 */
class ThrottlingRehearsalIntegrationTest {

    private static ScenarioRun run;

    @BeforeAll
    static void rehearse() {
        run = Scenario.named("throttling").rehearse(ApprovalMode.AUTO);
    }

    @Test
    void theWaveCompletesDespiteTheThrottling() {
        assertThat(run.result().exitCode()).isZero();
        assertThat(run.result().servers()).hasSize(3)
                .allSatisfy(server -> assertThat(server.outcome()).isEqualTo(ServerOutcome.CUT_OVER));
    }

    @Test
    void mgnThrottledEveryTwelfthCall() {
        List<ApiCall> calls = run.result().mgnCalls();

        assertThat(calls.stream().filter(call -> call.status() == 429)).isNotEmpty();
        for (int index = 0; index < calls.size(); index++) {
            assertThat(calls.get(index).status() == 429).as("call %d: %s", index + 1, calls.get(index))
                    .isEqualTo((index + 1) % 12 == 0);
        }
    }

    @Test
    void eachThrottledCallIsFollowedBySuccessfullyRetryingTheSameRequest() {
        List<ApiCall> calls = run.result().mgnCalls();
        for (int index = 0; index < calls.size(); index++) {
            ApiCall throttled = calls.get(index);
            if (throttled.status() != 429) {
                continue;
            }
            ApiCall retry = retryOf(throttled, calls.subList(index + 1, calls.size()));
            assertThat(retry.status() / 100).as("the retry of %s", throttled).isEqualTo(2);
        }
    }

    @Test
    void eachRetryComesAtLeastTheRetryAfterLaterInSimulatedTime() {
        List<ApiCall> calls = run.result().mgnCalls();
        for (int index = 0; index < calls.size(); index++) {
            ApiCall throttled = calls.get(index);
            if (throttled.status() == 429) {
                ApiCall retry = retryOf(throttled, calls.subList(index + 1, calls.size()));
                assertThat(Duration.between(throttled.time(), retry.time()))
                        .as("from %s to its retry", throttled).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            }
        }
    }

    @Test
    void theLaunchesAreStartedOnceEachDespiteAThrottledAttempt() {
        assertThat(run.result().successfulCalls("StartTest")).hasSize(1);
        assertThat(run.result().serversCalledWith("StartCutover")).containsExactlyInAnyOrderElementsOf(THREE_SERVERS);
        assertThat(run.result().serversCalledWith("FinalizeCutover")).containsExactlyInAnyOrderElementsOf(THREE_SERVERS);
    }

    /** The first later call of the same operation with the same request. */
    private static ApiCall retryOf(ApiCall throttled, List<ApiCall> later) {
        return later.stream()
                .filter(call -> call.operation().equals(throttled.operation())
                        && call.requestJson().equals(throttled.requestJson()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("The throttled call was never retried: " + throttled));
    }
}
