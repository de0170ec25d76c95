package dev.ferry.notify;

import software.amazon.awssdk.services.sns.SnsClient;

/** Placeholder being replaced by the real adapter. */
public class SnsNotifier implements Notifier {

    public SnsNotifier(SnsClient sns, String topicArn) {
    }

    @Override
    public void publish(Notification notification) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
