package dev.ferry.local.cloud.faults;

/** The simulated services that can be told to fail, by their field in the environment file. */
public enum FaultyServiceName {
    MGN("mgn"),
    EC2("ec2"),
    IAM("iam"),
    SSM("ssm"),
    SNS("sns"),
    ROUTE53("route53"),
    DYNAMODB("dynamodb"),
    S3("s3");

    private final String fieldName;

    FaultyServiceName(String fieldName) {
        this.fieldName = fieldName;
    }

    public String fieldName() {
        return fieldName;
    }
}
