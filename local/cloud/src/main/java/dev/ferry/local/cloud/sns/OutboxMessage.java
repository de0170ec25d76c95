package dev.ferry.local.cloud.sns;

import java.time.Instant;

/**
 * A notification the controller published, as the topic's email subscribers would have read it.
 *
 * @param sequence  its number in the outbox, from 1
 * @param messageId the ID SNS answered with
 * @param topicArn  the topic it was published to
 * @param subject   the email subject
 * @param message   the plain-text body
 * @param sentAt    when, on the rehearsal's clock
 * @param chat      what a chat channel subscribed through AWS Chatbot would have got (the message's
 *                  {@code https} key), or null when the message was plain text
 */
public record OutboxMessage(int sequence, String messageId, String topicArn, String subject, String message,
                            Instant sentAt, String chat) {

    /** A plain-text message, with nothing for chat. */
    public OutboxMessage(int sequence, String messageId, String topicArn, String subject, String message,
                         Instant sentAt) {
        this(sequence, messageId, topicArn, subject, message, sentAt, null);
    }
}
