package dev.ferry.approval;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approval pages over HTTP: GET shows a confirmation page, only POST (from the page's form)
 * decides, anything else is refused; every answer is an HTML page and none holds the task token.
 */
public final class ApprovalWeb {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalWeb.class);
    private static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

    private final ApprovalService service;

    public ApprovalWeb(ApprovalService service) {
        this.service = service;
    }

    /** The page that answers the request; a broken request gets a page saying what is wrong. */
    public HtmlPage answer(ApprovalHttpRequest request) {
        try {
            return respond(request);
        } catch (InvalidApprovalRequestException e) {
            return ApprovalPages.badRequest(e.getMessage(), request.wellFormedId());
        } catch (RuntimeException e) {
            // The person gets a page rather than API Gateway's bare error; the cause goes to the log.
            LOG.error("Approval request failed", e);
            return ApprovalPages.unavailable();
        }
    }

    private HtmlPage respond(ApprovalHttpRequest request) {
        if (!"GET".equals(request.method()) && !"POST".equals(request.method())) {
            return ApprovalPages.methodNotAllowed();
        }
        String approvalId = request.wellFormedId();
        if (approvalId == null) {
            throw new InvalidApprovalRequestException(
                    "This approval link is not valid: it is incomplete or was changed. Open the whole link from the email.");
        }
        if ("GET".equals(request.method())) {
            return ApprovalPages.render(service.show(approvalId));
        }
        return ApprovalPages.render(service.decide(approvalId, submission(request)));
    }

    private static DecisionSubmission submission(ApprovalHttpRequest request) {
        String contentType = request.header("content-type");
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip();
        if (!FORM_CONTENT_TYPE.equalsIgnoreCase(mediaType)) {
            throw new InvalidApprovalRequestException(
                    "A decision must be sent from the approval page's form (" + FORM_CONTENT_TYPE + ").");
        }
        return ApprovalForm.read(request.text(), request.sourceIp(), request.userAgentOrHeader());
    }
}
