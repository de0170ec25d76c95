package dev.ferry.local.cloud.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.ferry.local.engine.lambda.InvocationResult;
import dev.ferry.local.engine.lambda.LambdaInvoker;
import dev.ferry.local.engine.lambda.LambdaServiceException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Lambda's synchronous invoke for the local functions: runs the handler's
 * {@code handleRequest(InputStream, OutputStream, Context)} in this process. An exception becomes a
 * function error the way the Java runtime reports it: {@code errorType} is the exception's fully
 * qualified class name (which the state machine's Retry and Catch match) and {@code errorMessage}
 * its message; its stack trace goes to the function's log. {@link LambdaFaults} make the service
 * refuse an invocation before its handler starts, lose the result of one that ran, or report one
 * failed while its handler runs on to its end later. Invocations that overlap run in separate
 * execution environments of their function.
 */
public final class LocalLambda implements LambdaInvoker {

    /** Runs an action after a delay on the local cloud's clock. */
    @FunctionalInterface
    public interface Later {
        void runAfter(Duration delay, Runnable action);
    }

    private final LocalFunctions functions;
    private final Clock clock;
    private final LambdaFaults.Source faults;
    private final Later later;
    private final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    private final List<Consumer<Invocation>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger resultsLost = new AtomicInteger();
    private final AtomicInteger stillRunning = new AtomicInteger();
    private final IntSupplier serviceFaultsSoFar;
    private final Map<String, AtomicInteger> faultsMet = new ConcurrentHashMap<>();

    /** Local Lambda without faults. */
    public LocalLambda(LocalFunctions functions, Clock clock) {
        this(functions, clock, LambdaFaults.NONE, (delay, action) -> {
            throw new IllegalStateException("Without faults no invocation runs later");
        }, () -> 0);
    }

    /**
     * @param later              runs the handler of an invocation the caller stopped waiting for
     * @param serviceFaultsSoFar the faults the other services have injected so far, to count those
     *                           each function met while it ran
     */
    public LocalLambda(LocalFunctions functions, Clock clock, LambdaFaults faults, Later later,
                       IntSupplier serviceFaultsSoFar) {
        this.functions = functions;
        this.clock = clock;
        this.faults = faults.source();
        this.later = later;
        this.serviceFaultsSoFar = serviceFaultsSoFar;
    }

    /** The faults injected so far. */
    public LambdaFaultCount faultsInjected() {
        return new LambdaFaultCount(refused.get(), resultsLost.get(), stillRunning.get());
    }

    /**
     * The faults each function met, by name: Lambda faults of its invocations, and service faults
     * injected while one of its invocations ran (invocations that overlap count the same fault each).
     */
    public Map<String, Integer> faultsMetByFunction() {
        Map<String, Integer> met = new TreeMap<>();
        faultsMet.forEach((function, count) -> met.put(function, count.get()));
        return met;
    }

    /** Tells {@code listener} of every invocation once it has ended. */
    public void addListener(Consumer<Invocation> listener) {
        listeners.add(listener);
    }

    /** Every invocation so far, in the order they ended. */
    public List<Invocation> invocations() {
        return List.copyOf(invocations);
    }

    @Override
    public InvocationResult invoke(String functionNameOrArn, byte[] payload) {
        DeployedFunction function = functions.find(functionNameOrArn).orElseThrow(() -> new LambdaServiceException(
                "ResourceNotFoundException", "Function not found: " + functionNameOrArn));
        LambdaFaults.Fault fault = faults.next();
        if (fault != LambdaFaults.Fault.NONE) {
            met(function.name(), 1);
        }
        switch (fault) {
            case REFUSED -> {
                refused.incrementAndGet();
                throw new LambdaServiceException(faults.refusal(), "Injected: the Lambda service refused to invoke "
                        + function.name() + " (its handler did not start)");
            }
            case STILL_RUNNING -> {
                stillRunning.incrementAndGet();
                later.runAfter(faults.stillRunningFor(), () -> runAndRecord(function, functionNameOrArn, payload));
                throw new LambdaServiceException("SdkClientException", "Injected: the connection to Lambda broke while "
                        + function.name() + " ran; its handler runs on and ends later");
            }
            case NONE, RESULT_LOST -> { }
        }
        Invocation invocation = runAndRecord(function, functionNameOrArn, payload);
        if (fault == LambdaFaults.Fault.RESULT_LOST) {
            resultsLost.incrementAndGet();
            return new InvocationResult.FunctionError("Sandbox.Timedout", "Injected: " + function.name()
                    + " ran to its end but its result was lost, as when a function times out after its last call");
        }
        return invocation.succeeded()
                ? new InvocationResult.Success(invocation.output())
                : new InvocationResult.FunctionError(invocation.errorType(), invocation.errorMessage());
    }

    private Invocation runAndRecord(DeployedFunction function, String invokedAs, byte[] payload) {
        Instant at = clock.instant();
        int serviceFaultsBefore = serviceFaultsSoFar.getAsInt();
        Invocation invocation = function.runInEnvironment(handler -> run(function, streamHandler(function, handler),
                invokedAs, payload, at));
        met(function.name(), serviceFaultsSoFar.getAsInt() - serviceFaultsBefore);
        invocations.add(invocation);
        listeners.forEach(listener -> listener.accept(invocation));
        return invocation;
    }

    private void met(String function, int faultCount) {
        faultsMet.computeIfAbsent(function, any -> new AtomicInteger()).addAndGet(faultCount);
    }

    private static RequestStreamHandler streamHandler(DeployedFunction function, Object handler) {
        if (!(handler instanceof RequestStreamHandler streamHandler)) {
            throw new LambdaServiceException("InvalidRequestContentException", function.name()
                    + " does not take raw JSON events (its handler is not a RequestStreamHandler)");
        }
        return streamHandler;
    }

    private static Invocation run(DeployedFunction function, RequestStreamHandler handler, String invokedAs,
                                  byte[] payload, Instant at) {
        long started = System.nanoTime();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(payload), output,
                    new LocalLambdaContext(function, invokedAs.contains(":") ? invokedAs : function.arn()));
            byte[] result = output.size() == 0 ? "null".getBytes(StandardCharsets.UTF_8) : output.toByteArray();
            return new Invocation(function.name(), at, payload, result, null, null, since(started));
        } catch (Exception | LinkageError e) {
            // The Java runtime reports errors (a class that fails to load, say) the same way as exceptions.
            logFunctionError(function, e);
            return new Invocation(function.name(), at, payload, null, e.getClass().getName(), e.getMessage(),
                    since(started));
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static void logFunctionError(DeployedFunction function, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        System.err.println(function.name() + " raised " + trace);
    }
}
