package dev.ferry.cli;

/**
 * A command could not do what it was asked, for a reason it has put in words: {@code bin/ferry}
 * prints the message and exits with the code, without the usage text.
 */
final class CommandFailure extends RuntimeException {

    private final int exitCode;

    CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
