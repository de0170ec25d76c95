package dev.ferry.local.cloud.http;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;

/** SDK clients of the tests, pointed at a local cloud server. */
public final class LocalClients {

    private LocalClients() {
    }

    /**
     * {@code builder} set for {@code server}: its endpoint, {@code region} to sign for, throw-away credentials (the
     * local cloud checks none) and the URL connection HTTP client the handlers use; ready to build.
     */
    public static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B pointedAt(B builder,
                                                                                             LocalCloudServer server,
                                                                                             Region region) {
        return builder.endpointOverride(URI.create(server.endpoint()))
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create());
    }
}
