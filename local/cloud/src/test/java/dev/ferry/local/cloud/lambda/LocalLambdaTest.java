package dev.ferry.local.cloud.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.ferry.local.cloud.lambda.FunctionDefinition;
import dev.ferry.local.engine.lambda.InvocationResult;
import dev.ferry.local.engine.lambda.LambdaServiceException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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

    @Test
    void anInvocationReportedFailedWhileItsHandlerRunsOnEndsLaterWithItsSideEffects() {
        List<Runnable> later = new ArrayList<>();
        List<Duration> delays = new ArrayList<>();
        LocalLambda faulty = new LocalLambda(functions, CLOCK, new LambdaFaults(0, 0, 100, 3), (delay, action) -> {
            delays.add(delay);
            later.add(action);
        }, CountingHandler.RUNS::get);
        deploy(CountingHandler.class);
        int before = CountingHandler.RUNS.get();

        assertThatThrownBy(() -> faulty.invoke(ARN, "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(LambdaServiceException.class,
                        failure -> assertThat(failure.errorCode()).isEqualTo("SdkClientException"));
        assertThat(CountingHandler.RUNS.get()).as("not run yet").isEqualTo(before);

        later.forEach(Runnable::run);

        assertThat(CountingHandler.RUNS.get()).isEqualTo(before + 1);
        assertThat(faulty.invocations()).singleElement().satisfies(invocation -> assertThat(invocation.succeeded()).isTrue());
        assertThat(delays).singleElement().satisfies(delay -> assertThat(delay).isBetween(Duration.ofSeconds(1),
                LambdaFaults.LONGEST_STILL_RUNNING));
        assertThat(faulty.faultsInjected()).isEqualTo(new LambdaFaultCount(0, 0, 1));
        // Its own fault, and one more counted as a service fault while it ran (each run counts one here).
        assertThat(faulty.faultsMetByFunction()).containsEntry("Echo", 2);
    }

    @Test
    void invocationsThatOverlapRunInSeparateHandlerInstancesAndOneAtATimeReuseTheFirst() throws Exception {
        deploy(BlockingHandler.class);
        BlockingHandler.release = new CountDownLatch(1);
        BlockingHandler.started = new CountDownLatch(2);
        Thread first = Thread.startVirtualThread(() -> lambda.invoke(ARN, new byte[0]));
        Thread second = Thread.startVirtualThread(() -> lambda.invoke(ARN, new byte[0]));

        assertThat(BlockingHandler.started.await(10, TimeUnit.SECONDS)).as("both started at once").isTrue();
        BlockingHandler.release.countDown();
        first.join();
        second.join();
        lambda.invoke(ARN, new byte[0]);

        assertThat(lambda.invocations()).extracting(invocation -> new String(invocation.output(), StandardCharsets.UTF_8))
                .hasSize(3).doesNotHaveDuplicates().hasSize(3);
        assertThat(functions.find("Echo").orElseThrow().environments()).isEqualTo(2);
    }

    private void deploy(Class<?> handler) {
        functions.deploy(new FunctionDefinition("Echo", handler.getName(), Map.of(), 60, 1024), ARN, () -> {
            try {
                return handler.getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Returns its input and the function name from the context. */
    public static final class EchoHandler implements RequestStreamHandler {
        public EchoHandler() {
        }

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            output.write(input.readAllBytes());
            output.write((" from " + context.getFunctionName()).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Counts its runs; the tests also read the count as the service faults met so far. */
    public static final class CountingHandler implements RequestStreamHandler {
        static final AtomicInteger RUNS = new AtomicInteger();

        public CountingHandler() {
        }

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            output.write(String.valueOf(RUNS.incrementAndGet()).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Waits to be released, then answers with its instance and how often that instance ran. */
    public static final class BlockingHandler implements RequestStreamHandler {
        static volatile CountDownLatch started;
        static volatile CountDownLatch release;
        private int runs;

        public BlockingHandler() {
        }

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            runs++;
            output.write((System.identityHashCode(this) + " run " + runs).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Fails as a stage does when it cannot go on. */
    public static final class FailingHandler implements RequestStreamHandler {
        public FailingHandler() {
        }

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) {
            throw new IllegalStateException("no wave");
        }
    }
}
