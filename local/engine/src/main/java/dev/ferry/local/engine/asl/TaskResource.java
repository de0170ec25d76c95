package dev.ferry.local.engine.asl;

/** What a Task state calls: the only resources the engine runs are Lambda functions. */
public sealed interface TaskResource {

    /** The resource string as written in the definition. */
    String arn();

    /**
     * The optimised integration {@code arn:aws:states:::lambda:invoke}, optionally with the
     * {@code .waitForTaskToken} callback pattern. Its Parameters name the function and the payload.
     */
    record LambdaInvoke(String arn, boolean waitForTaskToken) implements TaskResource {
        /** The {@code resource} field of Task history events. */
        public String historyResource() {
            return waitForTaskToken ? "invoke.waitForTaskToken" : "invoke";
        }
    }

    /** A bare Lambda function ARN: the effective input is the payload and the result is the output. */
    record LambdaFunction(String arn) implements TaskResource {
    }
}
