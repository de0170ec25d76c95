package dev.ferry.approval;

import dev.ferry.sfn.TaskCallbacks;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ApprovalServiceTest {

    private static final String APPROVAL_ID = "Zq3vR8kW1tYb6NcH0mJx4LsP9aDf2GeU";
    private static final String TASK_TOKEN = "AQCEAAAAKgAAAAMAAAAAAAAAAe7Jk0token-quoted-by-a-failing-call";
    private static final Instant CREATED = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aFailingCallbackIsReportedWithoutQuotingTheTaskToken() {
        InMemoryApprovalStore store = new InMemoryApprovalStore();
        store.seed(ApprovalTestData.openApproval(APPROVAL_ID, TASK_TOKEN, CREATED));
        TaskCallbacks callbacks = mock(TaskCallbacks.class);
        when(callbacks.succeed(anyString(), anyString()))
                .thenThrow(new IllegalArgumentException("Invalid token: " + TASK_TOKEN));
        ApprovalService service = new ApprovalService(store, callbacks,
                Clock.fixed(CREATED.plusSeconds(60), ZoneOffset.UTC));
        DecisionSubmission approve = new DecisionSubmission(true, "Dana Ops", null, "203.0.113.24", "Firefox");

        assertThatThrownBy(() -> service.decide(APPROVAL_ID, approve))
                .isInstanceOf(DecisionDeliveryException.class)
                .hasNoCause()
                .hasMessage("Sending the decision on wave " + ApprovalTestData.WAVE_ID
                        + " to the waiting task failed with java.lang.IllegalArgumentException");
    }
}
