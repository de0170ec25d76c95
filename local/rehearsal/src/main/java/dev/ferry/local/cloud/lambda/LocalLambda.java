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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Lambda's synchronous invoke for the local functions: runs the handler's
 * {@code handleRequest(InputStream, OutputStream, Context)} in this process. An exception becomes a
 * function error the way the Java runtime reports it: {@code errorType} is the exception's fully
 * qualified class name (which the state machine's Retry and Catch match) and {@code errorMessage}
 * its message; its stack trace goes to the function's log. {@link LambdaFaults} make the service
 * refuse an invocation before its handler starts, or lose the result of one that ran.
 */
public final class LocalLambda implements LambdaInvoker {

    private final LocalFunctions functions;
    private final Clock clock;
    private final LambdaFaults.Source faults;
    private final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    private final List<Consumer<Invocation>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger resultsLost = new AtomicInteger();

    public LocalLambda(LocalFunctions functions, Clock clock) {
        this(functions, clock, LambdaFaults.NONE);
    }

    public LocalLambda(LocalFunctions functions, Clock clock, LambdaFaults faults) {
        this.functions = functions;
        this.clock = clock;
        this.faults = faults.source();
    }

    /** Invocations the service refused before their handler started, as injected. */
    public int refusedInvocations() {
        return refused.get();
    }

    /** Invocations whose handler ran and whose result was lost, as injected. */
    public int lostResults() {
        return resultsLost.get();
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
        if (!(function.handler() instanceof RequestStreamHandler handler)) {
            throw new LambdaServiceException("InvalidRequestContentException", function.name()
                    + " does not take raw JSON events (its handler is not a RequestStreamHandler)");
        }
        LambdaFaults.Fault fault = faults.next();
        if (fault == LambdaFaults.Fault.REFUSED) {
            refused.incrementAndGet();
            throw new LambdaServiceException(faults.refusal(), "Injected: the Lambda service refused to invoke "
                    + function.name() + " (its handler did not start)");
        }
        Invocation invocation;
        // One execution environment per function: its handler serves one event at a time.
        synchronized (function) {
            invocation = run(function, handler, functionNameOrArn, payload, clock.instant());
        }
        invocations.add(invocation);
        listeners.forEach(listener -> listener.accept(invocation));
        if (fault == LambdaFaults.Fault.RESULT_LOST) {
            resultsLost.incrementAndGet();
            return new InvocationResult.FunctionError("Sandbox.Timedout", "Injected: " + function.name()
                    + " ran to its end but its result was lost, as when a function times out after its last call");
        }
        return invocation.succeeded()
                ? new InvocationResult.Success(invocation.output())
                : new InvocationResult.FunctionError(invocation.errorType(), invocation.errorMessage());
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
