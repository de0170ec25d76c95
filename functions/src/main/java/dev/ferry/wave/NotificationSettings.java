package dev.ferry.wave;

import java.util.Arrays;
import java.util.List;

/**
 * Which moments of a wave are told to the notification topic. Ferry's EventBridge events are
 * published whatever the level: the level decides only what reaches email and chat.
 *
 * @param level {@link Level#PROBLEMS} (the default): failures, the approval request and the report;
 *              {@link Level#EVERY_STAGE}: also a short message each time a stage ends
 */
public record NotificationSettings(Level level) {

    /** What a wave notifies when it does not say. */
    public static final NotificationSettings DEFAULT = new NotificationSettings(Level.PROBLEMS);

    /** How much a wave tells its topic. */
    public enum Level {
        PROBLEMS("problems"),
        EVERY_STAGE("every-stage");

        private final String wireName;

        Level(String wireName) {
            this.wireName = wireName;
        }

        /** The level as a wave file writes it. */
        public String wireName() {
            return wireName;
        }

        /** Every level as a wave file writes it, for error messages. */
        public static List<String> wireNames() {
            return Arrays.stream(values()).map(Level::wireName).toList();
        }

        /** The level a wave file names, which must be one of {@link #wireNames()}. */
        public static Level ofWireName(String name) {
            return Arrays.stream(values())
                    .filter(level -> level.wireName.equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not a notification level"));
        }
    }

    public NotificationSettings {
        level = level != null ? level : Level.PROBLEMS;
    }

    /** Whether each stage's end is notified too. */
    public boolean everyStage() {
        return level == Level.EVERY_STAGE;
    }
}
