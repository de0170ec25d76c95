package dev.ferry.stage.launch;

import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerRecord.StageTime;
import dev.ferry.server.Stage;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Whether a failed server has been settled: put back in MGN and named in the failure message. A
 * failed server stays in the stage it failed in, with that stage's time still open; settling
 * closes it. An open stage time on a failed server therefore means "not settled yet", which is
 * what keeps a retried Settle from telling people twice.
 */
final class Settlement {

    private Settlement() {
    }

    static boolean isSettled(ServerRecord server) {
        StageTime time = server.stageTimes().get(server.stage());
        return time != null && time.end() != null;
    }

    /** The server, its time in the stage it failed in ending now. */
    static ServerRecord settled(ServerRecord server, Instant now) {
        Map<Stage, StageTime> times = new EnumMap<>(Stage.class);
        times.putAll(server.stageTimes());
        StageTime time = times.get(server.stage());
        Instant start = time != null && time.start() != null ? time.start() : failedAt(server, now);
        times.put(server.stage(), new StageTime(start, now));
        return new ServerRecord(server.waveId(), server.sourceServerId(), server.label(), server.sourceInstanceId(),
                server.status(), server.stage(), server.failure(), server.lastSeen(), server.test(), server.cutover(),
                server.validation(), server.stall(), times, server.derivedLaunch(),
                server.launchTemplate());
    }

    private static Instant failedAt(ServerRecord server, Instant now) {
        return server.failure() != null && server.failure().at() != null ? server.failure().at() : now;
    }
}
