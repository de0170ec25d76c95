package dev.ferry.local.rehearsal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The waits a rehearsal released and which function released them, read from the handlers' JSON
 * log lines in the run's {@code rehearsal.log}: "Released wait &lt;wave&gt;#&lt;kind&gt;" when a
 * callback was sent, "The task of wait ... had already ended" when a second release found the task
 * closed.
 */
public final class WaitReleases {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RELEASED = "Released wait ";
    private static final String ALREADY_ENDED = "The task of wait ";

    /**
     * One release, or one attempt that found the task already ended.
     *
     * @param waitId       {@code <wave>#<kind>}
     * @param function     the function that logged it (EventRouterFunction, ReconcilerFunction, BeginWaitFunction)
     * @param alreadyEnded whether the callback found the task already closed
     */
    public record Release(String waitId, String function, boolean alreadyEnded) {

        /** The wait's kind: REPLICATION, TEST_LAUNCH or CUTOVER_LAUNCH. */
        public String kind() {
            return waitId.substring(waitId.lastIndexOf('#') + 1);
        }
    }

    private WaitReleases() {
    }

    static List<Release> fromLog(Path log) {
        List<Release> releases = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rehearsal's log " + log, e);
        }
        for (String line : lines) {
            if (!line.startsWith("{") || !line.contains("wait ")) {
                continue;
            }
            JsonNode entry = parse(line);
            String message = entry.path("message").asText();
            String function = entry.path("function_name").asText();
            if (message.startsWith(RELEASED)) {
                releases.add(new Release(message.substring(RELEASED.length(), message.indexOf(':')), function, false));
            } else if (message.startsWith(ALREADY_ENDED) && message.contains(" had already ended")) {
                releases.add(new Release(message.substring(ALREADY_ENDED.length(), message.indexOf(" had already ended")),
                        function, true));
            }
        }
        return releases;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }
}
