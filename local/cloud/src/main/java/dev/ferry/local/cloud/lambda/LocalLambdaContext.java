package dev.ferry.local.cloud.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda context of one local invocation. The remaining time counts down in real time from
 * the function's timeout, as in Lambda; the logger writes to the process's standard output, which
 * the rehearsal sends to its log file.
 */
public final class LocalLambdaContext implements Context {

    private final DeployedFunction function;
    private final String invokedArn;
    private final String requestId = UUID.randomUUID().toString();
    private final long deadlineNanos;

    public LocalLambdaContext(DeployedFunction function, String invokedArn) {
        this.function = function;
        this.invokedArn = invokedArn;
        this.deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(function.definition().timeoutSeconds());
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.name();
    }

    @Override
    public String getLogStreamName() {
        return "local/" + function.name();
    }

    @Override
    public String getFunctionName() {
        return function.name();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return invokedArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.definition().memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                out().print(message);
            }

            @Override
            public void log(byte[] message) {
                out().print(new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    /** Read on each call: the rehearsal may redirect the standard output after the context is made. */
    private static PrintStream out() {
        return System.out;
    }
}
