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
 */
public record OutboxMessage(int sequence, String messageId, String topicArn, String subject, String message,
                            Instant sentAt) {
}
