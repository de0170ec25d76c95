package dev.ferry.notify;

import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * {@link Notifier} publishing to the deployment's SNS topic (its email subscribers read it).
 * SNS refuses a subject that is not plain ASCII on one line, or longer than 100 characters, and a
 * message over 256 KiB: both are made to fit here rather than lose the notification.
 */
public class SnsNotifier implements Notifier {

    static final int MAX_SUBJECT = 100;
    static final int MAX_MESSAGE_BYTES = 256 * 1024;
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
                .message(message(notification.body()))
                .build());
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

    /** The body, cut on a character boundary with a note when it exceeds SNS's 256 KiB. */
    static String message(String body) {
        byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_MESSAGE_BYTES) {
            return body;
        }
        int budget = MAX_MESSAGE_BYTES - TRUNCATED.getBytes(StandardCharsets.UTF_8).length;
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        ByteBuffer kept = ByteBuffer.allocate(budget);
        CharBuffer chars = CharBuffer.wrap(body);
        encoder.encode(chars, kept, true);
        // The encoder stops before a character that does not fit whole, so the cut is clean.
        return body.substring(0, chars.position()) + TRUNCATED;
    }
}
