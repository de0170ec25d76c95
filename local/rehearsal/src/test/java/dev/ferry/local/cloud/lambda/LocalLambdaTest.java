package dev.ferry.local.cloud.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.ferry.config.Dependencies;
import dev.ferry.local.engine.lambda.InvocationResult;
import dev.ferry.local.engine.lambda.LambdaServiceException;
import dev.ferry.local.rehearsal.template.FunctionDefinition;
import dev.ferry.mgn.Sleeper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Local Lambda runs a handler class as the Java runtime does and reports its errors the same way. */
class LocalLambdaTest {

    private static final String ARN = "arn:aws:lambda:eu-central-1:111122223333:function:Echo:live";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    private final LocalFunctions functions = new LocalFunctions();
    private final LocalLambda lambda = new LocalLambda(functions, CLOCK);

    @Test
    void aFunctionIsFoundByNameOrQualifiedArnAndItsOutputReturned() {
        deploy(EchoHandler.class);

        InvocationResult byArn = lambda.invoke(ARN, "{\"wave\":1}".getBytes(StandardCharsets.UTF_8));
        InvocationResult byName = lambda.invoke("Echo", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(byArn).isInstanceOfSatisfying(InvocationResult.Success.class, success ->
                assertThat(new String(success.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"wave\":1} from Echo"));
        assertThat(byName).isInstanceOf(InvocationResult.Success.class);
        assertThat(lambda.invocations()).hasSize(2).allSatisfy(invocation -> assertThat(invocation.at()).isEqualTo(CLOCK.instant()));
    }

    @Test
    void anExceptionBecomesAFunctionErrorNamedByItsFullyQualifiedClass() {
        deploy(FailingHandler.class);

        InvocationResult result = lambda.invoke(ARN, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(result).isEqualTo(new InvocationResult.FunctionError("java.lang.IllegalStateException", "no wave"));
    }

    @Test
    void anUnknownFunctionIsRefusedByTheService() {
        assertThatThrownBy(() -> lambda.invoke("Missing", new byte[0]))
                .isInstanceOfSatisfying(LambdaServiceException.class,
                        refused -> assertThat(refused.errorCode()).isEqualTo("ResourceNotFoundException"));
    }

    private void deploy(Class<?> handler) {
        functions.deploy(List.of(new FunctionDefinition("Echo", handler.getName(), Map.of(), 60, 1024)),
                Map.of("Echo", ARN), CLOCK, Sleeper.threadSleep());
    }

    /** Returns its input and the function name from the context. */
    public static final class EchoHandler implements RequestStreamHandler {
        public EchoHandler(Dependencies dependencies) {
        }

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            output.write(input.readAllBytes());
            output.write((" from " + context.getFunctionName()).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Fails as a stage does when it cannot go on. */
    public static final class FailingHandler implements RequestStreamHandler {
        public FailingHandler(Dependencies dependencies) {
        }

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) {
            throw new IllegalStateException("no wave");
        }
    }
}
