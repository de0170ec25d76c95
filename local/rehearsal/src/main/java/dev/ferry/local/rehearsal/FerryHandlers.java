package dev.ferry.local.rehearsal;

import dev.ferry.config.Dependencies;
import dev.ferry.config.Settings;
import dev.ferry.local.cloud.lambda.FunctionDefinition;
import dev.ferry.retry.Sleeper;

import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds a Ferry handler as the Lambda runtime does: the deployed class, with its public
 * {@code (Dependencies)} constructor. The dependencies come from the function's own environment
 * (as template.yaml gives it) on the rehearsal's clock and sleeper, so its waits take virtual time
 * and its SDK clients are configured exactly as in Lambda, pointed at the local cloud.
 */
final class FerryHandlers {

    private FerryHandlers() {
    }

    /**
     * A supplier of new handlers for the function, one per execution environment. Call once the
     * SDK's endpoint properties are in place: the handlers' clients read them when built.
     *
     * @throws IllegalStateException (from the supplier) when the handler class is missing, has no
     *                               public {@code (Dependencies)} constructor or fails to initialise
     */
    static Supplier<Object> of(FunctionDefinition definition, Map<String, String> environment, Clock clock,
                               Sleeper sleeper) {
        Settings settings = Settings.of(environment);
        return () -> instantiate(definition, Dependencies.of(settings, clock, sleeper));
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
