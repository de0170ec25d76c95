package dev.ferry.stage.fakes;

import dev.ferry.server.Stage;
import dev.ferry.server.StageLeases;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Stage leases in memory, with the rules of the DynamoDB table's conditional writes. */
public final class InMemoryStageLeases implements StageLeases {

    private record Lease(String holder, Instant until) {
    }

    private final Map<String, Lease> leases = new HashMap<>();

    @Override
    public synchronized boolean tryTake(String waveId, Stage stage, String holder, Instant now, Duration lease) {
        Lease current = leases.get(key(waveId, stage));
        if (current != null && now.isBefore(current.until()) && !current.holder().equals(holder)) {
            return false;
        }
        leases.put(key(waveId, stage), new Lease(holder, now.plus(lease)));
        return true;
    }

    @Override
    public synchronized void giveBack(String waveId, Stage stage, String holder) {
        leases.computeIfPresent(key(waveId, stage), (key, lease) -> lease.holder().equals(holder) ? null : lease);
    }

    /** Whether someone holds the stage's lease at {@code now}. */
    public synchronized boolean isHeld(String waveId, Stage stage, Instant now) {
        Lease current = leases.get(key(waveId, stage));
        return current != null && now.isBefore(current.until());
    }

    private static String key(String waveId, Stage stage) {
        return waveId + "#" + stage;
    }
}
