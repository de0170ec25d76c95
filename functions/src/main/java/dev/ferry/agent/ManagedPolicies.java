package dev.ferry.agent;

/**
 * The AWS managed policies an EC2 source's role needs for agent installation without keys: the
 * replication agent registers with {@value #MGN_EC2_INSTANCE} and SSM Run Command reaches the
 * instance with {@value #SSM_MANAGED_INSTANCE_CORE}.
 */
public final class ManagedPolicies {

    public static final String MGN_EC2_INSTANCE = "AWSApplicationMigrationServiceEc2InstancePolicy";
    public static final String SSM_MANAGED_INSTANCE_CORE = "AmazonSSMManagedInstanceCore";

    private static final String DEFAULT_PARTITION = "aws";

    private ManagedPolicies() {
    }

    /** The ARN of an AWS managed policy in a partition: {@code arn:aws:iam::aws:policy/<name>}. */
    public static String arn(String partition, String policyName) {
        return "arn:" + partition + ":iam::aws:policy/" + policyName;
    }

    /** Whether one of these policy ARNs is the AWS managed policy of that name, in any partition. */
    public static boolean includes(Iterable<String> policyArns, String policyName) {
        for (String arn : policyArns) {
            if (arn.startsWith("arn:") && arn.endsWith(":iam::aws:policy/" + policyName)) {
                return true;
            }
        }
        return false;
    }

    /** The partition of an ARN ({@code aws}, {@code aws-cn}, {@code aws-us-gov}); {@code aws} when unknown. */
    public static String partitionOf(String arn) {
        if (arn == null) {
            return DEFAULT_PARTITION;
        }
        String[] parts = arn.split(":", 3);
        return parts.length == 3 && "arn".equals(parts[0]) && !parts[1].isEmpty() ? parts[1] : DEFAULT_PARTITION;
    }
}
