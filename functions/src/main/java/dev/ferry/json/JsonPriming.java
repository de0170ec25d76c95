package dev.ferry.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.server.Phase;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveProgress;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.io.IOException;
import java.time.Instant;

/**
 * Warms the JSON mapping of the controller's records before SnapStart takes its snapshot, so that
 * the first invocation after a restore does not pay for Jackson's reflection on them. The sample
 * data is fixed: nothing random or time-dependent ends up in the snapshot.
 */
public final class JsonPriming implements Resource {

    private static final JsonPriming INSTANCE = new JsonPriming();
    private static volatile boolean registered;

    private JsonPriming() {
    }

    /** Registers the priming with the CRaC runtime once per JVM (a no-op where there is no checkpoint). */
    public static void register() {
        if (!registered) {
            synchronized (JsonPriming.class) {
                if (!registered) {
                    Core.getGlobalContext().register(INSTANCE);
                    registered = true;
                }
            }
        }
    }

    /** The priming itself: a round trip of representative records through the shared mapper. */
    public static ServerRecord roundTrip() {
        ObjectMapper mapper = Json.mapper();
        try {
            ServerRecord sample = sampleServer();
            ServerRecord copy = mapper.readValue(mapper.writeValueAsBytes(sample), ServerRecord.class);
            mapper.readValue(mapper.writeValueAsBytes(sampleProgress()), WaveProgress.class);
            return copy;
        } catch (IOException e) {
            throw new IllegalStateException("The controller's records do not survive a JSON round trip", e);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        roundTrip();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: the priming holds no clients, connections or time.
    }

    static ServerRecord sampleServer() {
        Instant fixed = Instant.EPOCH;
        return ServerRecord.joining("priming", "s-00000000000000000", "priming", "i-00000000000000000", fixed)
                .withLastSeen(new ServerRecord.MgnStates("READY_FOR_TEST", "CONTINUOUS", "PT2S", fixed))
                .withLaunch(Phase.TEST, new ServerRecord.Launch("mgnjob-00000000000000000", "LAUNCHED",
                        "i-00000000000000001", fixed))
                .withValidation(new ServerRecord.Validation(Phase.TEST, fixed, ServerRecord.Validation.Outcome.PASSED,
                        "all checks passed"))
                .enteringStage(Stage.TEST_VALIDATION, fixed);
    }

    private static WaveProgress sampleProgress() {
        return new WaveProgress("priming", 1, 1, 0, 0, 0, false, null);
    }
}
