package dev.ferry.events;

/** The kinds of event Ferry puts on the default event bus, each with its EventBridge {@code detail-type}. */
public enum FerryEventType {
    WAVE_STARTED("Ferry Wave Started"),
    STAGE_CHANGED("Ferry Stage Changed"),
    SERVER_OUTCOME("Ferry Server Outcome"),
    APPROVAL_REQUESTED("Ferry Approval Requested"),
    APPROVAL_DECIDED("Ferry Approval Decided"),
    WAVE_ENDED("Ferry Wave Ended");

    private final String detailType;

    FerryEventType(String detailType) {
        this.detailType = detailType;
    }

    /** The event's {@code detail-type}, what a rule's pattern names. */
    public String detailType() {
        return detailType;
    }
}
