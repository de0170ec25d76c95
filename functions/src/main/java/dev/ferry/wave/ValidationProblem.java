package dev.ferry.wave;

/**
 * One thing wrong with a wave definition.
 *
 * @param path    where, as a JSON path such as {@code servers[3].sourceServerId} ({@code $} for the whole document)
 * @param message what is wrong, in words an engineer can act on
 */
public record ValidationProblem(String path, String message) {

    /** The problem as one line: {@code <path>: <message>}. */
    public String line() {
        return path + ": " + message;
    }
}
