package dev.ferry.cli;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The SDK clients of one command, all in the stack's region, with the SDK's default credential
 * chain (environment, profile, SSO, instance role: never a key on the command line), sent to the
 * given endpoint when there is one, and held to the command's {@link AllowedCalls}. Closing closes
 * the clients built.
 */
final class AwsAccess implements AutoCloseable {

    private final StackOptions stack;
    private final AllowedCalls allowed;
    private final List<SdkClient> built = new ArrayList<>();

    AwsAccess(StackOptions stack, AllowedCalls allowed) {
        this.stack = stack;
        this.allowed = allowed;
    }

    StackOptions stack() {
        return stack;
    }

    AllowedCalls allowed() {
        return allowed;
    }

    CloudFormationClient cloudFormation() {
        return keep(configure(CloudFormationClient.builder()).build());
    }

    DynamoDbClient dynamoDb() {
        return keep(configure(DynamoDbClient.builder()).build());
    }

    SfnClient stepFunctions() {
        return keep(configure(SfnClient.builder()).build());
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        // One HTTP client chosen, as in the functions: every call of these commands is a small request.
        builder.httpClientBuilder(UrlConnectionHttpClient.builder());
        builder.region(stack.region())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(allowed).build());
        stack.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    private synchronized <C extends SdkClient> C keep(C client) {
        built.add(client);
        return client;
    }

    @Override
    public synchronized void close() {
        built.forEach(SdkClient::close);
        built.clear();
    }
}
