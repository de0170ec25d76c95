package dev.ferry.handler;

import dev.ferry.waits.WaitKind;
import dev.ferry.waits.WaitsHarness;
import dev.ferry.wave.Policies.OnServerFailure;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BeginWaitHandlerTest {

    private final WaitsHarness harness = new WaitsHarness();
    private final BeginWaitHandler handler = new BeginWaitHandler(harness.beginWait);

    /** The task's input exactly as the state machine's Parameters build it. */
    private String invoke(String kind) throws IOException {
        String input = """
                {"waveId":"%s","kind":"%s","taskToken":"%s"}""".formatted(WaitsHarness.WAVE_ID, kind, WaitsHarness.TOKEN);
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
