package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.approval.Approval;
import dev.ferry.approval.ApprovalService;
import dev.ferry.approval.ApprovalStore;
import dev.ferry.approval.ApprovalTestData;
import dev.ferry.approval.Decision;
import dev.ferry.approval.InMemoryApprovalStore;
import dev.ferry.json.Json;
import dev.ferry.sfn.TaskCallbacks;
import dev.ferry.sfn.TaskCallbacks.Delivery;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class ApprovalApiHandlerTest {

    /** The approval ID in the events/approval-*.json fixtures. */
    private static final String APPROVAL_ID = "Zq3vR8kW1tYb6NcH0mJx4LsP9aDf2GeU";
    private static final String TASK_TOKEN = "AQCEAAAAKgAAAAMAAAAAAAAAAe7Jk0token-that-must-never-leave-the-store";
    private static final Instant CREATED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private final InMemoryApprovalStore store = new InMemoryApprovalStore();
    private final TaskCallbacks callbacks = mock(TaskCallbacks.class);

    @BeforeEach
    void anOpenApprovalAndAWaitingTask() {
        store.seed(ApprovalTestData.openApproval(APPROVAL_ID, TASK_TOKEN, CREATED));
        when(callbacks.succeed(anyString(), anyString())).thenReturn(Delivery.DELIVERED);
        when(callbacks.fail(anyString(), anyString(), anyString())).thenReturn(Delivery.DELIVERED);
    }

    // --- GET -------------------------------------------------------------------------------

    @Test
    void aGetShowsTheWaveItsSummaryAndTheDecisionForm() {
        APIGatewayV2HTTPResponse response = handle(fixture("approval-get.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody())
                .contains("<h1>Approve the cutover of wave Media stack?</h1>")
                .contains("web-1 &lt;primary&gt; &amp; co (s-13a5b49c3810fa449): test passed")
                .contains("<form method=\"post\">")
                .contains("name=\"approver\" type=\"text\" required maxlength=\"200\"")
                .contains("name=\"comment\" rows=\"4\" maxlength=\"2000\"")
                .contains("name=\"decision\" value=\"approve\">Approve cutover</button>")
                .contains("name=\"decision\" value=\"reject\">Reject</button>")
                .contains("opening this page decides nothing")
                .contains("Open until 2026-03-03 09:00:00 UTC.");
    }

    @Test
    void aGetChangesNothingAndCallsNoTask() {
        handle(fixture("approval-get.json"));

        assertThat(store.writes()).isZero();
        assertThat(store.get(APPROVAL_ID).decision()).isNull();
        verifyNoInteractions(callbacks);
    }

    @Test
    void aGetOfAnUnknownIdAnswers404() {
        APIGatewayV2HTTPResponse response = handle(withApprovalId(fixture("approval-get.json"),
                "Ab3vR8kW1tYb6NcH0mJx4LsP9aDf2GeU"));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).contains("<h1>Approval not found</h1>").contains("No approval has this link.");
    }

    @Test
    void aGetOfAnExpiredUndecidedApprovalAnswers410AndChangesNothing() {
        APIGatewayV2HTTPResponse response = handleAt(CREATED.plus(ApprovalTestData.APPROVAL_TIME),
                fixture("approval-get.json"));

        assertThat(response.getStatusCode()).isEqualTo(410);
        assertThat(response.getBody()).contains("<h1>This approval has expired</h1>")
                .contains("was open until 2026-03-03 09:00:00 UTC");
        assertThat(store.writes()).isZero();
        verifyNoInteractions(callbacks);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zq3vR8kW1tYb6NcH0mJx4LsP9aDf2Ge", "Zq3vR8kW1tYb6NcH0mJx4LsP9aDf2G+/", "<script>x</script>"})
    void aMalformedIdAnswers400WithoutReachingTheStore(String malformedId) {
        ApprovalStore untouchable = mock(ApprovalStore.class);
        ApprovalApiHandler handler = new ApprovalApiHandler(
                new ApprovalService(untouchable, callbacks, Clock.fixed(NOW, ZoneOffset.UTC)));

        APIGatewayV2HTTPResponse response =
                handler.handleRequest(withApprovalId(fixture("approval-post-approve.json"), malformedId), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("This approval link is not valid").doesNotContain("<script>x");
        verifyNoInteractions(untouchable, callbacks);
    }

    // --- POST: deciding --------------------------------------------------------------------

    @Test
    void anApprovingPostEndsTheTaskWithTheApproverAndTheTimeOfTheDecision() throws Exception {
        handle(fixture("approval-post-approve.json"));

        ArgumentCaptor<String> output = ArgumentCaptor.forClass(String.class);
        verify(callbacks).succeed(org.mockito.ArgumentMatchers.eq(TASK_TOKEN), output.capture());
        JsonNode expected = Json.mapper().readTree("""
                {"approved":true,"approver":"Dana Ops","decidedAt":"2026-03-02T10:15:00Z"}""");
        assertThat(Json.mapper().readTree(output.getValue())).isEqualTo(expected);
        verify(callbacks, never()).fail(anyString(), anyString(), anyString());
    }

    @Test
    void aRejectingPostFailsTheTaskWithApprovalRejectedAndTheApproversComment() {
        handle(fixture("approval-post-reject.json"));

        verify(callbacks).fail(TASK_TOKEN, "ApprovalRejected", "dana@example.com: Wait until the DNS TTL is lowered");
        verify(callbacks, never()).succeed(anyString(), anyString());
    }

    @Test
    void aRejectionWithoutCommentSaysSoInTheCause() {
        handle(withBody(fixture("approval-post-reject.json"), "approver=Dana+Ops&comment=&decision=reject"));

        verify(callbacks).fail(TASK_TOKEN, "ApprovalRejected", "Dana Ops: (no comment)");
    }

    @Test
    void aPostRecordsWhoDecidedWhenFromWhereAndThatTheTaskGotIt() {
        handle(fixture("approval-post-approve.json"));

        Approval approval = store.get(APPROVAL_ID);
        assertThat(approval.decision()).isEqualTo(
                new Decision(true, "Dana Ops", "Test instances look good", NOW, "203.0.113.24", FIREFOX));
        assertThat(approval.delivered()).isTrue();
    }

    @Test
    void aPostShowsTheDecisionItRecorded() {
        APIGatewayV2HTTPResponse response = handle(fixture("approval-post-approve.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody())
                .contains("<h1>Cutover approved: wave Media stack</h1>")
                .contains("Your decision was recorded and sent to the wave.")
                .contains("<dt>By</dt><dd>Dana Ops</dd>")
                .contains("<dt>At</dt><dd>2026-03-02 10:15:00 UTC</dd>")
                .contains("<dt>Comment</dt><dd>Test instances look good</dd>");
    }

    @Test
    void aSecondPostShowsTheFirstDecisionAndSendsNothing() {
        handle(fixture("approval-post-approve.json"));
        int writesAfterTheDecision = store.writes();

        APIGatewayV2HTTPResponse second = handle(fixture("approval-post-reject.json"));

        assertThat(second.getStatusCode()).isEqualTo(200);
        assertThat(second.getBody())
                .contains("<h1>Cutover approved: wave Media stack</h1>")
                .contains("This approval was already decided; nothing was changed.")
                .contains("<dt>By</dt><dd>Dana Ops</dd>")
                .doesNotContain("dana@example.com");
        assertThat(store.writes()).isEqualTo(writesAfterTheDecision);
        assertThat(store.get(APPROVAL_ID).decision().approved()).isTrue();
        verify(callbacks, times(1)).succeed(anyString(), anyString());
        verify(callbacks, never()).fail(anyString(), anyString(), anyString());
    }

    @Test
    void aGetAfterTheDecisionShowsWhoDecidedWhenAndWhyAndChangesNothing() {
        store.seed(decided(rejection(), true));

        APIGatewayV2HTTPResponse response = handle(fixture("approval-get.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody())
                .contains("<h1>Cutover rejected: wave Media stack</h1>")
                .contains("<dt>By</dt><dd>Lee Network</dd>")
                .contains("<dt>At</dt><dd>2026-03-02 09:30:00 UTC</dd>")
                .contains("<dt>Comment</dt><dd>Firewall change not done</dd>")
                .doesNotContain("<form");
        assertThat(store.writes()).isZero();
        verifyNoInteractions(callbacks);
    }

    @Test
    void aDecisionRecordedButNeverDeliveredIsDeliveredByTheNextVisit() {
        store.seed(decided(rejection(), false));

        handle(fixture("approval-get.json"));

        verify(callbacks).fail(TASK_TOKEN, "ApprovalRejected", "Lee Network: Firewall change not done");
        assertThat(store.get(APPROVAL_ID).delivered()).isTrue();
        assertThat(store.get(APPROVAL_ID).decision()).isEqualTo(rejection());
    }

    @Test
    void aDecisionTheWaveNoLongerWaitsForShowsThatTheApprovalWindowClosed() {
        when(callbacks.succeed(anyString(), anyString())).thenReturn(Delivery.ALREADY_CLOSED);

        APIGatewayV2HTTPResponse response = handle(fixture("approval-post-approve.json"));

        assertThat(response.getStatusCode()).isEqualTo(410);
        assertThat(response.getBody())
                .contains("<h1>The approval window has closed</h1>")
                .contains("The decision did not change the wave.")
                .contains("<dt>By</dt><dd>Dana Ops</dd>");
        assertThat(store.get(APPROVAL_ID).delivered()).isFalse();
    }

    @Test
    void aPostToAnExpiredApprovalAnswers410AndRecordsNothing() {
        APIGatewayV2HTTPResponse response = handleAt(CREATED.plus(ApprovalTestData.APPROVAL_TIME).plusSeconds(1),
                fixture("approval-post-approve.json"));

        assertThat(response.getStatusCode()).isEqualTo(410);
        assertThat(response.getBody()).contains("<h1>This approval has expired</h1>");
        assertThat(store.writes()).isZero();
        verifyNoInteractions(callbacks);
    }

    @Test
    void aPostToAnUnknownIdAnswers404() {
        APIGatewayV2HTTPResponse response = handle(withApprovalId(fixture("approval-post-approve.json"),
                "Ab3vR8kW1tYb6NcH0mJx4LsP9aDf2GeU"));

        assertThat(response.getStatusCode()).isEqualTo(404);
        verifyNoInteractions(callbacks);
    }

    @Test
    void aPostThatLosesTheRaceToAnotherDecisionShowsTheOtherDecisionAndSendsNothing() {
        InMemoryApprovalStore racing = new InMemoryApprovalStore() {
            @Override
            public boolean decide(String approvalId, Decision decision) {
                super.decide(approvalId, rejection());
                return super.decide(approvalId, decision);
            }
        };
        racing.seed(ApprovalTestData.openApproval(APPROVAL_ID, TASK_TOKEN, CREATED));
        ApprovalApiHandler handler = new ApprovalApiHandler(
                new ApprovalService(racing, callbacks, Clock.fixed(NOW, ZoneOffset.UTC)));

        APIGatewayV2HTTPResponse response = handler.handleRequest(fixture("approval-post-approve.json"), null);

        assertThat(response.getBody()).contains("<h1>Cutover rejected: wave Media stack</h1>")
                .contains("<dt>By</dt><dd>Lee Network</dd>");
        verifyNoInteractions(callbacks);
    }

    // --- POST: what is refused ---------------------------------------------------------------

    static Stream<Arguments> unusableForms() {
        return Stream.of(
                Arguments.of("approver=+++&decision=approve", "Enter your name or email address"),
                Arguments.of("comment=fine&decision=approve", "Enter your name or email address"),
                Arguments.of("approver=" + "a".repeat(201) + "&decision=approve",
                        "The name or email address is longer than 200 characters."),
                Arguments.of("approver=Dana&comment=" + "c".repeat(2_001) + "&decision=approve",
                        "The comment is longer than 2000 characters."),
                Arguments.of("approver=Dana&decision=maybe",
                        "Unknown decision &quot;maybe&quot;: choose Approve cutover or Reject."),
                Arguments.of("approver=Dana", "Choose Approve cutover or Reject."),
                Arguments.of("approver=Dana&approver=Eve&decision=approve",
                        "The form field &quot;approver&quot; was sent more than once."),
                Arguments.of("approver=Dana%ZZ&decision=approve", "it is not properly encoded"));
    }

    @ParameterizedTest
    @MethodSource("unusableForms")
    void anUnusableFormAnswers400SayingWhatIsWrongAndRecordsNothing(String body, String message) {
        APIGatewayV2HTTPResponse response = handle(withBody(fixture("approval-post-approve.json"), body));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("<h1>This request could not be used</h1>").contains(message)
                .contains("<a href=\"" + APPROVAL_ID + "\">Back to the approval</a>");
        assertThat(store.writes()).isZero();
        verifyNoInteractions(callbacks);
    }

    @Test
    void anApproverOfExactly200CharactersIsAccepted() {
        String approver = "a".repeat(200);

        handle(withBody(fixture("approval-post-approve.json"), "approver=" + approver + "&decision=approve"));

        assertThat(store.get(APPROVAL_ID).decision().approver()).isEqualTo(approver);
    }

    @Test
    void aPostThatIsNotAFormAnswers400() {
        APIGatewayV2HTTPEvent event = withBody(fixture("approval-post-approve.json"),
                "{\"approver\":\"Dana\",\"decision\":\"approve\"}");
        event.getHeaders().put("content-type", "application/json");

        APIGatewayV2HTTPResponse response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("A decision must be sent from the approval page&#39;s form");
        assertThat(store.writes()).isZero();
    }

    @Test
    void anotherMethodAnswers405NamingTheMethodsAllowed() {
        APIGatewayV2HTTPEvent event = fixture("approval-get.json");
        event.getRequestContext().getHttp().setMethod("DELETE");

        APIGatewayV2HTTPResponse response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("Allow", "GET, POST");
        assertThat(store.writes()).isZero();
    }

    @Test
    void anApproverWithAScriptTagIsShownAsText() {
        APIGatewayV2HTTPResponse response = handle(withBody(fixture("approval-post-approve.json"),
                "approver=%3Cscript%3Ealert(%27x%27)%3C%2Fscript%3E&comment=%22%3E%3Cimg+src%3Dx%3E&decision=approve"));

        assertThat(response.getBody())
                .contains("<dd>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</dd>")
                .contains("<dd>&quot;&gt;&lt;img src=x&gt;</dd>")
                .doesNotContain("<script")
                .doesNotContain("<img");
    }

    @Test
    void aFailureBehindThePageGivesA500PageWithoutItsDetails() {
        ApprovalStore broken = mock(ApprovalStore.class);
        when(broken.find(any())).thenThrow(new IllegalStateException("table unreachable"));
        ApprovalApiHandler handler = new ApprovalApiHandler(
                new ApprovalService(broken, callbacks, Clock.fixed(NOW, ZoneOffset.UTC)));

        APIGatewayV2HTTPResponse response = handler.handleRequest(fixture("approval-get.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).contains("<h1>Something went wrong</h1>").doesNotContain("table unreachable");
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store");
    }

    @Test
    void aDecisionThatCouldNotBeSentStaysRecordedAndTheNextVisitSendsIt() {
        when(callbacks.succeed(anyString(), anyString()))
                .thenThrow(new IllegalStateException("Step Functions unreachable"))
                .thenReturn(Delivery.DELIVERED);

        APIGatewayV2HTTPResponse failed = handle(fixture("approval-post-approve.json"));
        Approval afterFailure = store.get(APPROVAL_ID);
        APIGatewayV2HTTPResponse retried = handle(fixture("approval-get.json"));

        assertThat(failed.getStatusCode()).isEqualTo(500);
        assertThat(afterFailure.decision().approver()).isEqualTo("Dana Ops");
        assertThat(afterFailure.delivered()).isFalse();
        assertThat(retried.getStatusCode()).isEqualTo(200);
        assertThat(retried.getBody()).contains("<h1>Cutover approved: wave Media stack</h1>");
        assertThat(store.get(APPROVAL_ID).delivered()).isTrue();
    }

    // --- Every page ----------------------------------------------------------------------------

    @Test
    void everyPageIsUncachedHtmlThatNoOtherSiteCanFrameOrScript() {
        SoftAssertions softly = new SoftAssertions();
        for (APIGatewayV2HTTPResponse response : oneResponseOfEachKind()) {
            Map<String, String> headers = response.getHeaders();
            softly.assertThat(headers).containsEntry("Content-Type", "text/html; charset=utf-8")
                    .containsEntry("Cache-Control", "no-store")
                    .containsEntry("X-Frame-Options", "DENY")
                    .containsEntry("Referrer-Policy", "no-referrer")
                    .containsEntry("X-Content-Type-Options", "nosniff");
            softly.assertThat(headers.get("Content-Security-Policy"))
                    .startsWith("default-src 'none'; style-src 'sha256-")
                    .contains("form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'")
                    .doesNotContain("script-src", "unsafe-inline");
            softly.assertThat(response.getBody()).startsWith("<!DOCTYPE html>").doesNotContain("<script");
        }
        softly.assertAll();
    }

    @Test
    void thePagesStyleIsExactlyTheOneTheContentSecurityPolicyAllows() throws Exception {
        APIGatewayV2HTTPResponse response = handle(fixture("approval-get.json"));

        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(response.getBody());
        assertThat(style.find()).isTrue();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(style.group(1).getBytes(StandardCharsets.UTF_8));
        assertThat(response.getHeaders().get("Content-Security-Policy"))
                .contains("style-src 'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
    }

    @Test
    void theTaskTokenAppearsInNoPageAndNoHeader() {
        SoftAssertions softly = new SoftAssertions();
        for (APIGatewayV2HTTPResponse response : oneResponseOfEachKind()) {
            softly.assertThat(response.getBody()).doesNotContain(TASK_TOKEN);
            softly.assertThat(response.getHeaders().values()).noneMatch(value -> value.contains(TASK_TOKEN));
        }
        softly.assertAll();
    }

    /** A form page, a 400, a decision just made, a decision shown again, a 404, a 405 and a 410. */
    private List<APIGatewayV2HTTPResponse> oneResponseOfEachKind() {
        List<APIGatewayV2HTTPResponse> responses = new ArrayList<>();
        responses.add(handle(fixture("approval-get.json")));
        responses.add(handle(withBody(fixture("approval-post-approve.json"), "decision=approve")));
        responses.add(handle(fixture("approval-post-approve.json")));
        responses.add(handle(fixture("approval-get.json")));
        responses.add(handle(withApprovalId(fixture("approval-get.json"), "Ab3vR8kW1tYb6NcH0mJx4LsP9aDf2GeU")));
        APIGatewayV2HTTPEvent put = fixture("approval-get.json");
        put.getRequestContext().getHttp().setMethod("PUT");
        responses.add(handle(put));
        store.seed(ApprovalTestData.openApproval(APPROVAL_ID, TASK_TOKEN, CREATED.minus(Duration.ofDays(2))));
        responses.add(handle(fixture("approval-get.json")));
        assertThat(responses).extracting(APIGatewayV2HTTPResponse::getStatusCode)
                .containsExactly(200, 400, 200, 200, 404, 405, 410);
        return responses;
    }

    // --- Helpers -------------------------------------------------------------------------------

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handleAt(NOW, event);
    }

    private APIGatewayV2HTTPResponse handleAt(Instant now, APIGatewayV2HTTPEvent event) {
        ApprovalApiHandler handler = new ApprovalApiHandler(
                new ApprovalService(store, callbacks, Clock.fixed(now, ZoneOffset.UTC)));
        return handler.handleRequest(event, null);
    }

    private static APIGatewayV2HTTPEvent fixture(String name) {
        Path file = Path.of(System.getProperty("ferry.projectRoot"), "events", name);
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(file.toString());
        event.setHeaders(new HashMap<>(event.getHeaders()));
        return event;
    }

    private static APIGatewayV2HTTPEvent withApprovalId(APIGatewayV2HTTPEvent event, String approvalId) {
        event.setPathParameters(Map.of("approvalId", approvalId));
        event.setRawPath("/approvals/" + approvalId);
        return event;
    }

    /** The event with this form body, base64-encoded as API Gateway sends it. */
    private static APIGatewayV2HTTPEvent withBody(APIGatewayV2HTTPEvent event, String body) {
        event.setBody(Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);
        return event;
    }

    private static Decision rejection() {
        return new Decision(false, "Lee Network", "Firewall change not done", Instant.parse("2026-03-02T09:30:00Z"),
                "198.51.100.7", FIREFOX);
    }

    private static Approval decided(Decision decision, boolean delivered) {
        Approval open = ApprovalTestData.openApproval(APPROVAL_ID, TASK_TOKEN, CREATED);
        return new Approval(open.approvalId(), open.waveId(), open.waveName(), open.summary(), open.taskToken(),
                open.taskAttempt(), open.createdAt(), open.expiresAt(), decision, delivered, true);
    }
}
