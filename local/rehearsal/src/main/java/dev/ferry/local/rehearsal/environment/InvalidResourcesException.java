package dev.ferry.local.rehearsal.environment;

import java.util.List;

/** The {@code ec2} or {@code iam} section of an environment file has problems; each names its JSON path. */
public final class InvalidResourcesException extends RuntimeException {

    private final List<String> problems;

    InvalidResourcesException(List<String> problems) {
        super("Invalid EC2 and IAM resources (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, e.g. {@code ec2.source.instances[0].securityGroupIds[1]: sg-... is not a group of us-east-1}. */
    public List<String> problems() {
        return problems;
    }
}
