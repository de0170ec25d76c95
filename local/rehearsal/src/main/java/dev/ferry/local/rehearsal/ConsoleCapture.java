package dev.ferry.local.rehearsal;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Sends the JVM's standard output and error (the handlers' JSON logs, metric lines, DynamoDB Local)
 * to a log file while a rehearsal runs, so they do not drown its display.
 *
 * <p>Logging libraries keep the stream that {@code System.out} was when they started, so swapping
 * {@code System.out} for each run would not reach them. Instead, the first capture installs, once,
 * streams that forward to a switchable target: the console, or the current run's log file.
 */
final class ConsoleCapture implements AutoCloseable {

    private static final Object LOCK = new Object();
    private static final PrintStream CONSOLE_OUT = System.out;
    private static final PrintStream CONSOLE_ERR = System.err;
    private static Forwarder out;
    private static Forwarder err;

    /** The log file; null for a capture that changes nothing. */
    private final FileOutputStream file;

    private ConsoleCapture(FileOutputStream file) {
        this.file = file;
    }

    /** The console as it was before any capture: where a rehearsal's own display belongs. */
    static PrintStream console() {
        return CONSOLE_OUT;
    }

    /** The console's error stream as it was before any capture. */
    static PrintStream consoleErrors() {
        return CONSOLE_ERR;
    }

    /** A capture that leaves standard output and error where they are. */
    static ConsoleCapture none() {
        return new ConsoleCapture(null);
    }

    /** Starts sending standard output and error to {@code logFile} (appending). */
    static ConsoleCapture to(Path logFile) {
        FileOutputStream file;
        try {
            file = new FileOutputStream(logFile.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the log file " + logFile, e);
        }
        synchronized (LOCK) {
            if (out == null) {
                out = new Forwarder(CONSOLE_OUT);
                err = new Forwarder(CONSOLE_ERR);
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            }
            out.target(file);
            err.target(file);
        }
        return new ConsoleCapture(file);
    }

    /** Sends standard output and error back to the console and closes the log file. */
    @Override
    public void close() {
        if (file == null) {
            return;
        }
        synchronized (LOCK) {
            System.out.flush();
            System.err.flush();
            out.target(CONSOLE_OUT);
            err.target(CONSOLE_ERR);
        }
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the log file", e);
        }
    }

    /** An output stream that writes to whichever target it was last given. */
    private static final class Forwarder extends OutputStream {
        private volatile OutputStream target;

        Forwarder(OutputStream target) {
            this.target = target;
        }

        synchronized void target(OutputStream next) {
            target = next;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            target.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            target.write(bytes, offset, length);
        }

        @Override
        public synchronized void flush() throws IOException {
            target.flush();
        }
    }
}
