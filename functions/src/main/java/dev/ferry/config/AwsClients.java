package dev.ferry.config;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** Placeholder being replaced by the real client factory. */
public final class AwsClients {

    private AwsClients() {
    }

    public static MgnClient mgn() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static Ec2Client ec2() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static SnsClient sns() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static SfnClient sfn() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static DynamoDbClient dynamoDb() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
