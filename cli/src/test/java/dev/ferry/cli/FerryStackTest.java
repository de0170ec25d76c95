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

/** The table and state machine come from the stack's outputs unless both are given. */
class FerryStackTest {

    private static final String STATE_MACHINE = "arn:aws:states:eu-central-1:111122223333:stateMachine:WaveStateMachine-x1";

    private RecordingEndpoint aws;

    @BeforeEach
    void start() throws IOException {
        aws = new RecordingEndpoint();
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void theStacksOutputsNameTheTableAndTheStateMachine() {
        aws.respond(200, Map.of("Content-Type", "text/xml"), describeStacks("""
                <member><OutputKey>StateMachineArn</OutputKey><OutputValue>%s</OutputValue></member>
                <member><OutputKey>TableName</OutputKey><OutputValue>ferry-WaveTable-1ABC</OutputValue></member>
                """.formatted(STATE_MACHINE)));

        try (AwsAccess access = access(Optional.empty(), Optional.empty())) {
            FerryStack stack = FerryStack.locate(access);

            assertThat(stack).isEqualTo(new FerryStack("ferry-WaveTable-1ABC", STATE_MACHINE));
            assertThat(stack.executionArn("wave-1"))
                    .isEqualTo("arn:aws:states:eu-central-1:111122223333:execution:WaveStateMachine-x1:wave-1");
        }
        assertThat(aws.requests()).singleElement().satisfies(request ->
                assertThat(request.body()).contains("Action=DescribeStacks", "StackName=ferry"));
    }

    @Test
    void aStackWithoutFerrysOutputsIsRefusedNamingTheMissingOne() {
        aws.respond(200, Map.of("Content-Type", "text/xml"), describeStacks("""
                <member><OutputKey>StateMachineArn</OutputKey><OutputValue>%s</OutputValue></member>
                """.formatted(STATE_MACHINE)));

        try (AwsAccess access = access(Optional.empty(), Optional.empty())) {
            assertThatThrownBy(() -> FerryStack.locate(access)).isInstanceOf(CommandFailure.class)
                    .hasMessage("stack ferry in eu-central-1 (CREATE_COMPLETE) has no output TableName: is it Ferry's "
                            + "stack? Give --stack, or --table and --state-machine-arn");
        }
    }

    @Test
    void givenTableAndStateMachineNeedNoCallToCloudFormation() {
        try (AwsAccess access = access(Optional.of("waves"), Optional.of(STATE_MACHINE))) {
            assertThat(FerryStack.locate(access)).isEqualTo(new FerryStack("waves", STATE_MACHINE));
        }
        assertThat(aws.requests()).isEmpty();
    }

    private AwsAccess access(Optional<String> table, Optional<String> stateMachine) {
        return new AwsAccess(new StackOptions("ferry", Region.EU_CENTRAL_1, Optional.of(aws.uri()), table, stateMachine),
                AllowedCalls.readOnly("status"));
    }

    private static String describeStacks(String outputs) {
        return """
                <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                  <DescribeStacksResult><Stacks><member>
                    <StackName>ferry</StackName>
                    <StackId>arn:aws:cloudformation:eu-central-1:111122223333:stack/ferry/1</StackId>
                    <CreationTime>2026-03-02T10:00:00Z</CreationTime>
                    <StackStatus>CREATE_COMPLETE</StackStatus>
                    <Outputs>%s</Outputs>
                  </member></Stacks></DescribeStacksResult>
                  <ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>
                </DescribeStacksResponse>
                """.formatted(outputs);
    }
}
