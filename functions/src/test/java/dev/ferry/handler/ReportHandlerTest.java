package dev.ferry.handler;

import dev.ferry.agent.AgentInstallStore;
import dev.ferry.testing.InMemoryReportExport;
import dev.ferry.testing.InMemoryServerClaims;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.notify.Notifier;
import dev.ferry.server.Phase;
import dev.ferry.stage.finalize.ReportService;
import dev.ferry.stage.fakes.WaveFixtures;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.wave.Policies.OnServerFailure;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static dev.ferry.stage.fakes.WaveFixtures.failedValidation;
import static dev.ferry.stage.fakes.WaveFixtures.serverId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class ReportHandlerTest {

    private final InMemoryWaveStore waves = new InMemoryWaveStore().with(WaveFixtures.wave(OnServerFailure.CONTINUE),
            List.of(failedValidation(1, Phase.TEST, "TCP port 22: refused")));
    private final ReportHandler handler = new ReportHandler(new ReportService(waves, AgentInstallStore.none(),
            new InMemoryServerClaims(), new InMemoryReportExport(), mock(Notifier.class),
            Clock.fixed(WaveFixtures.START, ZoneOffset.UTC)));

    @Test
    void theReportStateOnTheNormalPathGetsTheOutcomeTable() {
        JsonNode report = StageHandlerCalls.invoke(handler, """
                {"waveId": "wave-2026-03-02"}""");

        assertThat(report.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(report.get("waveName").asText()).isEqualTo("media-stack");
        assertThat(report.get("counts").get("failed").asInt()).isEqualTo(1);
        assertThat(report.get("truncated").asBoolean()).isFalse();
        JsonNode row = report.get("servers").get(0);
        assertThat(row.get("server").asText()).isEqualTo(serverId(1));
        assertThat(row.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(row.get("stage").asText()).isEqualTo("TEST_VALIDATION");
        assertThat(row.get("minutesPerStage").get("TEST_LAUNCH").asLong()).isEqualTo(10);
    }

    @Test
    void theReportStateAfterACaughtErrorGetsAFailedWave() {
        JsonNode report = StageHandlerCalls.invoke(handler, """
                {"waveId": "wave-2026-03-02",
                 "error": {"Error": "States.TaskFailed", "Cause": "The Lambda function timed out"}}""");

        assertThat(report.get("status").asText()).isEqualTo("FAILED");
        assertThat(report.get("reason").asText())
                .isEqualTo("the wave failed unexpectedly: States.TaskFailed: The Lambda function timed out");
    }
}
