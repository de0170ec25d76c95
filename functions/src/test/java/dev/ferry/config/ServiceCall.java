package dev.ferry.config;

import dev.ferry.testing.RecordingEndpoint;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.InitializeServiceRequest;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;

import java.io.IOException;
import java.util.Map;

/**
 * One cheap call per client {@link AwsClients} builds, with the name the SDK's endpoint settings
 * use for the service and a response the client can parse.
 */
enum ServiceCall {

    MGN("Mgn", "MGN", "application/json", "{}") {
        @Override
        void call() {
            try (MgnClient client = AwsClients.sleepingForReal(Region.EU_CENTRAL_1).mgn()) {
                client.initializeService(InitializeServiceRequest.builder().build());
            }
        }
    },
    EC2("Ec2", "EC2", "text/xml", "<DescribeRegionsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
            + "<requestId>r-1</requestId><regionInfo/></DescribeRegionsResponse>") {
        @Override
        void call() {
            try (Ec2Client client = AwsClients.sleepingForReal(Region.EU_CENTRAL_1).ec2()) {
                client.describeRegions();
            }
        }
    },
    SNS("Sns", "SNS", "text/xml", "<ListTopicsResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
            + "<ListTopicsResult><Topics/></ListTopicsResult>"
            + "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></ListTopicsResponse>") {
        @Override
        void call() {
            try (SnsClient client = AwsClients.sleepingForReal(Region.EU_CENTRAL_1).sns()) {
                client.listTopics();
            }
        }
    },
    SFN("Sfn", "SFN", "application/x-amz-json-1.0", "{\"stateMachines\":[]}") {
        @Override
        void call() {
            try (SfnClient client = AwsClients.sleepingForReal(Region.EU_CENTRAL_1).sfn()) {
                client.listStateMachines();
            }
        }
    },
    DYNAMODB("DynamoDb", "DYNAMODB", "application/x-amz-json-1.0", "{\"TableNames\":[]}") {
        @Override
        void call() {
            try (DynamoDbClient client = AwsClients.sleepingForReal(Region.EU_CENTRAL_1).dynamoDb()) {
                client.listTables();
            }
        }
    };

    private final String propertySuffix;
    private final String variableSuffix;
    private final String contentType;
    private final String responseBody;

    ServiceCall(String propertySuffix, String variableSuffix, String contentType, String responseBody) {
        this.propertySuffix = propertySuffix;
        this.variableSuffix = variableSuffix;
        this.contentType = contentType;
        this.responseBody = responseBody;
    }

    /** Builds the client as a function does and makes one call with it. */
    abstract void call();

    /** The JVM property that sends only this service elsewhere, e.g. {@code aws.endpointUrlMgn}. */
    String endpointProperty() {
        return "aws.endpointUrl" + propertySuffix;
    }

    /** The environment variable that sends only this service elsewhere, e.g. {@code AWS_ENDPOINT_URL_MGN}. */
    String endpointVariable() {
        return "AWS_ENDPOINT_URL_" + variableSuffix;
    }

    /** A local endpoint that answers this service's call with a success. */
    RecordingEndpoint recordingEndpoint() throws IOException {
        return new RecordingEndpoint().respond(200, responseHeaders(), responseBody());
    }

    Map<String, String> responseHeaders() {
        return Map.of("Content-Type", contentType);
    }

    String responseBody() {
        return responseBody;
    }

    /**
     * Runs the calls named on the command line in a JVM of their own, so that a test can give
     * them an environment of its choosing. Exits with 1 and the failure on standard error when a
     * call fails.
     */
    static final class InChildJvm {

        private InChildJvm() {
        }

        public static void main(String[] services) {
            try {
                for (String service : services) {
                    valueOf(service).call();
                }
            } catch (RuntimeException failure) {
                failure.printStackTrace();
                System.exit(1);
            }
        }
    }
}
