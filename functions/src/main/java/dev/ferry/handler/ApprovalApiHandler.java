package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.ferry.approval.ApprovalHttpRequest;
import dev.ferry.approval.ApprovalService;
import dev.ferry.approval.ApprovalWeb;
import dev.ferry.approval.HtmlPage;
import dev.ferry.config.Dependencies;
import dev.ferry.events.ApprovalDecisionEvents;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import java.util.Map;

/**
 * The approval page behind the HTTP API ({@code GET} and {@code POST /approvals/{approvalId}},
 * payload format 2.0): turns the API's event into an {@link ApprovalHttpRequest} for
 * {@link ApprovalWeb} and its page into the API's response.
 */
public class ApprovalApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApprovalWeb web;

    public ApprovalApiHandler() {
        this(Dependencies.fromEnvironment());
    }

    public ApprovalApiHandler(Dependencies dependencies) {
        this(new ApprovalService(dependencies.approvalStore(), dependencies.taskCallbacks(), dependencies.clock(),
                new ApprovalDecisionEvents(dependencies.eventPublisher(), dependencies.clock())));
    }

    ApprovalApiHandler(ApprovalService service) {
        this.web = new ApprovalWeb(service);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return context == null ? answer(event) : PowertoolsLogging.withLogging(context, () -> answer(event));
    }

    private APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event) {
        HtmlPage page = web.answer(requestOf(event));
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(page.status())
                .withHeaders(page.headers())
                .withBody(page.html())
                .withIsBase64Encoded(false)
                .build();
    }

    private static ApprovalHttpRequest requestOf(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext.Http http = event.getRequestContext() == null ? null
                : event.getRequestContext().getHttp();
        Map<String, String> path = event.getPathParameters();
        return new ApprovalHttpRequest(http == null ? null : http.getMethod(),
                path == null ? null : path.get("approvalId"), event.getHeaders(), event.getBody(),
                event.getIsBase64Encoded(), http == null ? null : http.getSourceIp(),
                http == null ? null : http.getUserAgent());
    }
}
