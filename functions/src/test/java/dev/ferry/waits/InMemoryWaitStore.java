package dev.ferry.waits;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Waits in memory, with the lease and claim rules of the DynamoDB table's conditional writes. */
public final class InMemoryWaitStore implements WaitStore {

    private final Map<String, Wait> waits = new TreeMap<>();
    private final Map<String, Instant> leases = new HashMap<>();

    @Override
    public boolean open(Wait wait) {
        Wait stored = waits.get(wait.waitId());
        if (stored != null && !stored.isReplacedBy(wait.attempt())) {
            return false;
        }
        waits.put(wait.waitId(), wait);
        leases.remove(wait.waitId());
        return true;
    }

    @Override
    public Optional<Wait> find(String waitId) {
        return Optional.ofNullable(waits.get(waitId));
    }

    @Override
    public List<Wait> unreleased() {
        return waits.values().stream().filter(wait -> wait.status() != Wait.Status.RELEASED).toList();
    }

    @Override
    public boolean tryLease(String waitId, Instant now, Duration lease) {
        if (!waits.containsKey(waitId)) {
            return false;
        }
        Instant heldUntil = leases.get(waitId);
        if (heldUntil != null && now.isBefore(heldUntil)) {
            return false;
        }
        leases.put(waitId, now.plus(lease));
        return true;
    }

    @Override
    public void endLease(String waitId) {
        leases.remove(waitId);
    }

    @Override
    public boolean claim(String waitId, String taskToken, Instant now) {
        Wait wait = waits.get(waitId);
        if (wait == null || wait.status() != Wait.Status.PENDING || !wait.taskToken().equals(taskToken)) {
            return false;
        }
        waits.put(waitId, withStatus(wait, Wait.Status.RELEASING, now));
        return true;
    }

    @Override
    public void markReleased(String waitId, String taskToken) {
        Wait wait = waits.get(waitId);
        if (wait != null && wait.taskToken().equals(taskToken)) {
            waits.put(waitId, withStatus(wait, Wait.Status.RELEASED, wait.releasingSince()));
        }
    }

    /** Whether someone holds an unexpired lease on the wait at {@code now}. */
    public boolean isLeased(String waitId, Instant now) {
        Instant heldUntil = leases.get(waitId);
        return heldUntil != null && now.isBefore(heldUntil);
    }

    private static Wait withStatus(Wait wait, Wait.Status status, Instant releasingSince) {
        return new Wait(wait.waitId(), wait.waveId(), wait.kind(), wait.taskToken(), wait.attempt(),
                wait.executionArn(),
                wait.createdAt(), wait.deadline(), status, releasingSince);
    }
}
