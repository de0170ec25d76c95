package dev.ferry.config;

import dev.ferry.retry.Sleeper;
import dev.ferry.testing.RecordingEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The priming before a SnapStart snapshot: one harmless read per client of the function's region
 * that init built, made only when the checkpoint comes, and an error answer changes nothing.
 */
class ClientPrimingTest {

    private static final String[] PROPERTIES = {"aws.accessKeyId", "aws.secretAccessKey", "aws.endpointUrl"};

    @AfterEach
    void clearProperties() {
        for (String property : PROPERTIES) {
            System.clearProperty(property);
        }
    }

    @Test
    void eachClientBuiltIsPrimedWithOneReadAtTheCheckpointAndNotBefore() throws IOException {
        try (RecordingEndpoint endpoint = new RecordingEndpoint()) {
            AwsClients clients = clientsSentTo(endpoint);
            clients.dynamoDb();
            clients.sfn();
            clients.mgn();

            assertThat(endpoint.requests()).as("building a client calls nothing").isEmpty();
            clients.priming().beforeCheckpoint(null);

            assertThat(endpoint.requests()).hasSize(3);
            assertThat(endpoint.requests()).extracting(RecordingEndpoint.Request::authorization)
                    .anyMatch(scope -> scope.contains("/dynamodb/"))
                    .anyMatch(scope -> scope.contains("/states/"))
                    .anyMatch(scope -> scope.contains("/mgn/"));
        }
    }

    @Test
    void aReadTheRoleMayNotMakeIsAnsweredWithAnErrorAndThePrimingGoesOn() throws IOException {
        try (RecordingEndpoint endpoint = new RecordingEndpoint()) {
            endpoint.respond(400, Map.of("Content-Type", "application/x-amz-json-1.0"),
                    "{\"__type\":\"AccessDeniedException\",\"message\":\"not allowed\"}");
            AwsClients clients = clientsSentTo(endpoint);
            clients.dynamoDb();
            clients.sfn();

            int answered = clients.priming().primeAll();

            assertThat(answered).isZero();
            assertThat(endpoint.requests()).as("an error stops neither read").hasSize(2);
        }
    }

    @Test
    void theClientsOfASourceRegionBuiltDuringAnInvocationAreNotPrimed() {
        AwsClients clients = new AwsClients(Region.EU_CENTRAL_1, Sleeper.threadSleep());
        clients.ec2(Region.EU_WEST_1);
        clients.ssm(Region.EU_WEST_1);

        assertThat(clients.priming().size()).isZero();
    }

    private static AwsClients clientsSentTo(RecordingEndpoint endpoint) {
        System.setProperty("aws.accessKeyId", "AKIDPRIMING");
        System.setProperty("aws.secretAccessKey", "secret");
        System.setProperty("aws.endpointUrl", endpoint.uri().toString());
        return new AwsClients(Region.EU_CENTRAL_1, Sleeper.threadSleep());
    }
}
