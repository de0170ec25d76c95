package dev.ferry.sfn;

import dev.ferry.sfn.TaskCallbacks.Delivery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.SendTaskFailureRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessRequest;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The callbacks {@link SfnTaskCallbacks} sends and what a closed task means. */
@ExtendWith(MockitoExtension.class)
class SfnTaskCallbacksTest {

    private static final String TOKEN = "AQCEAAAAKgAAAAMAAAAAAAAAAf8token";

    @Mock
    SfnClient sfn;

    @Test
    void successSendsTheTokenAndOutputAndIsDelivered() {
        Delivery delivery = new SfnTaskCallbacks(sfn).succeed(TOKEN, "{\"active\":3}");

        assertThat(delivery).isEqualTo(Delivery.DELIVERED);
        ArgumentCaptor<SendTaskSuccessRequest> request = ArgumentCaptor.forClass(SendTaskSuccessRequest.class);
        verify(sfn).sendTaskSuccess(request.capture());
        assertThat(request.getValue().taskToken()).isEqualTo(TOKEN);
        assertThat(request.getValue().output()).isEqualTo("{\"active\":3}");
    }

    @Test
    void aSuccessForATimedOutTaskFindsItAlreadyClosed() {
        when(sfn.sendTaskSuccess(any(SendTaskSuccessRequest.class)))
                .thenThrow(TaskTimedOutException.builder().statusCode(400).message("Task Timed Out").build());

        assertThat(new SfnTaskCallbacks(sfn).succeed(TOKEN, "{}")).isEqualTo(Delivery.ALREADY_CLOSED);
    }

    @Test
    void aSuccessForATaskThatNoLongerExistsFindsItAlreadyClosed() {
        when(sfn.sendTaskSuccess(any(SendTaskSuccessRequest.class)))
                .thenThrow(TaskDoesNotExistException.builder().statusCode(400).message("Task does not exist").build());

        assertThat(new SfnTaskCallbacks(sfn).succeed(TOKEN, "{}")).isEqualTo(Delivery.ALREADY_CLOSED);
    }

    @Test
    void aMalformedTokenIsAnError() {
        InvalidTokenException invalid = InvalidTokenException.builder().statusCode(400).message("Invalid Token").build();
        when(sfn.sendTaskSuccess(any(SendTaskSuccessRequest.class))).thenThrow(invalid);

        assertThatThrownBy(() -> new SfnTaskCallbacks(sfn).succeed("nonsense", "{}")).isSameAs(invalid);
    }

    @Test
    void failureSendsTheErrorNameAndCause() {
        Delivery delivery = new SfnTaskCallbacks(sfn).fail(TOKEN, "ApprovalRejected", "Rejected by ops@example.com");

        assertThat(delivery).isEqualTo(Delivery.DELIVERED);
        SendTaskFailureRequest sent = sentFailure();
        assertThat(sent.taskToken()).isEqualTo(TOKEN);
        assertThat(sent.error()).isEqualTo("ApprovalRejected");
        assertThat(sent.cause()).isEqualTo("Rejected by ops@example.com");
    }

    @Test
    void aFailureForAClosedTaskFindsItAlreadyClosed() {
        when(sfn.sendTaskFailure(any(SendTaskFailureRequest.class)))
                .thenThrow(TaskTimedOutException.builder().statusCode(400).message("Task Timed Out").build());

        assertThat(new SfnTaskCallbacks(sfn).fail(TOKEN, "E", "c")).isEqualTo(Delivery.ALREADY_CLOSED);
    }

    @Test
    void errorAndCauseAreCutToWhatStepFunctionsAccepts() {
        new SfnTaskCallbacks(sfn).fail(TOKEN, "E".repeat(300), "c".repeat(40_000));

        SendTaskFailureRequest sent = sentFailure();
        assertThat(sent.error()).hasSize(256);
        assertThat(sent.cause()).hasSize(32_768);
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
        String error = "E".repeat(255) + "\uD83D\uDE80";

        new SfnTaskCallbacks(sfn).fail(TOKEN, error, null);

        SendTaskFailureRequest sent = sentFailure();
        assertThat(sent.error()).isEqualTo("E".repeat(255));
        assertThat(sent.cause()).isNull();
    }

    private SendTaskFailureRequest sentFailure() {
        ArgumentCaptor<SendTaskFailureRequest> request = ArgumentCaptor.forClass(SendTaskFailureRequest.class);
        verify(sfn).sendTaskFailure(request.capture());
        return request.getValue();
    }
}
