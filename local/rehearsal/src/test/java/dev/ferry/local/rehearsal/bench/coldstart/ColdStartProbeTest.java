package dev.ferry.local.rehearsal.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.ferry.testing.ProjectFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ColdStartProbeTest {

    @TempDir
    Path folder;

    @Test
    void aStreamHandlerIsBuiltAndInvokedWithTheEventsBytes() throws Exception {
        Path event = Files.writeString(folder.resolve("event.json"), "{\"waveId\":\"w-1\"}");

        ProbeResult result = ColdStartProbe.probe(RecordingStreamHandler.class.getName(), event);

        assertThat(result.outcome()).isEqualTo(ProbeResult.OK);
        assertThat(RecordingStreamHandler.LAST_EVENT.get()).isEqualTo("{\"waveId\":\"w-1\"}");
        assertThat(result.initMicros()).isNotNegative();
        assertThat(result.invokeMicros()).isNotNegative();
    }

    @Test
    void anInvocationThatRaisesIsMeasuredAndNamesTheError() throws Exception {
        Path event = Files.writeString(folder.resolve("event.json"), "{}");

        assertThat(ColdStartProbe.probe(FailingStreamHandler.class.getName(), event).outcome())
                .isEqualTo("IllegalStateException");
    }

    @Test
    void theApprovalPagesTypedHandlerGetsItsApiGatewayEvent() throws Exception {
        ProbeResult result = ColdStartProbe.probe(RecordingApiHandler.class.getName(),
                ProjectFolder.event("approval-get.json"));

        assertThat(result.outcome()).isEqualTo(ProbeResult.OK);
        assertThat(RecordingApiHandler.LAST_EVENT.get().getRawPath()).isEqualTo("/approvals/Zq3vR8kW1tYb6NcH0mJx4LsP9aDf2GeU");
        assertThat(RecordingApiHandler.LAST_EVENT.get().getRequestContext().getHttp().getMethod()).isEqualTo("GET");
    }

    @Test
    void theResultLineReadsBackAndOutputWithoutOneHasNone() {
        ProbeResult result = new ProbeResult(1_250, 38_000, "TransientAwsException");

        assertThat(ProbeResult.in("some log line\n" + result.line() + "\n")).contains(result);
        assertThat(ProbeResult.in("Exception in thread \"main\" java.lang.ClassNotFoundException")).isEmpty();
    }

    @Test
    void theHelloWorldYardstickAnswersHello() throws Exception {
        Path event = Files.writeString(folder.resolve("event.json"), "{}");

        assertThat(ColdStartProbe.probe(HelloWorldHandler.class.getName(), event).outcome()).isEqualTo(ProbeResult.OK);
    }

    public static class RecordingStreamHandler implements RequestStreamHandler {
        static final AtomicReference<String> LAST_EVENT = new AtomicReference<>();

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            LAST_EVENT.set(new String(input.readAllBytes()));
            assertThat(context.getRemainingTimeInMillis()).isPositive();
        }
    }

    public static class FailingStreamHandler implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) {
            throw new IllegalStateException("the table is not there");
        }
    }

    public static class RecordingApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        static final AtomicReference<APIGatewayV2HTTPEvent> LAST_EVENT = new AtomicReference<>();

        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            LAST_EVENT.set(event);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).build();
        }
    }
}
