package dev.ferry.local.cloud.ssm;

import java.util.Arrays;
import java.util.List;

/** Whether a managed instance's SSM Agent is in touch with Systems Manager. */
public enum PingStatus {
    /** Commands are delivered at once. */
    ONLINE("Online"),
    /** Commands are accepted but wait for delivery until their delivery timeout. */
    CONNECTION_LOST("ConnectionLost");

    private final String wireName;

    PingStatus(String wireName) {
        this.wireName = wireName;
    }

    /** SSM's spelling: {@code Online} or {@code ConnectionLost}. */
    public String wireName() {
        return wireName;
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(PingStatus::wireName).toList();
    }

    static PingStatus ofWireName(String wireName) {
        return Arrays.stream(values()).filter(status -> status.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No SSM ping status " + wireName));
    }
}
