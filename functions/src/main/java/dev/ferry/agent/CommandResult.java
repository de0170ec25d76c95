package dev.ferry.agent;

/**
 * A Run Command invocation on one instance.
 *
 * @param commandId     the command
 * @param instanceId    the instance
 * @param status        where it stands
 * @param exitCode      the script's exit code once finished, or null
 * @param outputExcerpt the end of its standard output, at most {@link #EXCERPT_LENGTH} characters
 * @param errorExcerpt  the end of its standard error, at most {@link #EXCERPT_LENGTH} characters
 */
public record CommandResult(String commandId, String instanceId, CommandStatus status, Integer exitCode,
                            String outputExcerpt, String errorExcerpt) {

    /** Enough of an installer's output to tell why it failed, small enough for an email. */
    public static final int EXCERPT_LENGTH = 400;

    /** The end of a text: the last {@link #EXCERPT_LENGTH} characters, marked when cut. */
    static String excerpt(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String stripped = text.strip();
        return stripped.length() <= EXCERPT_LENGTH
                ? stripped
                : "…" + stripped.substring(stripped.length() - (EXCERPT_LENGTH - 1));
    }
}
