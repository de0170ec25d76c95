package dev.ferry.local.mgn.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.local.mgn.MgnTestRig;
import dev.ferry.local.mgn.TestEnvironment;
import dev.ferry.local.mgn.model.ApiCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.MgnException;
import software.amazon.awssdk.services.mgn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.mgn.model.ThrottlingException;
import software.amazon.awssdk.services.mgn.model.ValidationException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.ferry.local.mgn.TestEnvironment.serverId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class WireProtocolTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MgnTestRig rig;

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void an_unknown_request_field_is_a_validation_error_naming_the_field() throws Exception {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8));

        MgnHttpResponse response = post("/DescribeSourceServers", "{\"filters\": {\"colour\": \"blue\"}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers()).containsEntry("x-amzn-ErrorType", "ValidationException");
        JsonNode body = JSON.readTree(response.bodyText());
        assertThat(body.get("code").asText()).isEqualTo("ValidationException");
        assertThat(body.get("message").asText()).contains("filters.colour");
        assertThat(body.get("reason").asText()).isEqualTo("fieldValidationFailed");
        assertThat(body.get("fieldList").get(0).get("name").asText()).isEqualTo("filters.colour");
    }

    @Test
    void a_missing_required_field_is_a_validation_error_naming_the_field() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8));

        assertThatThrownBy(() -> rig.mgn.getLaunchConfiguration(r -> { }))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("sourceServerID is required");
                });
    }

    @Test
    void a_body_that_is_not_json_is_a_validation_error() {
        rig = MgnTestRig.of(TestEnvironment.initialized());

        MgnHttpResponse response = post("/DescribeJobs", "{not json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("cannotParse");
    }

    @Test
    void every_nth_call_is_throttled_with_a_retry_after_header() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8).throttleEvery(3, 7));
        rig.mgn.describeJobs(r -> { });
        rig.mgn.describeJobs(r -> { });

        assertThatThrownBy(() -> rig.mgn.describeJobs(r -> { }))
                .isInstanceOfSatisfying(ThrottlingException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After")).contains("7");
                    assertThat(e.retryAfterSeconds()).isEqualTo("7");
                });
        assertThat(rig.mgn.describeJobs(r -> { }).items()).isEmpty();
    }

    @Test
    void a_request_signed_for_another_region_is_refused() {
        rig = MgnTestRig.of(TestEnvironment.initialized());

        try (MgnClient sourceRegionClient = rig.client(Region.US_EAST_1)) {
            assertThatThrownBy(() -> sourceRegionClient.describeJobs(r -> { }))
                    .isInstanceOfSatisfying(MgnException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                    });
        }
    }

    @Test
    void an_unknown_operation_answers_404() {
        rig = MgnTestRig.of(TestEnvironment.initialized());

        MgnHttpResponse response = post("/CreateConnector", "{\"name\": \"connector-1\"}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers()).containsEntry("x-amzn-ErrorType", "UnknownOperationException");
    }

    @Test
    void an_unknown_source_server_is_a_resource_not_found_error() {
        rig = MgnTestRig.of(TestEnvironment.initialized());

        assertThatThrownBy(() -> rig.mgn.getLaunchConfiguration(r -> r.sourceServerID(serverId(42))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.resourceId()).isEqualTo(serverId(42));
                });
    }

    @Test
    void the_call_log_records_operation_request_status_and_virtual_time() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8));
        rig.advance(Duration.ofMinutes(3));

        rig.mgn.getLaunchConfiguration(r -> r.sourceServerID(serverId(1)));

        assertThat(rig.simulator.callLog()).singleElement().satisfies(call -> {
            assertThat(call.operation()).isEqualTo("GetLaunchConfiguration");
            assertThat(call.requestJson()).contains("\"sourceServerID\":\"" + serverId(1) + "\"");
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.time()).isEqualTo(MgnTestRig.START.plus(Duration.ofMinutes(3)));
        });
    }

    @Test
    void refused_calls_are_logged_with_their_error_status() {
        rig = MgnTestRig.of(TestEnvironment.initialized());

        post("/StartTest", "{\"sourceServerIDs\": []}");

        assertThat(rig.simulator.callLog()).extracting(ApiCall::operation, ApiCall::status)
                .containsExactly(tuple("StartTest", 400));
    }

    @Test
    void timestamps_are_iso_8601_strings_and_durations_iso_8601_durations() throws Exception {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8));
        rig.advance(MgnTestRig.EIGHT_GIB_READY);

        JsonNode server = JSON.readTree(post("/DescribeSourceServers", "{}").bodyText()).get("items").get(0);

        assertThat(server.at("/lifeCycle/addedToServiceDateTime").asText()).isEqualTo("2026-03-02T08:00:00Z");
        assertThat(server.at("/dataReplicationInfo/lagDuration").asText()).isEqualTo("PT2S");
        assertThat(server.at("/sourceProperties/identificationHints/awsInstanceID").asText())
                .isEqualTo(TestEnvironment.instanceId(1));
    }

    private MgnHttpResponse post(String path, String body) {
        return rig.simulator.apiHandler().handle("POST", path, Map.of("Content-Type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
