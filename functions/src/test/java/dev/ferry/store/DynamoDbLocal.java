package dev.ferry.store;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * DynamoDB Local, in memory and in this JVM, reached through its real HTTP API with a real
 * {@link DynamoDbClient}: one server per test class, and the Ferry table (as
 * {@link FerryTable#createTableRequest} defines it) created afresh before each test, so that
 * tests share nothing. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DynamoDbLocal DYNAMO_DB = new DynamoDbLocal();
 * }</pre>
 *
 * DynamoDB Local keeps its tables in SQLite through sqlite4java, which loads a native library
 * from the folder named by the system property {@value #NATIVE_LIBRARY_PATH}; the build copies the
 * libraries there and surefire sets the property (see pom.xml).
 */
public final class DynamoDbLocal implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    /** The table every test gets. */
    public static final String TABLE_NAME = "ferry-test";

    private static final String NATIVE_LIBRARY_PATH = "sqlite4java.library.path";

    private DynamoDBProxyServer server;
    private DynamoDbClient client;
    private URI endpoint;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (System.getProperty(NATIVE_LIBRARY_PATH) == null) {
            throw new IllegalStateException("DynamoDB Local needs the system property " + NATIVE_LIBRARY_PATH
                    + " naming the folder of the sqlite4java native libraries; run the tests with Maven");
        }
        // DynamoDB Local logs every request, and every failed condition with its stack trace: the
        // conditional writes under test would bury the test output.
        Configurator.setLevel("com.amazonaws.services.dynamodbv2", Level.ERROR);
        Configurator.setLevel("org.eclipse.jetty", Level.WARN);
        int port = freePort();
        // -sharedDb: one database whatever the credentials and region of a client, so that clients
        // built elsewhere (from AWS_ENDPOINT_URL, say) see the same tables.
        server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                "-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
        server.start();
        endpoint = URI.create("http://localhost:" + port);
        client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        try {
            client.deleteTable(delete -> delete.tableName(TABLE_NAME));
        } catch (ResourceNotFoundException firstTestOfTheClass) {
            // Nothing to drop yet.
        }
        // DynamoDB Local creates tables ACTIVE at once: no need to wait.
        client.createTable(FerryTable.createTableRequest(TABLE_NAME));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    /** A client of this DynamoDB Local, valid for the whole test class. */
    public DynamoDbClient client() {
        return client;
    }

    /** Where this DynamoDB Local listens, for clients built elsewhere (such as from AWS_ENDPOINT_URL). */
    public URI endpoint() {
        return endpoint;
    }

    public String tableName() {
        return TABLE_NAME;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
