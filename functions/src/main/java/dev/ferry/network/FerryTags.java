package dev.ferry.network;

/**
 * The tags Ferry puts on what it makes in the target region, so that a rerun finds and reuses it
 * rather than making it again.
 */
public final class FerryTags {

    /** On a target security group: the ID of the source group it copies. */
    public static final String SOURCE_GROUP = "ferry:source-group";
    /** On anything Ferry makes: the wave that made it. */
    public static final String WAVE = "ferry:wave";
    /**
     * On a target security group: {@link #RULES_COMPLETE} once every rule of the source was
     * added. A group without it was interrupted while being made, so its missing rules are added
     * rather than reported.
     */
    public static final String RULES = "ferry:rules";
    public static final String RULES_COMPLETE = "complete";

    private FerryTags() {
    }
}
