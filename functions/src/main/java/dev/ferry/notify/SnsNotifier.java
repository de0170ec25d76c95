package dev.ferry.notify;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * {@link Notifier} publishing to the deployment's SNS topic, read by email subscribers and by chat
 * channels through AWS Chatbot. SNS refuses a subject that is not plain ASCII on one line, or longer
 * than 100 characters, and a message over 256 KiB: both are made to fit here rather than lose the
 * notification.
 *
 * <p>One publication serves both readers with {@code MessageStructure=json}: SNS sends each
 * subscription the value of its protocol's key, else {@code default} (SNS API reference, Publish,
 * "MessageStructure"). Email gets the plain text under {@code email} (and {@code default}, which
 * email-json, SQS and Lambda subscribers get); AWS Chatbot subscribes to a topic with the
 * {@code https} protocol (its endpoint is https://global.sns-api.chatbot.amazonaws.com, as the
 * subscription it creates shows) and reads the message body, so {@code https} carries the
 * {@link ChatbotMessage custom-notification JSON}. Were Chatbot ever to read {@code default}
 * instead, chat would show its "unsupported event" notice while email stays as it is.
 */
public class SnsNotifier implements Notifier {

    static final int MAX_SUBJECT = 100;
    static final int MAX_MESSAGE_BYTES = 256 * 1024;
    /** Room for the JSON document's keys and quotes around the copies. */
    private static final int STRUCTURE_MARGIN = 64;
    static final String TRUNCATED = "\n\n[truncated: the message was longer than SNS allows]";

    private final SnsClient sns;
    private final String topicArn;

    public SnsNotifier(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void publish(Notification notification) {
        String subject = subject(notification.subject());
        sns.publish(PublishRequest.builder()
                .topicArn(topicArn)
                .subject(subject.isEmpty() ? null : subject)
                .messageStructure("json")
                .message(structured(notification.subject(), notification.body()))
                .build());
    }

    /**
     * The message for each kind of subscriber, within SNS's 256 KiB for the whole document: the
     * plain text appears twice, so each copy gets what the chat message and the JSON leave of half.
     */
    static String structured(String subject, String body) {
        String chat = ChatbotMessage.of(subject, body);
        int budget = (MAX_MESSAGE_BYTES - chat.getBytes(StandardCharsets.UTF_8).length) / 2 - STRUCTURE_MARGIN;
        while (true) {
            String text = message(body, budget);
            ObjectNode structure = JsonNodeFactory.instance.objectNode()
                    .put("default", text)
                    .put("email", text)
                    .put("https", chat);
            String json = structure.toString();
            if (json.getBytes(StandardCharsets.UTF_8).length <= MAX_MESSAGE_BYTES) {
                return json;
            }
            // Escaping (quotes, line breaks, control characters) made the copies longer than their text.
            budget = budget / 2;
        }
    }

    /**
     * The subject as SNS accepts it: accents dropped, other non-ASCII characters and line breaks
     * replaced, at most 100 characters, starting with a visible character.
     */
    static String subject(String subject) {
        String withoutAccents = Normalizer.normalize(subject, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        StringBuilder ascii = new StringBuilder(withoutAccents.length());
        withoutAccents.codePoints().forEach(c -> {
            if (c == '\u2026') {
                ascii.append("...");
            } else if (c < 0x20 || c == 0x7f) {
                ascii.append(' ');
            } else if (c < 0x80) {
                ascii.appendCodePoint(c);
            } else {
                ascii.append('?');
            }
        });
        String fitted = ascii.toString().replaceAll(" {2,}", " ").strip();
        if (fitted.length() > MAX_SUBJECT) {
            fitted = fitted.substring(0, MAX_SUBJECT - 3) + "...";
        }
        return fitted;
    }

    /** The body, cut on a character boundary with a note when it exceeds {@code maxBytes}. */
    static String message(String body, int maxBytes) {
        byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= maxBytes) {
            return body;
        }
        int budget = maxBytes - TRUNCATED.getBytes(StandardCharsets.UTF_8).length;
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        ByteBuffer kept = ByteBuffer.allocate(budget);
        CharBuffer chars = CharBuffer.wrap(body);
        encoder.encode(chars, kept, true);
        // The encoder stops before a character that does not fit whole, so the cut is clean.
        return body.substring(0, chars.position()) + TRUNCATED;
    }
}
