package dev.ferry.local.engine.lambda;

/**
 * Invokes a Lambda function synchronously (RequestResponse), as the Step Functions service does for a
 * Task state. Implementations run the function in-process or call something else; the engine calls
 * this without holding any lock, so a function may call back into the engine, even over HTTP from
 * another thread.
 */
@FunctionalInterface
public interface LambdaInvoker {

    /**
     * Invokes the function.
     *
     * @param functionNameOrArn a function name, partial ARN or full ARN, possibly with an alias or
     *     version qualifier after a colon
     * @param payload the event, UTF-8 JSON
     * @return what the function returned, or the error it raised
     * @throws LambdaServiceException if the Lambda service itself refused the call (for example, the
     *     function does not exist)
     */
    InvocationResult invoke(String functionNameOrArn, byte[] payload);
}
