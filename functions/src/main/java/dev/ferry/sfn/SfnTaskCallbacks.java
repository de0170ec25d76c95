package dev.ferry.sfn;

import software.amazon.awssdk.services.sfn.SfnClient;

/** Placeholder being replaced by the real adapter. */
public class SfnTaskCallbacks implements TaskCallbacks {

    public SfnTaskCallbacks(SfnClient sfn) {
    }

    @Override
    public Delivery succeed(String taskToken, String outputJson) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Delivery fail(String taskToken, String error, String cause) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
