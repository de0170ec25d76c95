package dev.ferry.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.json.Json;
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
    void publishesTheSubjectAndThePlainBodyForEmailToTheTopic() throws Exception {
        new SnsNotifier(sns, TOPIC).publish(new Notification("Wave w-1 is ready for cutover", "Approve at https://x"));

        PublishRequest sent = sent();
        assertThat(sent.topicArn()).isEqualTo(TOPIC);
        assertThat(sent.subject()).isEqualTo("Wave w-1 is ready for cutover");
        assertThat(sent.messageStructure()).isEqualTo("json");
        JsonNode message = Json.mapper().readTree(sent.message());
        assertThat(message.path("email").asText()).isEqualTo("Approve at https://x");
        assertThat(message.path("default").asText()).isEqualTo("Approve at https://x");
    }

    @Test
    void chatSubscribersGetTheChatbotCustomNotificationWithTheBodyInACodeBlock() throws Exception {
        new SnsNotifier(sns, TOPIC).publish(new Notification("Ferry wave w-1: COMPLETED", "Server  Outcome\nweb-1   CUT_OVER"));

        JsonNode chat = Json.mapper().readTree(Json.mapper().readTree(sent().message()).path("https").asText());
        assertThat(chat.path("version").asText()).isEqualTo("1.0");
        assertThat(chat.path("source").asText()).isEqualTo("custom");
        assertThat(chat.path("content").path("textType").asText()).isEqualTo("client-markdown");
        assertThat(chat.path("content").path("title").asText()).isEqualTo("Ferry wave w-1: COMPLETED");
        assertThat(chat.path("content").path("description").asText())
                .isEqualTo("```\nServer  Outcome\nweb-1   CUT_OVER\n```");
    }

    @Test
    void aLongBodyIsCutForChatButKeptWholeForEmail() throws Exception {
        String body = "line of a long report\n".repeat(1_000);

        new SnsNotifier(sns, TOPIC).publish(new Notification("Report", body));

        JsonNode message = Json.mapper().readTree(sent().message());
        assertThat(message.path("email").asText()).isEqualTo(body);
        String description = Json.mapper().readTree(message.path("https").asText()).path("content")
                .path("description").asText();
        assertThat(description).hasSizeLessThanOrEqualTo(ChatbotMessage.MAX_DESCRIPTION).endsWith(ChatbotMessage.CUT);
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
    void aBodyOverTheSnsLimitIsCutOnACharacterBoundaryWithANoteSoThatTheWholeMessageFits() throws Exception {
        String body = "é".repeat(SnsNotifier.MAX_MESSAGE_BYTES);

        new SnsNotifier(sns, TOPIC).publish(new Notification("Report", body));

        String message = sent().message();
        assertThat(message.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(SnsNotifier.MAX_MESSAGE_BYTES);
        String email = Json.mapper().readTree(message).path("email").asText();
        assertThat(email).endsWith(SnsNotifier.TRUNCATED);
        assertThat(email.substring(0, email.length() - SnsNotifier.TRUNCATED.length())).matches("é+");
    }

    @Test
    void aBodyOfCharactersThatJsonEscapesStillFitsTheLimit() {
        String body = "\"\u0001".repeat(SnsNotifier.MAX_MESSAGE_BYTES / 2);

        new SnsNotifier(sns, TOPIC).publish(new Notification("Report", body));

        assertThat(sent().message().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(SnsNotifier.MAX_MESSAGE_BYTES);
    }

    private PublishRequest sent() {
        ArgumentCaptor<PublishRequest> request = ArgumentCaptor.forClass(PublishRequest.class);
        verify(sns).publish(request.capture());
        return request.getValue();
    }
}
