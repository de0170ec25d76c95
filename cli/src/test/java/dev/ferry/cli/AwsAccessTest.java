package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.testing.RecordingEndpoint;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The clients of a read-only command send reads and refuse writes before they leave the machine. */
class AwsAccessTest {

    private RecordingEndpoint aws;

    @BeforeEach
    void start() throws IOException {
        aws = new RecordingEndpoint().respond(200, Map.of("Content-Type", "application/x-amz-json-1.0"), "{}");
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void aReadIsSentToTheEndpointSignedForTheStacksRegion() {
        try (AwsAccess access = access()) {
            access.dynamoDb().getItem(get -> get.tableName("ferry-waves").key(key()));

            assertThat(access.allowed().made()).containsExactly("DynamoDb GetItem");
        }
        assertThat(aws.requests()).singleElement()
                .satisfies(request -> assertThat(request.authorization()).contains("/eu-central-1/dynamodb/aws4_request"));
    }

    @Test
    void aWriteIsRefusedBeforeItIsSent() {
        try (AwsAccess access = access()) {
            assertThatThrownBy(() -> access.dynamoDb().putItem(put -> put.tableName("ferry-waves").item(key())))
                    .hasMessageContaining("status may call only DescribeExecution, DescribeStacks, GetItem, ListExecutions, Query")
                    .hasMessageContaining("it refused to call DynamoDb PutItem");
            assertThatThrownBy(() -> access.stepFunctions().startExecution(start -> start.stateMachineArn(
                    "arn:aws:states:eu-central-1:111122223333:stateMachine:WaveStateMachine")))
                    .hasMessageContaining("it refused to call Sfn StartExecution");

            assertThat(access.allowed().made()).isEmpty();
        }
        assertThat(aws.requests()).isEmpty();
    }

    private AwsAccess access() {
        StackOptions stack = new StackOptions("ferry", Region.EU_CENTRAL_1, Optional.of(aws.uri()), Optional.empty(),
                Optional.empty());
        return new AwsAccess(stack, AllowedCalls.readOnly("status"));
    }

    private static Map<String, AttributeValue> key() {
        return Map.of("pk", AttributeValue.fromS("WAVE#w"), "sk", AttributeValue.fromS("WAVE"));
    }
}
