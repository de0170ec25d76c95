package dev.ferry.approval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The approval pages, as plain HTML with a little CSS and no script. Everything that comes from
 * people (the approver, the comment, server names in the summary) is escaped. Every page goes out
 * with a strict Content-Security-Policy that allows only this page's own style element (by its
 * hash) and form posts to this site, and with headers that keep it out of caches, frames and
 * referrers, since the URL itself is what grants the right to decide.
 */
public final class ApprovalPages {

    private static final String STYLE = "body{font-family:system-ui,-apple-system,\"Segoe UI\",sans-serif;"
            + "max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2328;line-height:1.5}"
            + "h1{font-size:1.5rem}"
            + "pre{white-space:pre-wrap;background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:1rem}"
            + "label{display:block;margin-top:1rem;font-weight:600}"
            + "input,textarea{width:100%;box-sizing:border-box;padding:.5rem;font:inherit;"
            + "border:1px solid #d0d7de;border-radius:6px}"
            + ".actions{display:flex;gap:.75rem;margin-top:1.25rem}"
            + "button{padding:.6rem 1.2rem;font:inherit;font-weight:600;border:0;border-radius:6px;color:#fff}"
            + ".approve{background:#1a7f37}.reject{background:#cf222e}"
            + ".note{color:#59636e}"
            + "dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}";

    private static final Map<String, String> HEADERS = securityHeaders();

    private ApprovalPages() {
    }

    /** The page for where an approval stands. */
    public static HtmlPage render(ApprovalOutcome outcome) {
        return switch (outcome) {
            case ApprovalOutcome.NotFound notFound -> page(404, "Approval not found",
                    "<p>No approval has this link. Check that the whole link from the email was opened;"
                            + " some mail programs break long links over two lines.</p>");
            case ApprovalOutcome.AwaitingDecision awaiting -> awaitingDecision(awaiting.approval());
            case ApprovalOutcome.Expired expired -> page(410, "This approval has expired",
                    "<p>The approval of wave " + strong(expired.approval().waveName()) + " was open until "
                            + time(expired.approval().expiresAt()) + ". Nobody decided in time, so the cutover"
                            + " does not go ahead through this link.</p>");
            case ApprovalOutcome.Decided decided -> decided(decided);
            case ApprovalOutcome.WindowClosed closed -> page(410, "The approval window has closed",
                    "<p>The decision below is recorded, but the wave was no longer waiting for it: its approval"
                            + " step had already ended (its time limit passed, or the wave was stopped). The"
                            + " decision did not change the wave.</p>"
                            + decision(closed.decision()) + summary(closed.approval()));
        };
    }

    /**
     * A 400 page saying what is wrong with the request.
     *
     * @param approvalId a well-formed approval ID to link back to, or null
     */
    public static HtmlPage badRequest(String problem, String approvalId) {
        String back = approvalId == null ? ""
                : "<p><a href=\"" + Html.escape(approvalId) + "\">Back to the approval</a></p>";
        return page(400, "This request could not be used", "<p>" + Html.escape(problem) + "</p>" + back);
    }

    /** A 405 page, with the Allow header listing the methods the page answers. */
    public static HtmlPage methodNotAllowed() {
        HtmlPage page = page(405, "Method not allowed",
                "<p>This page only shows an approval (GET) and records a decision sent from its form (POST).</p>");
        Map<String, String> headers = new LinkedHashMap<>(page.headers());
        headers.put("Allow", "GET, POST");
        return new HtmlPage(page.status(), page.html(), headers);
    }

    /** A 500 page for a failure of the store or of Step Functions. */
    public static HtmlPage unavailable() {
        return page(500, "Something went wrong",
                "<p>The approval could not be handled just now. Reload this page in a moment: it shows whether a"
                        + " decision was recorded, and sends a recorded decision that has not reached the wave"
                        + " yet.</p>");
    }

    private static HtmlPage awaitingDecision(ApprovalView approval) {
        String body = "<p>Nothing has been decided yet, and opening this page decides nothing. The cutover is"
                + " approved or rejected only when you enter your name and press one of the buttons below.</p>"
                + summary(approval)
                + "<form method=\"post\">"
                + "<label for=\"approver\">Your name or email address (required)</label>"
                + "<input id=\"approver\" name=\"approver\" type=\"text\" required maxlength=\""
                + ApprovalForm.MAX_APPROVER + "\">"
                + "<label for=\"comment\">Comment (optional)</label>"
                + "<textarea id=\"comment\" name=\"comment\" rows=\"4\" maxlength=\"" + ApprovalForm.MAX_COMMENT
                + "\"></textarea>"
                + "<div class=\"actions\">"
                + "<button class=\"approve\" type=\"submit\" name=\"decision\" value=\"approve\">Approve cutover</button>"
                + "<button class=\"reject\" type=\"submit\" name=\"decision\" value=\"reject\">Reject</button>"
                + "</div></form>"
                + "<p class=\"note\">Open until " + time(approval.expiresAt()) + ".</p>";
        return page(200, "Approve the cutover of wave " + approval.waveName() + "?", body);
    }

    private static HtmlPage decided(ApprovalOutcome.Decided decided) {
        String status = decided.recordedNow()
                ? "<p>Your decision was recorded and sent to the wave.</p>"
                : "<p>This approval was already decided; nothing was changed.</p>";
        String title = decided.decision().approved() ? "Cutover approved" : "Cutover rejected";
        return page(200, title + ": wave " + decided.approval().waveName(),
                status + decision(decided.decision()) + summary(decided.approval()));
    }

    private static String decision(Decision decision) {
        return "<dl>"
                + "<dt>Decision</dt><dd>" + (decision.approved() ? "Approved" : "Rejected") + "</dd>"
                + "<dt>By</dt><dd>" + Html.escape(decision.approver()) + "</dd>"
                + "<dt>At</dt><dd>" + time(decision.decidedAt()) + "</dd>"
                + "<dt>Comment</dt><dd>" + (decision.comment() == null ? "none" : Html.escape(decision.comment()))
                + "</dd></dl>";
    }

    private static String summary(ApprovalView approval) {
        return "<h2>The cutover</h2><pre>" + Html.escape(approval.summary()) + "</pre>";
    }

    private static String strong(String text) {
        return "<strong>" + Html.escape(text) + "</strong>";
    }

    private static String time(Instant instant) {
        return Html.escape(DisplayTime.of(instant));
    }

    private static HtmlPage page(int status, String title, String body) {
        String html = "<!DOCTYPE html>\n"
                + "<html lang=\"en\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex, nofollow\">\n"
                + "<title>" + Html.escape(title) + " - Ferry</title>\n"
                + "<style>" + STYLE + "</style>\n"
                + "</head>\n<body>\n<main>\n"
                + "<h1>" + Html.escape(title) + "</h1>\n"
                + body + "\n"
                + "</main>\n</body>\n</html>\n";
        return new HtmlPage(status, html, HEADERS);
    }

    private static Map<String, String> securityHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/html; charset=utf-8");
        headers.put("Cache-Control", "no-store");
        headers.put("Content-Security-Policy", "default-src 'none'; style-src '" + styleHash() + "';"
                + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Content-Type-Options", "nosniff");
        return Map.copyOf(headers);
    }

    private static String styleHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(STYLE.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
