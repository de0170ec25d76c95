package dev.ferry.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * The deployed stack's table and state machine: from {@code --table} and {@code --state-machine-arn}
 * when both are given, else from the stack's outputs {@value #TABLE_OUTPUT} and
 * {@value #STATE_MACHINE_OUTPUT} (template.yaml's Outputs), which one DescribeStacks reads.
 *
 * @param tableName       the DynamoDB table of waves and servers
 * @param stateMachineArn the wave state machine
 */
record FerryStack(String tableName, String stateMachineArn) {

    static final String TABLE_OUTPUT = "TableName";
    static final String STATE_MACHINE_OUTPUT = "StateMachineArn";

    /** The execution ARN of the wave {@code waveId}: its execution's name is the wave's ID. */
    String executionArn(String waveId) {
        return stateMachineArn.replaceFirst(":stateMachine:", ":execution:") + ":" + waveId;
    }

    /**
     * Finds the stack's resources, reading its outputs only when an option does not name them.
     *
     * @throws CommandFailure when the stack lacks an output (not a Ferry stack, or not deployed yet)
     */
    static FerryStack locate(AwsAccess access) {
        StackOptions options = access.stack();
        if (options.table().isPresent() && options.stateMachineArn().isPresent()) {
            return new FerryStack(options.table().get(), options.stateMachineArn().get());
        }
        Stack stack = access.cloudFormation().describeStacks(request -> request.stackName(options.stack()))
                .stacks().getFirst();
        Map<String, String> outputs = stack.outputs().stream()
                .collect(Collectors.toMap(Output::outputKey, Output::outputValue, (first, second) -> first));
        Optional<String> table = options.table().or(() -> Optional.ofNullable(outputs.get(TABLE_OUTPUT)));
        Optional<String> stateMachine =
                options.stateMachineArn().or(() -> Optional.ofNullable(outputs.get(STATE_MACHINE_OUTPUT)));
        List<String> missing = new ArrayList<>();
        table.ifPresentOrElse(found -> { }, () -> missing.add(TABLE_OUTPUT));
        stateMachine.ifPresentOrElse(found -> { }, () -> missing.add(STATE_MACHINE_OUTPUT));
        if (!missing.isEmpty()) {
            throw new CommandFailure(FerryCli.EXIT_INVALID_INPUT, "stack " + options.stack() + " in "
                    + options.region() + " (" + stack.stackStatusAsString() + ") has no output "
                    + String.join(" or ", missing) + ": is it Ferry's stack? Give --stack, or --table and --state-machine-arn");
        }
        return new FerryStack(table.get(), stateMachine.get());
    }
}
