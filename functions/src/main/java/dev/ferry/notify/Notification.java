package dev.ferry.notify;

/**
 * A plain-text message for the people running the wave (SNS email is plain text only).
 *
 * @param subject at most 100 characters, as SNS allows
 * @param body    the message
 */
public record Notification(String subject, String body) {

    private static final int MAX_SUBJECT = 100;

    public Notification {
        if (subject.length() > MAX_SUBJECT) {
            subject = subject.substring(0, MAX_SUBJECT - 1) + "…";
        }
    }
}
