package dev.ferry.local.cloud.sns;

import dev.ferry.local.cloud.http.LocalCloudServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.ferry.local.cloud.http.LocalClients.pointedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rehearsal's SNS outbox, driven through the real AWS SDK SNS client over HTTP. */
class SnsOutboxTest {

    private static final String TOPIC = "arn:aws:sns:eu-central-1:111122223333:ferry";
    private static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");

    @TempDir
    Path folder;

    private final List<OutboxMessage> heard = new ArrayList<>();
    private SnsOutbox outbox;
    private LocalCloudServer server;
    private SnsClient sns;

    @BeforeEach
    void start() throws Exception {
        outbox = new SnsOutbox(Clock.fixed(NOW, ZoneOffset.UTC), folder, heard::add);
        server = LocalCloudServer.start(0, List.of(outbox));
        sns = pointedAt(SnsClient.builder(), server, Region.EU_CENTRAL_1).build();
    }

    @AfterEach
    void stop() {
        sns.close();
        server.close();
    }

    @Test
    void aPublishedMessageIsKeptWrittenAsAFileAndHeard() throws Exception {
        String messageId = sns.publish(r -> r.topicArn(TOPIC).subject("Ferry wave media: approval needed")
                .message("Open https://example/approvals/abc")).messageId();

        assertThat(outbox.messages()).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo(messageId);
            assertThat(message.subject()).isEqualTo("Ferry wave media: approval needed");
            assertThat(message.sentAt()).isEqualTo(NOW);
        });
        assertThat(heard).hasSize(1);
        Path file = folder.resolve("001-ferry-wave-media-approval-needed.txt");
        assertThat(Files.readString(file)).contains("Subject: Ferry wave media: approval needed", "Open https://example/approvals/abc");
    }

    @Test
    void messagesAreNumberedInTheOrderTheyArrive() {
        sns.publish(r -> r.topicArn(TOPIC).subject("first").message("1"));
        sns.publish(r -> r.topicArn(TOPIC).subject("second").message("2"));

        assertThat(outbox.messages()).extracting(OutboxMessage::sequence, OutboxMessage::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "first"), org.assertj.core.groups.Tuple.tuple(2, "second"));
    }

    @Test
    void aStructuredMessageIsReadAsSnsReadsItTheEmailKeyForEmailAndTheHttpsKeyForChat() throws Exception {
        sns.publish(r -> r.topicArn(TOPIC).subject("Ferry wave media: COMPLETED").messageStructure("json")
                .message("{\"default\":\"plain\",\"email\":\"6 servers cut over\",\"https\":\"{\\\"version\\\":\\\"1.0\\\"}\"}"));

        assertThat(outbox.messages()).singleElement().satisfies(message -> {
            assertThat(message.message()).isEqualTo("6 servers cut over");
            assertThat(message.chat()).isEqualTo("{\"version\":\"1.0\"}");
        });
        assertThat(Files.readString(folder.resolve("001-ferry-wave-media-completed.txt"))).contains("6 servers cut over");
        assertThat(Files.readString(folder.resolve("001-ferry-wave-media-completed.chat.json")))
                .isEqualTo("{\"version\":\"1.0\"}\n");
    }

    @Test
    void aStructuredMessageWithoutADefaultIsRefusedAsSnsRefusesIt() {
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(TOPIC).messageStructure("json")
                .message("{\"email\":\"only email\"}")))
                .isInstanceOfSatisfying(SnsException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter"));
        assertThat(outbox.messages()).isEmpty();
    }

    @Test
    void otherSnsActionsAreRefusedWithAnSnsError() {
        assertThatThrownBy(() -> sns.listTopics())
                .isInstanceOfSatisfying(SnsException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAction"));
    }
}
