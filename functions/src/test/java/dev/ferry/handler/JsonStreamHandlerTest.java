package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.metrics.EmfLines;
import dev.ferry.metrics.MeasuredStages;
import dev.ferry.metrics.MetricNames;
import dev.ferry.metrics.InMemoryMeasuredStages;
import dev.ferry.metrics.StageMeasurement;
import dev.ferry.metrics.WaveMetrics;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.Stage;
import dev.ferry.testing.InMemoryWaveStore;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonStreamHandlerTest {

    record Greeting(String waveId, Instant at) {
    }

    record Reply(String text) {
    }

    static final class IllegalGreetingException extends RuntimeException {
        IllegalGreetingException(String message) {
            super(message);
        }
    }

    /** Answers a greeting, remembering which wave the logs were keyed with while it ran. */
    static final class GreetingHandler extends JsonStreamHandler<Greeting, Reply> {
        final AtomicReference<String> waveInLogs = new AtomicReference<>();

        GreetingHandler() {
            super(Greeting.class);
        }

        @Override
        protected Reply handle(Greeting request, Context context) {
            waveInLogs.set(MDC.get("waveId"));
            switch (request.waveId()) {
                case "bad" -> throw new IllegalGreetingException("no greeting for a bad wave");
                case "throttled" -> throw DynamoDbException.builder().statusCode(400).message("Rate exceeded")
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build();
                case "conflict" -> throw ConditionalCheckFailedException.builder().statusCode(400)
                        .message("The conditional request failed").build();
                default -> { }
            }
            return new Reply("hello " + request.waveId() + " at " + request.at());
        }
    }

    private final GreetingHandler handler = new GreetingHandler();

    @Test
    void decodesTheInputCallsTheStageAndEncodesItsResult() throws Exception {
        String output = invoke("{\"waveId\":\"media-1\",\"at\":\"2026-03-02T10:15:00Z\"}");

        assertThat(output).isEqualTo("{\"text\":\"hello media-1 at 2026-03-02T10:15:00Z\"}");
    }

    @Test
    void keysTheLogsWithTheWaveWhileTheStageRunsAndOnlyThen() throws Exception {
        invoke("{\"waveId\":\"media-1\"}");

        assertThat(handler.waveInLogs.get()).isEqualTo("media-1");
        assertThat(MDC.get("waveId")).isNull();
    }

    @Test
    void anExceptionReachesTheRuntimeUnchangedSoThatCatchCanMatchItsName() {
        assertThatThrownBy(() -> invoke("{\"waveId\":\"bad\"}"))
                .isInstanceOf(IllegalGreetingException.class)
                .hasMessage("no greeting for a bad wave");
        assertThat(MDC.get("waveId")).isNull();
    }

    @Test
    void aTransientAwsFailureReachesTheRuntimeUnderTheOneNameTheStateMachineRetries() {
        assertThatThrownBy(() -> invoke("{\"waveId\":\"throttled\"}"))
                .isInstanceOf(TransientAwsException.class)
                .hasMessageStartingWith("Greeting met a transient AWS failure after every retry: Rate exceeded")
                .hasCauseInstanceOf(DynamoDbException.class);
    }

    @Test
    void anAwsFailureThatWouldRecurKeepsItsOwnName() {
        assertThatThrownBy(() -> invoke("{\"waveId\":\"conflict\"}"))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void inputOfTheWrongShapeIsRefusedWithTheStageAndTheProblemNamed() {
        assertThatThrownBy(() -> invoke("{\"waveId\":\"media-1\",\"at\":\"yesterday\"}"))
                .isInstanceOf(InvalidStageInputException.class)
                .hasMessageStartingWith("Greeting cannot read its input as Greeting:")
                .hasMessageContaining("yesterday");
    }

    @Test
    void inputThatIsNotJsonIsRefusedWithAClearError() {
        assertThatThrownBy(() -> invoke("not json"))
                .isInstanceOf(InvalidStageInputException.class)
                .hasMessageContaining("Unrecognized token 'not'");
    }

    @Test
    void afterASuccessfulInvocationTheWavesFinishedStagesAreMeasured() {
        handler.measureFinishedStagesWith(() -> measurement(new InMemoryMeasuredStages()));

        List<JsonNode> lines = EmfLines.during(() -> invokeQuietly("{\"waveId\":\"media-1\"}"));

        assertThat(lines).filteredOn(line -> line.has(MetricNames.STAGE_OUTCOMES))
                .extracting(line -> line.path("waveId").asText() + " " + line.path("Stage").asText() + " "
                        + line.path("Outcome").asText() + "=" + line.path(MetricNames.STAGE_OUTCOMES).asInt())
                .contains("media-1 PREFLIGHT PASSED=1");
    }

    @Test
    void aFailedInvocationMeasuresNothing() {
        handler.measureFinishedStagesWith(() -> measurement(new InMemoryMeasuredStages()));

        List<JsonNode> lines = EmfLines.during(() -> assertThatThrownBy(() -> invoke("{\"waveId\":\"bad\"}"))
                .isInstanceOf(IllegalGreetingException.class));

        assertThat(lines).isEmpty();
    }

    @Test
    void aMeasurementThatFailsLeavesTheStagesResultStanding() throws Exception {
        handler.measureFinishedStagesWith(() -> measurement(new InMemoryMeasuredStages() {
            @Override
            public Set<Stage> of(String waveId) {
                throw new IllegalStateException("table unreachable");
            }
        }));

        String output = invoke("{\"waveId\":\"media-1\",\"at\":\"2026-03-02T10:15:00Z\"}");

        assertThat(output).isEqualTo("{\"text\":\"hello media-1 at 2026-03-02T10:15:00Z\"}");
    }

    /** Over a wave whose one server has left preflight. */
    private static StageMeasurement measurement(MeasuredStages measured) {
        InMemoryWaveStore waves = new InMemoryWaveStore();
        Instant joined = Instant.parse("2026-03-02T10:00:00Z");
        waves.putServer(ServerRecord.joining("media-1", "s-1", "media-server", null, joined)
                .enteringStage(Stage.PREPARE_LAUNCH, joined.plusSeconds(60)));
        return new StageMeasurement(waves, measured, new WaveMetrics("Ferry", "ferry"));
    }

    private void invokeQuietly(String input) {
        try {
            invoke(input);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String invoke(String input) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output, null);
        return output.toString(StandardCharsets.UTF_8);
    }
}
