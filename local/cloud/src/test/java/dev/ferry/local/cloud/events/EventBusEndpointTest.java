package dev.ferry.local.cloud.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.cloud.http.LocalRequest;
import dev.ferry.local.cloud.http.LocalResponse;
import dev.ferry.local.engine.lambda.InvocationResult;
import dev.ferry.local.engine.lambda.LambdaInvoker;
import dev.ferry.local.engine.time.Scheduler;
import dev.ferry.local.engine.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** PutEvents on the local default bus: EventBridge's rules for entries, and delivery to the rules that match. */
class EventBusEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final EventRule FERRY_RULE = new EventRule("FerryWaveEnded", EventPattern.of(
            JSON.createObjectNode().<ObjectNode>set("source", JSON.createArrayNode().add("ferry"))
                    .set("detail-type", JSON.createArrayNode().add("Ferry Wave Ended")), "test"), "WaveEndedFunction");

    private final Scheduler scheduler = new Scheduler(new VirtualClock(START));
    private final RecordingLambda lambda = new RecordingLambda();
    private final LocalEventBridge bus = new LocalEventBridge(scheduler, lambda, List.of(FERRY_RULE), name -> name,
            "eu-central-1", "111122223333");
    private final EventBusEndpoint endpoint = new EventBusEndpoint(bus);

    @Test
    void anEntryPutIsKeptAsTheEnvelopeEventBridgeDeliversWithItsDetailAsAnObject() throws Exception {
        JsonNode answer = answer(put(entry("ferry", "Ferry Wave Started", "{\"waveId\":\"w-1\"}")));

        assertThat(answer.path("FailedEntryCount").asInt()).isZero();
        ObjectNode event = bus.putThroughApi().getFirst();
        assertThat(event.path("id").asText()).isEqualTo(answer.path("Entries").get(0).path("EventId").asText());
        assertThat(event.path("source").asText()).isEqualTo("ferry");
        assertThat(event.path("detail-type").asText()).isEqualTo("Ferry Wave Started");
        assertThat(event.path("account").asText()).isEqualTo("111122223333");
        assertThat(event.path("region").asText()).isEqualTo("eu-central-1");
        assertThat(event.path("time").asText()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(event.path("resources").get(0).asText()).isEqualTo("arn:aws:states:eu-central-1:111122223333:execution:m:w-1");
        assertThat(event.path("detail").path("waveId").asText()).isEqualTo("w-1");
    }

    @Test
    void aRuleWhosePatternNamesSourceFerryInvokesItsTargetWithTheMatchingEventsOnly() throws Exception {
        answer(put(entry("ferry", "Ferry Wave Started", "{}"), entry("ferry", "Ferry Wave Ended", "{\"status\":\"COMPLETED\"}"),
                entry("other.app", "Ferry Wave Ended", "{}")));
        scheduler.runUntil(() -> !lambda.events.isEmpty(), START.plusSeconds(60));

        assertThat(lambda.events).hasSize(1);
        JsonNode delivered = JSON.readTree(lambda.events.getFirst());
        assertThat(delivered.path("detail-type").asText()).isEqualTo("Ferry Wave Ended");
        assertThat(delivered.path("detail").path("status").asText()).isEqualTo("COMPLETED");
        assertThat(lambda.functions).containsExactly("WaveEndedFunction");
    }

    @Test
    void anEntryWithoutADetailObjectFailsAloneWhileTheOthersArePut() throws Exception {
        ObjectNode noSource = entry("ferry", "Ferry Wave Started", "{}");
        noSource.remove("Source");

        JsonNode answer = answer(put(entry("ferry", "Ferry Wave Started", "[1]"), noSource,
                entry("ferry", "Ferry Wave Ended", "{}")));

        assertThat(answer.path("FailedEntryCount").asInt()).isEqualTo(2);
        assertThat(answer.path("Entries").get(0).path("ErrorCode").asText()).isEqualTo("MalformedDetail");
        assertThat(answer.path("Entries").get(1).path("ErrorCode").asText()).isEqualTo("InvalidArgument");
        assertThat(answer.path("Entries").get(1).path("ErrorMessage").asText()).contains("Source");
        assertThat(answer.path("Entries").get(2).has("EventId")).isTrue();
        assertThat(bus.putThroughApi()).extracting(event -> event.path("detail-type").asText())
                .containsExactly("Ferry Wave Ended");
    }

    @Test
    void moreThanTenEntriesInOneCallAreRefusedWhole() {
        ObjectNode[] eleven = new ObjectNode[11];
        for (int i = 0; i < eleven.length; i++) {
            eleven[i] = entry("ferry", "Ferry Server Outcome", "{}");
        }

        LocalResponse response = endpoint.handle(put(eleven));

        assertThat(response.status()).isEqualTo(400);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("ValidationException");
        assertThat(bus.putThroughApi()).isEmpty();
    }

    @Test
    void entriesOverTheTwoHundredFiftySixKibibytesOfACallAreRefusedWhole() {
        String large = "{\"text\":\"" + "x".repeat(140 * 1024) + "\"}";

        LocalResponse response = endpoint.handle(put(entry("ferry", "a", large), entry("ferry", "b", large)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("over the limit");
    }

    @Test
    void otherEventBridgeOperationsAreRefusedAndOtherServicesAreNotTaken() {
        LocalRequest listRules = new LocalRequest("POST", "/", "", Map.of("X-Amz-Target", "AWSEvents.ListRules",
                "Content-Type", "application/x-amz-json-1.1"), "{}".getBytes(StandardCharsets.UTF_8));
        LocalRequest dynamo = new LocalRequest("POST", "/", "", Map.of("X-Amz-Target", "DynamoDB_20120810.GetItem"),
                "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(endpoint.handle(listRules).status()).isEqualTo(400);
        assertThat(endpoint.accepts(dynamo)).isFalse();
    }

    private static ObjectNode entry(String source, String detailType, String detail) {
        ObjectNode entry = JSON.createObjectNode().put("Source", source).put("DetailType", detailType)
                .put("Detail", detail);
        entry.putArray("Resources").add("arn:aws:states:eu-central-1:111122223333:execution:m:w-1");
        return entry;
    }

    private static LocalRequest put(ObjectNode... entries) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("Entries");
        for (ObjectNode entry : entries) {
            list.add(entry);
        }
        return new LocalRequest("POST", "/", "", Map.of("X-Amz-Target", "AWSEvents.PutEvents",
                "Content-Type", "application/x-amz-json-1.1"), body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode answer(LocalRequest request) throws Exception {
        assertThat(endpoint.accepts(request)).isTrue();
        LocalResponse response = endpoint.handle(request);
        assertThat(response.status()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static final class RecordingLambda implements LambdaInvoker {
        final List<String> functions = new CopyOnWriteArrayList<>();
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public InvocationResult invoke(String function, byte[] payload) {
            functions.add(function);
            events.add(new String(payload, StandardCharsets.UTF_8));
            return new InvocationResult.Success("null".getBytes(StandardCharsets.UTF_8));
        }
    }
}
