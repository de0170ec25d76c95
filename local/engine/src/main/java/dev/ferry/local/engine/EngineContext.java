package dev.ferry.local.engine;

import dev.ferry.local.engine.lambda.LambdaInvoker;
import dev.ferry.local.engine.time.Scheduler;
import java.time.Instant;
import java.util.random.RandomGenerator;

/** The services every execution of one engine shares. */
record EngineContext(Object lock, Scheduler scheduler, LambdaInvoker invoker, RandomGenerator random,
        TaskTokens tokens, String region) {

    Instant now() {
        return scheduler.clock().instant();
    }
}
