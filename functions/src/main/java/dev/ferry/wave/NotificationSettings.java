package dev.ferry.wave;

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
    public enum Level { PROBLEMS, EVERY_STAGE }

    public NotificationSettings {
        level = level != null ? level : Level.PROBLEMS;
    }

    /** Whether each stage's end is notified too. */
    public boolean everyStage() {
        return level == Level.EVERY_STAGE;
    }
}
