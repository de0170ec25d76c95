package dev.ferry.local.cloud.apigateway;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.ferry.local.cloud.apigateway.HttpRoute;
import dev.ferry.local.cloud.http.LocalRequest;
import dev.ferry.local.cloud.http.LocalResponse;
import dev.ferry.local.cloud.http.LocalService;
import dev.ferry.local.cloud.lambda.DeployedFunction;
import dev.ferry.local.cloud.lambda.LocalFunctions;
import dev.ferry.local.cloud.lambda.LocalLambdaContext;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An API Gateway HTTP API on the local cloud's port: each request on one of the template's routes
 * becomes a payload format 2.0 event for the route's function, and the function's response
 * becomes the HTTP response. Bodies that are not text are base64-encoded, as API Gateway does
 * with a form post.
 */
public final class HttpApiEndpoint implements LocalService {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final List<HttpRoute> routes;
    private final LocalFunctions functions;
    private final Clock clock;
    private final String accountId;

    public HttpApiEndpoint(List<HttpRoute> routes, LocalFunctions functions, Clock clock, String accountId) {
        this.routes = List.copyOf(routes);
        this.functions = functions;
        this.clock = clock;
        this.accountId = accountId;
    }

    @Override
    public boolean accepts(LocalRequest request) {
        return route(request).isPresent();
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        HttpRoute route = route(request).orElseThrow();
        DeployedFunction function = functions.find(route.function()).orElseThrow(() -> new IllegalStateException(
                "The route " + route.routeKey() + " names " + route.function() + ", which is not deployed"));
        APIGatewayV2HTTPEvent event = event(request, route);
        APIGatewayV2HTTPResponse response = function.runInEnvironment(handler -> handlerOf(function, handler)
                .handleRequest(event, new LocalLambdaContext(function, function.arn())));
        return toResponse(response);
    }

    private Optional<HttpRoute> route(LocalRequest request) {
        return routes.stream()
                .filter(route -> route.method().equals("ANY") || route.method().equals(request.method()))
                .filter(route -> route.match(request.path()).isPresent())
                .findFirst();
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handlerOf(DeployedFunction function,
                                                                                          Object instance) {
        if (!(instance instanceof RequestHandler<?, ?> handler)) {
            throw new IllegalStateException(function.name() + " cannot serve HTTP API events: its handler is not a RequestHandler");
        }
        // The template routes HTTP API events to it: its event type is APIGatewayV2HTTPEvent by contract.
        return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler;
    }

    private APIGatewayV2HTTPEvent event(LocalRequest request, HttpRoute route) {
        Instant now = clock.instant();
        String contentType = request.header("content-type").orElse("");
        boolean text = isText(contentType);
        String body = request.body().length == 0 ? null
                : text ? request.bodyText() : Base64.getEncoder().encodeToString(request.body());
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.routeKey())
                .withRawPath(request.path())
                .withRawQueryString(request.query())
                .withHeaders(new LinkedHashMap<>(request.headers()))
                .withQueryStringParameters(request.query().isEmpty() ? null : LocalRequest.parseForm(request.query()))
                .withPathParameters(route.match(request.path()).orElseThrow())
                .withBody(body)
                .withIsBase64Encoded(body != null && !text)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId(accountId)
                        .withApiId("local")
                        .withDomainName(request.header("host").orElse("127.0.0.1"))
                        .withDomainPrefix("local")
                        .withRequestId(UUID.randomUUID().toString())
                        .withRouteKey(route.routeKey())
                        .withStage("$default")
                        .withTime(REQUEST_TIME.format(now))
                        .withTimeEpoch(now.toEpochMilli())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(request.method())
                                .withPath(request.path())
                                .withProtocol("HTTP/1.1")
                                // The local cloud listens on loopback only.
                                .withSourceIp("127.0.0.1")
                                .withUserAgent(request.header("user-agent").orElse(null))
                                .build())
                        .build())
                .build();
    }

    private static boolean isText(String contentType) {
        String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return media.isEmpty() || media.startsWith("text/") || media.equals("application/json")
                || media.equals("application/xml") || media.equals("application/javascript");
    }

    private static LocalResponse toResponse(APIGatewayV2HTTPResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            headers.putAll(response.getHeaders());
        }
        String body = response.getBody() == null ? "" : response.getBody();
        byte[] bytes = response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        return new LocalResponse(response.getStatusCode(), headers, bytes);
    }
}
