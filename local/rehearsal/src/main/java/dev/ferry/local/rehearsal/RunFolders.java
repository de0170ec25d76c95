package dev.ferry.local.rehearsal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The folders runs write their log and outbox to. */
final class RunFolders {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private RunFolders() {
    }

    /**
     * A folder name for a run started at {@code now}, sortable by time, with the process ID so that
     * two runs started in the same millisecond on one machine do not share a folder.
     */
    static String nameFor(Instant now) {
        return NAME.format(now) + "-" + ProcessHandle.current().pid();
    }

    /** Creates the folder (and its parents). */
    static void create(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the run folder " + folder, e);
        }
    }
}
