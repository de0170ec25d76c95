package dev.ferry.local.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.local.cloud.http.LocalRequest;
import dev.ferry.local.cloud.http.LocalResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;

class LocalStackTest {

    private final LocalStack stack = new LocalStack("eu-central-1", "111122223333",
            Instant.parse("2026-03-02T10:00:00Z"), LocalStackTest::outputs);

    @Test
    void describeStacksAnswersTheStackFerryWithItsOutputs() {
        LocalResponse response = stack.handle(query("Action=DescribeStacks&StackName=ferry&Version=2010-05-15"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).contains("<StackName>ferry</StackName>",
                "<StackId>arn:aws:cloudformation:eu-central-1:111122223333:stack/ferry/",
                "<StackStatus>CREATE_COMPLETE</StackStatus>", "<CreationTime>2026-03-02T10:00:00Z</CreationTime>",
                "<member><OutputKey>TableName</OutputKey><OutputValue>ferry-waves</OutputValue></member>");
    }

    @Test
    void anotherStackDoesNotExistInCloudFormationsWords() {
        LocalResponse response = stack.handle(query("Action=DescribeStacks&StackName=media&Version=2010-05-15"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("<Code>ValidationError</Code>",
                "<Message>Stack with id media does not exist</Message>");
    }

    @Test
    void onlyDescribeStacksIsAnswered() {
        LocalResponse response = stack.handle(query("Action=DeleteStack&StackName=ferry&Version=2010-05-15"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("<Code>InvalidAction</Code>", "Could not find operation DeleteStack");
    }

    @Test
    void itTakesCloudFormationsQueryCallsAlone() {
        assertThat(stack.accepts(query("Action=DescribeStacks&Version=2010-05-15"))).isTrue();
        assertThat(stack.accepts(query("Action=GetInstanceProfile&Version=2010-05-08"))).isFalse();
    }

    private static SequencedMap<String, String> outputs() {
        SequencedMap<String, String> outputs = new LinkedHashMap<>();
        outputs.put("StateMachineArn", "arn:aws:states:eu-central-1:111122223333:stateMachine:WaveStateMachine");
        outputs.put("TableName", "ferry-waves");
        return outputs;
    }

    private static LocalRequest query(String form) {
        return new LocalRequest("POST", "/", "", Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                form.getBytes(StandardCharsets.UTF_8));
    }
}
