package dev.ferry.local.cloud.lambda;

import java.util.Map;

/**
 * One {@code AWS::Serverless::Function} of template.yaml, with the Globals applied.
 *
 * @param logicalId      its logical ID, which is also its name in the local cloud
 * @param handlerClass   the class of its {@code Handler} (the {@code ::method} part removed)
 * @param environment    its environment variables as written (Globals first, its own over them), with
 *                       CloudFormation's short tags read as plain values: {@code !Ref WaveTable} is
 *                       {@code WaveTable}
 * @param timeoutSeconds its {@code Timeout}
 * @param memoryMb       its {@code MemorySize}
 */
public record FunctionDefinition(String logicalId, String handlerClass, Map<String, String> environment,
                                 int timeoutSeconds, int memoryMb) {

    public FunctionDefinition {
        environment = Map.copyOf(environment);
    }
}
