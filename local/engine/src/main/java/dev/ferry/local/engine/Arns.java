package dev.ferry.local.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds and reads the ARNs of one engine's region and account. */
final class Arns {

    private static final Pattern STATE_MACHINE =
            Pattern.compile("arn:aws:states:([a-z0-9-]+):(\\d{12}):stateMachine:([^:]+)");
    private static final Pattern EXECUTION =
            Pattern.compile("arn:aws:states:([a-z0-9-]+):(\\d{12}):execution:([^:]+):([^:]+)");
    private static final Pattern ROLE = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");

    private final String region;
    private final String accountId;

    Arns(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    String stateMachine(String name) {
        return "arn:aws:states:" + region + ":" + accountId + ":stateMachine:" + name;
    }

    String execution(String stateMachineName, String executionName) {
        return "arn:aws:states:" + region + ":" + accountId + ":execution:" + stateMachineName + ":" + executionName;
    }

    static void requireStateMachineArn(String arn) {
        require(arn, STATE_MACHINE, "state machine");
    }

    static void requireExecutionArn(String arn) {
        require(arn, EXECUTION, "execution");
    }

    static void requireRoleArn(String arn) {
        require(arn, ROLE, "role");
    }

    private static void require(String arn, Pattern pattern, String kind) {
        if (arn == null) {
            throw new StepFunctionsException(StepFunctionsError.MISSING_REQUIRED_PARAMETER,
                    "The " + kind + " ARN is required");
        }
        Matcher matcher = pattern.matcher(arn);
        if (!matcher.matches()) {
            throw new StepFunctionsException(StepFunctionsError.INVALID_ARN, "Invalid Arn: '" + arn + "'");
        }
    }
}
