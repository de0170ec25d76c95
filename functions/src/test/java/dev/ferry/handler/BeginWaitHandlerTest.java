package dev.ferry.handler;

import dev.ferry.sfn.TaskAttempt;
import dev.ferry.waits.WaitKind;
import dev.ferry.waits.WaitsHarness;
import dev.ferry.wave.Policies.OnServerFailure;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BeginWaitHandlerTest {

    private final WaitsHarness harness = new WaitsHarness();
    private final BeginWaitHandler handler = new BeginWaitHandler(harness.beginWait);

    /** The task's input exactly as the state machine's Parameters build it. */
    private String invoke(String kind) throws IOException {
        return invokeWith("""
                {"waveId":"%s","kind":"%s","taskToken":"%s",
                 "attempt":{"enteredTime":"2026-03-02T08:00:00.125Z","retryCount":2}}""".formatted(
                WaitsHarness.WAVE_ID, kind, WaitsHarness.TOKEN));
    }

    private String invokeWith(String input) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output, null);
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theTaskOpensTheWaitWithItsTokenAndAnswersWithoutTheToken() throws IOException {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.initialSync(ids.get(0));

        String answer = invoke("REPLICATION");

        assertThat(answer).isEqualTo("{\"waitId\":\"" + WaitsHarness.WAVE_ID + "#REPLICATION\",\"attempt\":\"WAITING\"}");
        assertThat(harness.wait(WaitKind.REPLICATION).taskToken()).isEqualTo(WaitsHarness.TOKEN);
        assertThat(harness.wait(WaitKind.REPLICATION).attempt())
                .isEqualTo(new TaskAttempt(Instant.parse("2026-03-02T08:00:00.125Z"), 2));
    }

    @Test
    void anInputWithoutTheTaskAttemptIsRefusedSayingWhatIsMissing() {
        harness.givenWave(OnServerFailure.CONTINUE, 1);

        assertThatThrownBy(() -> invokeWith("""
                {"waveId":"%s","kind":"REPLICATION","taskToken":"%s"}""".formatted(WaitsHarness.WAVE_ID,
                WaitsHarness.TOKEN)))
                .isInstanceOf(InvalidStageInputException.class)
                .hasMessageContaining("attempt is required ($$.State.EnteredTime and $$.State.RetryCount)");
        assertThat(harness.waits.unreleased()).isEmpty();
    }

    @Test
    void aTestLaunchTaskStartsTheLaunchAtOnce() throws IOException {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 2);
        ids.forEach(harness.mgn::readyForTest);

        invoke("TEST_LAUNCH");

        assertThat(harness.mgn.jobs()).singleElement().satisfies(job -> {
            assertThat(job.initiatedBy()).isEqualTo("START_TEST");
            assertThat(job.participants()).extracting(participant -> participant.sourceServerId())
                    .containsExactlyElementsOf(ids);
        });
    }
}
