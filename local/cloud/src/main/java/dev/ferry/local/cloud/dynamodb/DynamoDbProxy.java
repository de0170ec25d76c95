package dev.ferry.local.cloud.dynamodb;

import dev.ferry.local.cloud.http.LocalRequest;
import dev.ferry.local.cloud.http.LocalResponse;
import dev.ferry.local.cloud.http.LocalService;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * DynamoDB's JSON 1.0 requests ({@code X-Amz-Target: DynamoDB_20120810.*}) on the local cloud's
 * port, passed on to DynamoDB Local, so that one endpoint serves every AWS CLI command and the
 * handlers' requests are counted.
 */
public final class DynamoDbProxy implements LocalService {

    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    /** Headers the JDK's client sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade");

    private final URI dynamoDb;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final LongAdder requests = new LongAdder();

    public DynamoDbProxy(URI dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    @Override
    public boolean accepts(LocalRequest request) {
        return request.header("x-amz-target").orElse("").startsWith(TARGET_PREFIX);
    }

    /** How many requests it has passed on. */
    public long requests() {
        return requests.sum();
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        requests.increment();
        HttpRequest.Builder forwarded = HttpRequest.newBuilder(dynamoDb.resolve(request.path()))
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name)) {
                forwarded.header(name, value);
            }
        });
        try {
            HttpResponse<byte[]> response = client.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                    headers.put(name, String.join(",", values));
                }
            });
            return new LocalResponse(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            return LocalResponse.of(503, "application/x-amz-json-1.0",
                    "{\"__type\":\"ServiceUnavailable\",\"message\":\"DynamoDB Local did not answer\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LocalResponse.of(503, "application/x-amz-json-1.0",
                    "{\"__type\":\"ServiceUnavailable\",\"message\":\"Interrupted\"}");
        }
    }
}
