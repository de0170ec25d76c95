package dev.ferry.local.cloud.lambda;

import dev.ferry.local.cloud.lambda.FunctionDefinition;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A function of the template deployed in the local cloud: its definition, its ARN and its
 * execution environments. As in Lambda, an environment (one instance of the handler class) serves
 * one invocation at a time, and an invocation that finds every environment busy gets a new one:
 * two invocations at once run in two handler instances, never in one.
 */
public final class DeployedFunction {

    private final FunctionDefinition definition;
    private final String arn;
    private final Supplier<Object> newHandler;
    private final Deque<Object> idle = new ArrayDeque<>();
    private int environments;

    /**
     * @param definition what the template declares
     * @param arn        the ARN the state machine and the rules use
     * @param newHandler builds the handler of a new environment (its init phase)
     */
    public DeployedFunction(FunctionDefinition definition, String arn, Supplier<Object> newHandler) {
        this.definition = definition;
        this.arn = arn;
        this.newHandler = newHandler;
        // The first environment is built at deployment, so that a handler that cannot start fails the deployment.
        idle.push(newHandler.get());
        environments = 1;
    }

    public FunctionDefinition definition() {
        return definition;
    }

    public String arn() {
        return arn;
    }

    /** The function's name (its logical ID). */
    public String name() {
        return definition.logicalId();
    }

    /** How many execution environments the function has had, at most one per invocation running at once. */
    public synchronized int environments() {
        return environments;
    }

    /** Runs {@code invocation} on the handler of an idle environment, or of a new one when all are busy. */
    public <T> T runInEnvironment(Function<Object, T> invocation) {
        Object handler = acquire();
        try {
            return invocation.apply(handler);
        } finally {
            release(handler);
        }
    }

    private Object acquire() {
        synchronized (this) {
            if (!idle.isEmpty()) {
                return idle.pop();
            }
            environments++;
        }
        // Built outside the lock: a handler's init takes time, and the other environments stay usable meanwhile.
        return newHandler.get();
    }

    private synchronized void release(Object handler) {
        idle.push(handler);
    }
}
