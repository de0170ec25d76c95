package dev.ferry.local.cloud.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.local.cloud.http.LocalRequest;
import dev.ferry.local.cloud.http.LocalResponse;
import dev.ferry.local.engine.LocalStepFunctions;
import dev.ferry.local.engine.api.StepFunctionsApiHandler;
import dev.ferry.local.engine.time.Scheduler;
import dev.ferry.local.engine.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StepFunctionsEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WAIT_FOREVER = "{\"StartAt\":\"Hold\",\"States\":{\"Hold\":{\"Type\":\"Wait\","
            + "\"Seconds\":86400,\"End\":true}}}";

    private final LocalStepFunctions engine = LocalStepFunctions.builder(
            new Scheduler(new VirtualClock(Instant.parse("2026-03-02T08:00:00Z"))),
            (function, payload) -> {
                throw new AssertionError("no task invokes a function here");
            }).build();
    private final String stateMachineArn =
            engine.createStateMachine("waves", WAIT_FOREVER, "arn:aws:iam::111122223333:role/states").arn();
    private final List<String> startedAsSent = new ArrayList<>();
    private final StepFunctionsEndpoint endpoint = new StepFunctionsEndpoint(new StepFunctionsApiHandler(engine),
            input -> input.replace("127.0.", "127.4."),
            body -> startedAsSent.add(new String(body, StandardCharsets.UTF_8)));

    @Test
    void anExecutionHoldsItsInputAsTheLocalCloudRewroteItAndTheListenerHearsItAsSent() throws IOException {
        String input = "{\"dns\":{\"healthCheck\":{\"url\":\"http://127.0.20.10:8080/\"}}}";

        JsonNode started = call("StartExecution", JSON.createObjectNode().put("stateMachineArn", stateMachineArn)
                .put("name", "wave-1").put("input", input));
        JsonNode described = call("DescribeExecution",
                JSON.createObjectNode().put("executionArn", started.path("executionArn").asText()));

        assertThat(described.path("input").asText()).isEqualTo("{\"dns\":{\"healthCheck\":{\"url\":\"http://127.4.20.10:8080/\"}}}");
        assertThat(startedAsSent).singleElement().asString().contains("127.0.20.10").doesNotContain("127.4.");
    }

    @Test
    void otherOperationsAndARefusedStartAreNotRewrittenOrHeardOf() throws IOException {
        LocalResponse refused = handle("StartExecution", "{\"stateMachineArn\":\"" + stateMachineArn
                + "\",\"name\":\"wave-1\",\"input\":\"not json\"}");
        JsonNode listed = call("ListStateMachines", JSON.createObjectNode());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("InvalidExecutionInput");
        assertThat(startedAsSent).isEmpty();
        assertThat(listed.path("stateMachines")).hasSize(1);
    }

    private JsonNode call(String operation, JsonNode body) throws IOException {
        LocalResponse response = handle(operation, JSON.writeValueAsString(body));
        assertThat(response.status()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private LocalResponse handle(String operation, String body) {
        return endpoint.handle(new LocalRequest("POST", "/", "", Map.of("X-Amz-Target", "AWSStepFunctions." + operation,
                "Content-Type", "application/x-amz-json-1.0"), body.getBytes(StandardCharsets.UTF_8)));
    }
}
