package dev.ferry.local.cloud.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

/**
 * DynamoDB Local, in memory and in this process, on a free loopback port, holding one table. Its native SQLite library is loaded from the folder that
 * the system property {@value #NATIVE_LIBRARY_PATH} names (the build copies it beside the jars).
 */
public final class LocalDynamoDb implements AutoCloseable {

    /** Where sqlite4java looks for its native library. */
    public static final String NATIVE_LIBRARY_PATH = "sqlite4java.library.path";

    private final DynamoDBProxyServer server;
    private final URI endpoint;
    private final DynamoDbClient client;

    private LocalDynamoDb(DynamoDBProxyServer server, URI endpoint, DynamoDbClient client) {
        this.server = server;
        this.endpoint = endpoint;
        this.client = client;
    }

    /** Starts DynamoDB Local and creates {@code table} in it. */
    public static LocalDynamoDb start(CreateTableRequest table, Region region) {
        if (System.getProperty(NATIVE_LIBRARY_PATH) == null) {
            throw new IllegalStateException("DynamoDB Local needs the system property " + NATIVE_LIBRARY_PATH
                    + " naming the folder of the sqlite4java native libraries (bin/ferry sets it)");
        }
        // DynamoDB Local logs every request and every failed condition: the controller's conditional
        // writes fail on purpose and would fill the log.
        Configurator.setLevel("com.amazonaws.services.dynamodbv2", Level.ERROR);
        Configurator.setLevel("org.eclipse.jetty", Level.WARN);
        int port = freePort();
        DynamoDBProxyServer server;
        try {
            // -sharedDb: one database whatever the credentials and region of a client.
            server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                    "-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start: " + e.getMessage(), e);
        }
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        client.createTable(table);
        return new LocalDynamoDb(server, endpoint, client);
    }

    /** Where it listens. */
    public URI endpoint() {
        return endpoint;
    }

    /** A client of it, for the rehearsal's own reads. */
    public DynamoDbClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop: " + e.getMessage(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
