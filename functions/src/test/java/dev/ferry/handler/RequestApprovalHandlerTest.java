package dev.ferry.handler;

import dev.ferry.approval.Approval;
import dev.ferry.approval.ApprovalIds;
import dev.ferry.approval.ApprovalRequest;
import dev.ferry.approval.ApprovalRequestService;
import dev.ferry.approval.ApprovalRequested;
import dev.ferry.approval.ApprovalService;
import dev.ferry.approval.ApprovalTestData;
import dev.ferry.approval.Decision;
import dev.ferry.approval.InMemoryApprovalStore;
import dev.ferry.json.Json;
import dev.ferry.notify.Notification;
import dev.ferry.notify.Notifier;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.Stage;
import dev.ferry.server.UnknownWaveException;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;
import dev.ferry.sfn.TaskAttempt;
import dev.ferry.sfn.TaskCallbacks;
import dev.ferry.wave.WaveFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class RequestApprovalHandlerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");
    private static final String FIRST_TOKEN = "AQCEAAAAKgAAAAMAAAAAAAAAAfirst-task-token-4f1b2c";
    private static final String RETRY_TOKEN = "AQCEAAAAKgAAAAMAAAAAAAAAAretry-task-token-9e8d7c";
    /** The attempts of the task that the two tokens belong to: the first, and its retry. */
    private static final TaskAttempt FIRST = new TaskAttempt(NOW, 0);
    private static final TaskAttempt RETRY = new TaskAttempt(NOW, 1);
    private static final String BASE_URL = "https://a1b2c3d4e5.execute-api.eu-central-1.amazonaws.com/";

    private final WaveStore waves = mock(WaveStore.class, CALLS_REAL_METHODS);
    private final Notifier notifier = mock(Notifier.class);
    private final InMemoryApprovalStore approvals = new InMemoryApprovalStore();
    private final TaskCallbacks callbacks = mock(TaskCallbacks.class);
    private final RequestApprovalHandler handler = handlerOver(approvals);

    /** The approval time limit of events/start-wave.json. */
    private static final Duration APPROVAL_TIME = Duration.ofHours(24);

    private final ServerRecord mediaServer =
            ApprovalTestData.testedServer("s-13a5b49c3810fa449", "media-server", "i-0a1b2c3d4e5f60718");
    private final ServerRecord mediaDb =
            ApprovalTestData.failedServer("s-4c55e9f7e2b7d1c3e", "media-db", "TCP port 22 refused the connection");

    @BeforeEach
    void theWaveOfStartWaveJsonReadyForCutover() {
        WaveRecord wave = new WaveRecord(ApprovalTestData.WAVE_ID, "arn:aws:states:eu-central-1:111122223333:execution:"
                + "ferry-wave:" + ApprovalTestData.WAVE_ID, WaveFiles.parse("start-wave.json"),
                WaveRecord.WaveStatus.RUNNING, null, ApprovalTestData.STARTED, null, null);
        when(waves.find(ApprovalTestData.WAVE_ID)).thenReturn(Optional.of(wave));
        when(waves.servers(ApprovalTestData.WAVE_ID)).thenReturn(List.of(mediaServer, mediaDb));
    }

    @Test
    void theFirstRequestStoresOneApprovalForTheTaskOpenForTheWavesApprovalTime() throws IOException {
        invoke(FIRST_TOKEN);

        Approval approval = approvals.ofWave(ApprovalTestData.WAVE_ID).orElseThrow();
        assertThat(approvals.size()).isEqualTo(1);
        assertThat(ApprovalIds.isWellFormed(approval.approvalId())).isTrue();
        assertThat(approval.taskToken()).isEqualTo(FIRST_TOKEN);
        assertThat(approval.createdAt()).isEqualTo(NOW);
        assertThat(approval.expiresAt()).isEqualTo(NOW.plus(APPROVAL_TIME));
        assertThat(approval.decision()).isNull();
        assertThat(approval.summary()).contains("media-server (s-13a5b49c3810fa449): test passed")
                .contains("media-db (s-4c55e9f7e2b7d1c3e): failed in test validation");
    }

    @Test
    void theFirstRequestEmailsTheSummaryWithExactlyOneLinkToTheApprovalPage() throws IOException {
        invoke(FIRST_TOKEN);

        Notification email = sentEmail();
        Approval approval = approvals.ofWave(ApprovalTestData.WAVE_ID).orElseThrow();
        assertThat(email.subject()).isEqualTo("Approve the cutover of wave media-stack-wave-1?");
        assertThat(email.body())
                .startsWith(approval.summary())
                .contains("https://a1b2c3d4e5.execute-api.eu-central-1.amazonaws.com/approvals/"
                        + approval.approvalId() + "\n");
        assertThat(Pattern.compile("://").matcher(email.body()).results().count()).isEqualTo(1);
    }

    @Test
    void theEmailSaysTheLinkOnlyOpensAConfirmationPage() throws IOException {
        invoke(FIRST_TOKEN);

        assertThat(sentEmail().body())
                .contains("The link opens a confirmation page. Nothing is decided by opening it")
                .contains("The link is valid until 2026-03-03 10:15:00 UTC.");
    }

    @Test
    void aRetriedTaskReusesTheApprovalRebindsItToTheNewTokenAndSendsNoSecondEmail() throws IOException {
        invoke(FIRST_TOKEN);
        String approvalId = approvals.ofWave(ApprovalTestData.WAVE_ID).orElseThrow().approvalId();

        ApprovalRequested answer = invoke(RETRY_TOKEN);

        assertThat(approvals.size()).isEqualTo(1);
        assertThat(approvals.get(approvalId).taskToken()).isEqualTo(RETRY_TOKEN);
        assertThat(answer.emailSent()).isFalse();
        verify(notifier, times(1)).publish(any());
    }

    @Test
    void aHandlerOfTheFirstAttemptThatRanOnAfterTheRetryLeavesTheApprovalOnTheRetrysToken() throws IOException {
        invoke(RETRY_TOKEN);
        String approvalId = approvals.ofWave(ApprovalTestData.WAVE_ID).orElseThrow().approvalId();

        invoke(FIRST_TOKEN);

        assertThat(approvals.get(approvalId).taskToken()).isEqualTo(RETRY_TOKEN);
        verify(notifier, times(1)).publish(any());
    }

    @Test
    void aRetryAfterACrashBeforeTheEmailSendsTheLinkOnceAndMarksItSent() {
        Approval open = ApprovalTestData.openApproval("crashed-before-email", FIRST_TOKEN, NOW);
        InMemoryApprovalStore crashed = new InMemoryApprovalStore();
        crashed.createForWave(new Approval(open.approvalId(), open.waveId(), open.waveName(), open.summary(),
                FIRST_TOKEN, open.taskAttempt(), open.createdAt(), open.expiresAt(), null, false, false));
        RequestApprovalHandler retried = handlerOver(crashed);

        ApprovalRequested first = retried.handle(new ApprovalRequest(ApprovalTestData.WAVE_ID, RETRY_TOKEN, RETRY), null);
        ApprovalRequested second = retried.handle(new ApprovalRequest(ApprovalTestData.WAVE_ID, RETRY_TOKEN, RETRY), null);

        assertThat(first.emailSent()).isTrue();
        assertThat(second.emailSent()).isFalse();
        assertThat(crashed.get(open.approvalId()).notified()).isTrue();
        assertThat(crashed.get(open.approvalId()).taskToken()).isEqualTo(RETRY_TOKEN);
        verify(notifier, times(1)).publish(any());
    }

    @Test
    void aDecisionMadeWhileTheEarlierTaskWasClosedReachesTheRetriedTask() {
        Approval open = ApprovalTestData.openApproval("decided-while-closed", FIRST_TOKEN, NOW);
        InMemoryApprovalStore store = new InMemoryApprovalStore();
        store.createForWave(open);
        store.decide(open.approvalId(), new Decision(true, "ops@example.com", null, NOW.plusSeconds(60),
                "198.51.100.7", "Mozilla/5.0"));
        when(callbacks.succeed(anyString(), anyString())).thenReturn(TaskCallbacks.Delivery.DELIVERED);

        handlerOver(store).handle(new ApprovalRequest(ApprovalTestData.WAVE_ID, RETRY_TOKEN, RETRY), null);

        verify(callbacks).succeed(eq(RETRY_TOKEN), contains("\"approved\":true"));
        assertThat(store.get(open.approvalId()).delivered()).isTrue();
        verify(notifier, times(0)).publish(any());
    }

    @Test
    void theAnswerSaysWhenTheApprovalExpiresAndThatTheEmailWentOut() throws IOException {
        ApprovalRequested answer = invoke(FIRST_TOKEN);

        assertThat(answer).isEqualTo(new ApprovalRequested(ApprovalTestData.WAVE_ID,
                NOW.plus(APPROVAL_TIME), true));
    }

    @Test
    void theTaskTokenAppearsNeitherInTheEmailNorInTheAnswer() throws IOException {
        String answer = invokeRaw(FIRST_TOKEN);

        Notification email = sentEmail();
        assertThat(email.subject()).doesNotContain(FIRST_TOKEN);
        assertThat(email.body()).doesNotContain(FIRST_TOKEN);
        assertThat(answer).doesNotContain(FIRST_TOKEN)
                .doesNotContain(approvals.ofWave(ApprovalTestData.WAVE_ID).orElseThrow().approvalId());
    }

    @Test
    @SuppressWarnings("unchecked")
    void activeServersEnterTheApprovalStageAndFailedServersStayWhereTheyFailed() throws IOException {
        invoke(FIRST_TOKEN);

        ArgumentCaptor<Collection<ServerRecord>> written = ArgumentCaptor.forClass(Collection.class);
        verify(waves).putServers(written.capture());
        assertThat(written.getValue()).singleElement().satisfies(server -> {
            assertThat(server.sourceServerId()).isEqualTo("s-13a5b49c3810fa449");
            assertThat(server.status()).isEqualTo(ServerStatus.ACTIVE);
            assertThat(server.stage()).isEqualTo(Stage.APPROVAL);
            assertThat(server.stageTimes().get(Stage.APPROVAL).start()).isEqualTo(NOW);
            assertThat(server.stageTimes().get(Stage.READY_FOR_CUTOVER).end()).isEqualTo(NOW);
        });
    }

    @Test
    void aWaveTheStoreDoesNotKnowFailsAsAnUnknownWave() {
        when(waves.find(ApprovalTestData.WAVE_ID)).thenReturn(Optional.empty());

        assertThatThrownBy(() -> invoke(FIRST_TOKEN))
                .isInstanceOf(UnknownWaveException.class)
                .hasMessageContaining(ApprovalTestData.WAVE_ID);
    }

    private Notification sentEmail() {
        ArgumentCaptor<Notification> email = ArgumentCaptor.forClass(Notification.class);
        verify(notifier).publish(email.capture());
        return email.getValue();
    }

    private RequestApprovalHandler handlerOver(InMemoryApprovalStore store) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new RequestApprovalHandler(new ApprovalRequestService(
                waves, store, notifier, new ApprovalService(store, callbacks, clock), clock, BASE_URL));
    }

    private ApprovalRequested invoke(String taskToken) throws IOException {
        return Json.mapper().readValue(invokeRaw(taskToken), ApprovalRequested.class);
    }

    /** Runs the handler as Lambda does, on the state's input {"waveId", "taskToken", "attempt"}. */
    private String invokeRaw(String taskToken) throws IOException {
        TaskAttempt attempt = taskToken.equals(RETRY_TOKEN) ? RETRY : FIRST;
        String input = """
                {"waveId":"%s","taskToken":"%s","attempt":{"enteredTime":"%s","retryCount":%d}}""".formatted(
                ApprovalTestData.WAVE_ID, taskToken, attempt.enteredTime(), attempt.retryCount());
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output, null);
        return output.toString(StandardCharsets.UTF_8);
    }
}
