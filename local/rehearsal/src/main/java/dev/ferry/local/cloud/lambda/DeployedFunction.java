package dev.ferry.local.cloud.lambda;

import dev.ferry.local.rehearsal.template.FunctionDefinition;

/**
 * A function of the template deployed in the local cloud: its definition, its ARN and the one
 * instance of its handler class, which serves one invocation at a time, as one Lambda execution
 * environment does.
 *
 * @param definition what the template declares
 * @param arn        the ARN the state machine and the rules use
 * @param handler    the handler instance
 */
public record DeployedFunction(FunctionDefinition definition, String arn, Object handler) {

    /** The function's name (its logical ID). */
    public String name() {
        return definition.logicalId();
    }
}
