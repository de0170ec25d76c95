package dev.ferry.metrics;

import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.Stage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A stage that every server of a wave is done with, as the server records tell it: how many
 * servers ended it with each outcome, and how long the wave spent in it.
 *
 * @param stage    the server stage
 * @param servers  servers per outcome (every outcome present, zero included)
 * @param duration from the first server entering the stage to the last one leaving it (or failing
 *                 or being left out in it), from the times the records hold
 */
public record FinishedStage(Stage stage, Map<StageOutcome, Integer> servers, Duration duration) {

    public FinishedStage {
        servers = Map.copyOf(servers);
    }

    /** The servers of this outcome. */
    public int count(StageOutcome outcome) {
        return servers.getOrDefault(outcome, 0);
    }

    /**
     * The stages this wave's servers are all done with. A stage is done when at least one server
     * entered it and no server still moving is in it or in an earlier stage: stages only go
     * forward, so once done a stage's counts never change. {@link Stage#DONE} is the end, not a stage.
     */
    public static List<FinishedStage> in(Collection<ServerRecord> servers) {
        List<FinishedStage> finished = new ArrayList<>();
        Stage earliestActive = servers.stream()
                .filter(ServerRecord::isActive)
                .map(ServerRecord::stage)
                .min(Enum::compareTo)
                .orElse(Stage.DONE);
        for (Stage stage : Stage.values()) {
            if (stage.compareTo(earliestActive) >= 0 || stage == Stage.DONE) {
                break;
            }
            List<ServerRecord> entered = servers.stream()
                    .filter(server -> server.stageTimes().containsKey(stage))
                    .toList();
            if (!entered.isEmpty()) {
                finished.add(of(stage, entered));
            }
        }
        return finished;
    }

    private static FinishedStage of(Stage stage, List<ServerRecord> entered) {
        Map<StageOutcome, Integer> counts = new EnumMap<>(StageOutcome.class);
        for (StageOutcome outcome : StageOutcome.values()) {
            counts.put(outcome, 0);
        }
        Instant first = null;
        Instant last = null;
        for (ServerRecord server : entered) {
            counts.merge(outcomeOf(server, stage), 1, Integer::sum);
            ServerRecord.StageTime time = server.stageTimes().get(stage);
            Instant end = time.end() != null ? time.end() : endInStage(server, stage);
            first = earlier(first, time.start());
            last = later(last, end);
        }
        Duration duration = first == null || last == null || last.isBefore(first)
                ? Duration.ZERO : Duration.between(first, last);
        return new FinishedStage(stage, counts, duration);
    }

    /** A server whose record still says this stage ended the wave in it; any other went on. */
    private static StageOutcome outcomeOf(ServerRecord server, Stage stage) {
        if (server.stage() != stage) {
            return StageOutcome.PASSED;
        }
        return server.status() == ServerStatus.FAILED ? StageOutcome.FAILED : StageOutcome.LEFT_OUT;
    }

    private static Instant endInStage(ServerRecord server, Stage stage) {
        ServerRecord.Failure failure = server.failure();
        return failure != null && failure.stage() == stage ? failure.at() : null;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }
}
