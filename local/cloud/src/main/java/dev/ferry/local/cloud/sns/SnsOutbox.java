package dev.ferry.local.cloud.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.local.cloud.http.LocalRequest;
import dev.ferry.local.cloud.http.LocalResponse;
import dev.ferry.local.cloud.http.LocalService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * SNS's {@code Publish} in its query protocol, delivering to an outbox instead of email: each
 * message is kept, written as a text file (when a folder is given) and handed to a listener that
 * prints it. A message with {@code MessageStructure=json} is read as SNS reads it: the email is its
 * {@code email} key (else {@code default}), and its {@code https} key, what AWS Chatbot gets, is
 * kept beside it. Other SNS actions are refused with SNS's error document.
 */
public final class SnsOutbox implements LocalService {

    private static final String API_VERSION = "2010-03-31";
    private static final String NAMESPACE = "http://sns.amazonaws.com/doc/" + API_VERSION + "/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private final Path folder;
    private final Consumer<OutboxMessage> listener;
    private final List<OutboxMessage> messages = new ArrayList<>();

    /**
     * @param clock    the rehearsal's clock
     * @param folder   where messages are written as files, or null to keep them in memory only
     * @param listener told of each message as it arrives
     */
    public SnsOutbox(Clock clock, Path folder, Consumer<OutboxMessage> listener) {
        this.clock = clock;
        this.folder = folder;
        this.listener = listener;
    }

    @Override
    public boolean accepts(LocalRequest request) {
        return request.isQueryCall(API_VERSION);
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        Map<String, String> form = request.form();
        if (!"Publish".equals(form.get("Action"))) {
            return error(400, "InvalidAction", "The rehearsal's SNS answers Publish only, not " + form.get("Action"));
        }
        String topicArn = form.get("TopicArn");
        String message = form.get("Message");
        if (topicArn == null || message == null) {
            return error(400, "InvalidParameter", "Publish needs TopicArn and Message");
        }
        String emailText = message;
        String chat = null;
        if ("json".equals(form.get("MessageStructure"))) {
            JsonNode structure;
            try {
                structure = JSON.readTree(message);
            } catch (IOException e) {
                structure = null;
            }
            // SNS's own rule: a JSON object with at least a string under "default".
            if (structure == null || !structure.isObject() || !structure.path("default").isTextual()) {
                return error(400, "InvalidParameter", "Invalid parameter: Message Structure - No default entry in JSON"
                        + " message body");
            }
            emailText = structure.path("email").isTextual() ? structure.path("email").asText()
                    : structure.path("default").asText();
            chat = structure.path("https").isTextual() ? structure.path("https").asText() : null;
        }
        OutboxMessage published = store(topicArn, form.getOrDefault("Subject", ""), emailText, chat);
        listener.accept(published);
        return LocalResponse.of(200, "text/xml", "<PublishResponse xmlns=\"" + NAMESPACE + "\"><PublishResult><MessageId>"
                + published.messageId() + "</MessageId></PublishResult><ResponseMetadata><RequestId>"
                + UUID.randomUUID() + "</RequestId></ResponseMetadata></PublishResponse>");
    }

    /** Every message so far, in order. */
    public synchronized List<OutboxMessage> messages() {
        return List.copyOf(messages);
    }

    private synchronized OutboxMessage store(String topicArn, String subject, String message, String chat) {
        OutboxMessage published = new OutboxMessage(messages.size() + 1, UUID.randomUUID().toString(), topicArn,
                subject, message, clock.instant(), chat);
        messages.add(published);
        if (folder != null) {
            write(published);
        }
        return published;
    }

    private void write(OutboxMessage message) {
        String slug = message.subject().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        Path file = folder.resolve(String.format("%03d-%s.txt", message.sequence(), slug.isEmpty() ? "message" : slug));
        String text = "Subject: " + message.subject() + "\nDate: " + message.sentAt() + "\n\n" + message.message() + "\n";
        try {
            Files.createDirectories(folder);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            if (message.chat() != null) {
                // What a chat channel would have shown, beside the email: AWS Chatbot's JSON.
                Files.writeString(folder.resolve(file.getFileName().toString().replaceFirst("\\.txt$", ".chat.json")),
                        message.chat() + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the outbox message " + file, e);
        }
    }

    private static LocalResponse error(int status, String code, String message) {
        return LocalResponse.of(status, "text/xml", "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>Sender</Type><Code>"
                + code + "</Code><Message>" + message.replace("&", "&amp;").replace("<", "&lt;")
                + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>");
    }
}
