package dev.ferry.waits;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's {@code events/*.json} fixtures, found from the root Maven passes to the tests. */
public final class EventFiles {

    private EventFiles() {
    }

    /** Opens a fixture by file name. */
    public static InputStream open(String name) {
        String root = System.getProperty("ferry.projectRoot");
        if (root == null) {
            throw new IllegalStateException("System property ferry.projectRoot is not set; run the tests through Maven");
        }
        try {
            return Files.newInputStream(Path.of(root, "events", name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read events/" + name, e);
        }
    }
}
