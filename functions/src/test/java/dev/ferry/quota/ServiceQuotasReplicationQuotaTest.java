package dev.ferry.quota;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Service Quotas client against an endpoint that answers as Service Quotas' JSON protocol does. */
class ServiceQuotasReplicationQuotaTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Answer> answers = new ArrayList<>();
    private HttpServer server;

    private record Answer(int status, String errorType, String body) {
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theQuotaIsReadFromTheMgnQuotaOfReplicatingServersAcrossPages() throws IOException {
        answer(200, null, """
                {"Quotas": [{"QuotaName": "Max concurrent jobs", "QuotaCode": "L-JOBS", "Value": 20.0}],
                 "NextToken": "page-2"}""");
        answer(200, null, """
                {"Quotas": [{"QuotaName": "Max concurrent replicating source servers", "QuotaCode": "L-REPL",
                             "Value": 1200.0}]}""");

        OptionalInt quota = new ServiceQuotasReplicationQuota(client()).replicatingServers();

        assertThat(quota).hasValue(1200);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0)).contains("\"ServiceCode\":\"mgn\"");
        assertThat(requests.get(1)).contains("\"NextToken\":\"page-2\"");
    }

    @Test
    void aRoleThatMayNotReadServiceQuotasLeavesTheWavesSettingInForce() throws IOException {
        answer(400, "AccessDeniedException", "{\"message\": \"not authorized to perform servicequotas:ListServiceQuotas\"}");

        assertThat(new ServiceQuotasReplicationQuota(client()).replicatingServers()).isEmpty();
        assertThat(requests).hasSize(1);
    }

    @Test
    void noQuotaOfReplicatingServersInTheListLeavesTheWavesSettingInForce() throws IOException {
        answer(200, null, "{\"Quotas\": [{\"QuotaName\": \"Max non-archived source servers\", \"Value\": 4000.0}]}");

        assertThat(new ServiceQuotasReplicationQuota(client()).replicatingServers()).isEmpty();
    }

    private void answer(int status, String errorType, String body) {
        answers.add(new Answer(status, errorType, body));
    }

    private ServiceQuotasClient client() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Answer answer = answers.get(Math.min(requests.size(), answers.size()) - 1);
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            if (answer.errorType() != null) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", answer.errorType());
            }
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return ServiceQuotasClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
