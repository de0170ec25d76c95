package dev.ferry.local.cloud.lambda;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The functions deployed in the local cloud, found by name, partial ARN or ARN (with or without a
 * qualifier), as Lambda resolves a {@code FunctionName}. How a function's handler is built is the
 * deployer's business: each execution environment asks the function's supplier for a new one.
 */
public final class LocalFunctions {

    private final Map<String, DeployedFunction> byName = new ConcurrentHashMap<>();

    /** Deploys a function under its logical ID; a new execution environment gets its handler from {@code newHandler}. */
    public void deploy(FunctionDefinition definition, String arn, Supplier<Object> newHandler) {
        byName.put(definition.logicalId(), new DeployedFunction(definition, arn, newHandler));
    }

    /** The function a {@code FunctionName} designates, if deployed. */
    public Optional<DeployedFunction> find(String nameOrArn) {
        return Optional.ofNullable(byName.get(nameOf(nameOrArn)));
    }

    /** The name in a function name, partial ARN ({@code account:function:name}) or ARN, without qualifier. */
    static String nameOf(String nameOrArn) {
        String[] parts = nameOrArn.split(":");
        int function = List.of(parts).indexOf("function");
        return function >= 0 && function + 1 < parts.length ? parts[function + 1] : parts[0];
    }
}
