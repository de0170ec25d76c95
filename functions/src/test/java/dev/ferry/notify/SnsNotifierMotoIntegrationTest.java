package dev.ferry.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.testing.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sns.SnsClient;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test: {@link SnsNotifier} publishing to a topic of a real moto server (SNS
 * emulator); what was published is read back from moto's state at {@code /moto-api/data.json}.
 * Skipped when moto_server is not installed (see {@link MotoServer}).
 */
class SnsNotifierMotoIntegrationTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @Test
    void theSubjectAndBodyArePublishedToTheTopic() throws Exception {
        try (SnsClient sns = MOTO.client(SnsClient.builder())) {
            String topicArn = sns.createTopic(topic -> topic.name("ferry-notifications")).topicArn();

            new SnsNotifier(sns, topicArn).publish(
                    new Notification("Wave w-1: 3 servers ready for cutover", "Approve at https://example.com/a/1"));

            List<List<String>> sent = sentNotifications(topicArn);
            assertThat(sent).hasSize(1);
            assertThat(sent.get(0).get(0)).isEqualTo("Wave w-1: 3 servers ready for cutover");
            // SNS accepted the structured message; email subscribers get its email key.
            assertThat(new ObjectMapper().readTree(sent.get(0).get(1)).path("email").asText())
                    .isEqualTo("Approve at https://example.com/a/1");
        }
    }

    /** Each notification moto recorded on the topic, as [subject, message]. */
    private static List<List<String>> sentNotifications(String topicArn) throws Exception {
        JsonNode state = new ObjectMapper().readTree(MOTO.get("/moto-api/data.json"));
        List<List<String>> sent = new ArrayList<>();
        for (JsonNode topic : state.path("sns").path("Topic")) {
            if (topicArn.equals(topic.path("arn").asText())) {
                // moto keeps (message id, message, subject, attributes, group id) per publish.
                topic.path("sent_notifications").forEach(notification ->
                        sent.add(List.of(notification.get(2).asText(), notification.get(1).asText())));
            }
        }
        return sent;
    }
}
