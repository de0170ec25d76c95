package dev.ferry.notify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;

/** What {@link SnsNotifier} publishes, and how it makes a notification fit SNS's rules. */
@ExtendWith(MockitoExtension.class)
class SnsNotifierTest {

    private static final String TOPIC = "arn:aws:sns:eu-central-1:111122223333:ferry";

    @Mock
    SnsClient sns;

    @Test
    void publishesTheSubjectAndBodyToTheTopic() {
        new SnsNotifier(sns, TOPIC).publish(new Notification("Wave w-1 is ready for cutover", "Approve at https://x"));

        PublishRequest sent = sent();
        assertThat(sent.topicArn()).isEqualTo(TOPIC);
        assertThat(sent.subject()).isEqualTo("Wave w-1 is ready for cutover");
        assertThat(sent.message()).isEqualTo("Approve at https://x");
    }

    @Test
    void aSubjectTheNotificationCutWithAnEllipsisStaysWithinOneHundredAsciiCharacters() {
        new SnsNotifier(sns, TOPIC).publish(new Notification("x".repeat(150), "body"));

        assertThat(sent().subject()).hasSize(100).endsWith("...").matches("\\p{ASCII}+");
    }

    @Test
    void accentsAreDroppedAndLineBreaksBecomeSpacesInTheSubject() {
        new SnsNotifier(sns, TOPIC).publish(new Notification("Vague « Zürich »\nprête ✓", "body"));

        assertThat(sent().subject()).isEqualTo("Vague ? Zurich ? prete ?");
    }

    @Test
    void aSubjectWithNothingPrintableIsLeftOutRatherThanRefused() {
        new SnsNotifier(sns, TOPIC).publish(new Notification("\n\t ", "body"));

        assertThat(sent().subject()).isNull();
    }

    @Test
    void aBodyOverTheSnsLimitIsCutOnACharacterBoundaryWithANote() {
        String body = "é".repeat(SnsNotifier.MAX_MESSAGE_BYTES);

        new SnsNotifier(sns, TOPIC).publish(new Notification("Report", body));

        String message = sent().message();
        assertThat(message.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(SnsNotifier.MAX_MESSAGE_BYTES);
        assertThat(message).endsWith(SnsNotifier.TRUNCATED);
        assertThat(message.substring(0, message.length() - SnsNotifier.TRUNCATED.length())).matches("é+");
    }

    private PublishRequest sent() {
        ArgumentCaptor<PublishRequest> request = ArgumentCaptor.forClass(PublishRequest.class);
        verify(sns).publish(request.capture());
        return request.getValue();
    }
}
