package dev.ferry.local.cloud.lambda;

import dev.ferry.config.Dependencies;
import dev.ferry.config.Settings;
import dev.ferry.local.rehearsal.template.FunctionDefinition;
import dev.ferry.retry.Sleeper;

import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The functions deployed in the local cloud, found by name, partial ARN or ARN (with or without a
 * qualifier), as Lambda resolves a {@code FunctionName}. Each execution environment's handler is the
 * deployed class, built with its public {@code (Dependencies)} constructor on the rehearsal's clock
 * and sleeper (its waits take virtual time, not real time), so its SDK clients are configured
 * exactly as in Lambda: from the settings, which point them at the local cloud.
 */
public final class LocalFunctions {

    private final Map<String, DeployedFunction> byName = new ConcurrentHashMap<>();

    /**
     * Builds each function's handler and deploys it, with the environment {@code environment} gives
     * it. Call once the SDK's endpoint properties are in place: the handlers' clients read them when built.
     *
     * @throws IllegalStateException when a handler class is missing or has no public
     *                               {@code (Dependencies)} constructor
     */
    public void deploy(List<FunctionDefinition> definitions, Map<String, String> arns,
                       Function<FunctionDefinition, Map<String, String>> environment, Clock clock, Sleeper sleeper) {
        for (FunctionDefinition definition : definitions) {
            Settings settings = Settings.of(environment.apply(definition));
            byName.put(definition.logicalId(), new DeployedFunction(definition, arns.get(definition.logicalId()),
                    () -> instantiate(definition, Dependencies.of(settings, clock, sleeper))));
        }
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

    private static Object instantiate(FunctionDefinition definition, Dependencies dependencies) {
        try {
            return Class.forName(definition.handlerClass())
                    .getConstructor(Dependencies.class)
                    .newInstance(dependencies);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(definition.logicalId() + ": handler class " + definition.handlerClass()
                    + " is not on the class path", e);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(definition.logicalId() + ": " + definition.handlerClass()
                    + " has no public constructor taking Dependencies", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(definition.logicalId() + ": " + definition.handlerClass()
                    + " failed to initialise: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(definition.logicalId() + ": cannot build " + definition.handlerClass(), e);
        }
    }
}
