package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.ferry.approval.ApprovalForm;
import dev.ferry.approval.ApprovalIds;
import dev.ferry.approval.ApprovalPages;
import dev.ferry.approval.ApprovalService;
import dev.ferry.approval.DecisionSubmission;
import dev.ferry.approval.HtmlPage;
import dev.ferry.approval.InvalidApprovalRequestException;
import dev.ferry.config.Dependencies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * The approval page behind the HTTP API ({@code GET} and {@code POST /approvals/{approvalId}},
 * payload format 2.0). GET only shows; POST records the decision sent by the page's form. Every
 * answer is an HTML page; the task token never appears in one.
 */
public class ApprovalApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalApiHandler.class);
    private static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

    private final ApprovalService service;

    public ApprovalApiHandler() {
        this(Dependencies.fromEnvironment());
    }

    public ApprovalApiHandler(Dependencies dependencies) {
        this(new ApprovalService(dependencies.approvalStore(), dependencies.taskCallbacks(), dependencies.clock()));
    }

    ApprovalApiHandler(ApprovalService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return context == null ? answer(event) : PowertoolsLogging.withLogging(context, () -> answer(event));
    }

    private APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event) {
        HtmlPage page;
        try {
            page = respond(event);
        } catch (InvalidApprovalRequestException e) {
            page = ApprovalPages.badRequest(e.getMessage(), wellFormedId(event));
        } catch (RuntimeException e) {
            // The person gets a page rather than API Gateway's bare error; the cause goes to the log.
            LOG.error("Approval request failed", e);
            page = ApprovalPages.unavailable();
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(page.status())
                .withHeaders(page.headers())
                .withBody(page.html())
                .withIsBase64Encoded(false)
                .build();
    }

    private HtmlPage respond(APIGatewayV2HTTPEvent event) {
        String method = method(event);
        if (!"GET".equals(method) && !"POST".equals(method)) {
            return ApprovalPages.methodNotAllowed();
        }
        String approvalId = wellFormedId(event);
        if (approvalId == null) {
            throw new InvalidApprovalRequestException(
                    "This approval link is not valid: it is incomplete or was changed. Open the whole link from the email.");
        }
        if ("GET".equals(method)) {
            return ApprovalPages.render(service.show(approvalId));
        }
        return ApprovalPages.render(service.decide(approvalId, submission(event)));
    }

    private static DecisionSubmission submission(APIGatewayV2HTTPEvent event) {
        String contentType = header(event, "content-type");
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip();
        if (!FORM_CONTENT_TYPE.equalsIgnoreCase(mediaType)) {
            throw new InvalidApprovalRequestException(
                    "A decision must be sent from the approval page's form (" + FORM_CONTENT_TYPE + ").");
        }
        APIGatewayV2HTTPEvent.RequestContext.Http http = event.getRequestContext() == null ? null
                : event.getRequestContext().getHttp();
        String sourceIp = http == null ? null : http.getSourceIp();
        String userAgent = http != null && http.getUserAgent() != null ? http.getUserAgent()
                : header(event, "user-agent");
        return ApprovalForm.read(body(event), sourceIp, userAgent);
    }

    /** The body as text; API Gateway base64-encodes bodies it does not consider text. */
    private static String body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null || !event.getIsBase64Encoded()) {
            return body;
        }
        try {
            return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidApprovalRequestException("The form could not be read: its encoding is broken.");
        }
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        if (event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                || event.getRequestContext().getHttp().getMethod() == null) {
            return "";
        }
        return event.getRequestContext().getHttp().getMethod().toUpperCase(Locale.ROOT);
    }

    /** The path's approval ID when it has the shape of one, else null. */
    private static String wellFormedId(APIGatewayV2HTTPEvent event) {
        Map<String, String> path = event.getPathParameters();
        String candidate = path == null ? null : path.get("approvalId");
        return ApprovalIds.isWellFormed(candidate) ? candidate : null;
    }

    /** HTTP APIs lower-case header names, but nothing here depends on it. */
    private static String header(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }
}
