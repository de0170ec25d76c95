package dev.ferry.notify;

/** Tells people what happens (the SNS topic, or the rehearsal's outbox). */
public interface Notifier {

    void publish(Notification notification);
}
