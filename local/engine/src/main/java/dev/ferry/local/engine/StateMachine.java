package dev.ferry.local.engine;

import dev.ferry.local.engine.asl.StateMachineDefinition;
import java.time.Instant;

/** A created state machine. */
public record StateMachine(String arn, String name, StateMachineDefinition definition, String roleArn,
        Instant creationDate) {
}
