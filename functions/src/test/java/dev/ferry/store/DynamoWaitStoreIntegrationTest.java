package dev.ferry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ferry.sfn.TaskAttempt;
import dev.ferry.waits.Wait;
import dev.ferry.waits.WaitKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoWaitStore against DynamoDB Local 2.6.1, in memory, through its HTTP API (see
 * {@link DynamoDbLocal}): the conditional writes that give a wait one evaluator at a time and
 * one release.
 */
class DynamoWaitStoreIntegrationTest {

    @RegisterExtension
    static final DynamoDbLocal DYNAMO_DB = new DynamoDbLocal();

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");
    private static final Duration RETENTION = Duration.ofDays(180);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final String EXECUTION = "arn:aws:states:eu-central-1:111122223333:execution:ferry-wave:wave-1";

    private final DynamoWaitStore store = storeAt(NOW);
    private final ExecutorService contenders = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopContenders() {
        contenders.shutdownNow();
    }

    @Test
    void anOpenedWaitIsFoundPending() {
        Wait wait = replicationWait("wave-1", "token-1");

        store.open(wait);

        assertThat(store.find(wait.waitId())).contains(wait);
    }

    @Test
    void anUnknownWaitIsNotFound() {
        assertThat(store.find("wave-1#REPLICATION")).isEmpty();
    }

    @Test
    void aRetriedTaskReplacesTheWaitWithItsToken() {
        Wait first = replicationWait("wave-1", "token-1");
        store.open(first);
        store.claim(first.waitId(), "token-1", NOW);
        Wait retried = retriedWait("wave-1", "token-2");

        boolean replaced = store.open(retried);

        assertThat(replaced).isTrue();
        assertThat(store.find(first.waitId())).contains(retried);
    }

    @Test
    void aHandlerOfAnEarlierAttemptThatRanOnLeavesTheLaterAttemptsWaitAsItIs() {
        Wait retried = retriedWait("wave-1", "token-2");
        store.open(retried);

        boolean replaced = store.open(replicationWait("wave-1", "token-1"));

        assertThat(replaced).isFalse();
        assertThat(store.find(retried.waitId())).contains(retried);
    }

    @Test
    void aStateEnteredAgainIsALaterAttemptWhateverItsRetries() {
        store.open(retriedWait("wave-1", "token-1"));
        Wait reentered = Wait.open("wave-1", WaitKind.REPLICATION, "token-2",
                new TaskAttempt(NOW.plusMillis(1), 0), EXECUTION, NOW, NOW.plus(Duration.ofDays(2)));

        assertThat(store.open(reentered)).isTrue();
        assertThat(store.find(reentered.waitId())).contains(reentered);
    }

    @Test
    void openingAgainWithTheSameTokenLeavesAClaimedWaitAsItIs() {
        Wait wait = replicationWait("wave-1", "token-1");
        store.open(wait);
        store.claim(wait.waitId(), "token-1", NOW);

        store.open(wait);

        assertThat(store.find(wait.waitId())).get().extracting(Wait::status).isEqualTo(Wait.Status.RELEASING);
    }

    @Test
    void aClaimMovesTheWaitToReleasing() {
        Wait wait = replicationWait("wave-1", "token-1");
        store.open(wait);

        boolean won = store.claim(wait.waitId(), "token-1", NOW.plusSeconds(30));

        assertThat(won).isTrue();
        assertThat(store.find(wait.waitId())).get()
                .extracting(Wait::status, Wait::releasingSince)
                .containsExactly(Wait.Status.RELEASING, NOW.plusSeconds(30));
    }

    @Test
    void aClaimedWaitCannotBeClaimedAgain() {
        Wait wait = replicationWait("wave-1", "token-1");
        store.open(wait);
        store.claim(wait.waitId(), "token-1", NOW);

        assertThat(store.claim(wait.waitId(), "token-1", NOW.plusSeconds(1))).isFalse();
    }

    @Test
    void aClaimWithTheTokenOfAReplacedTaskIsRefused() {
        store.open(replicationWait("wave-1", "token-1"));
        store.open(retriedWait("wave-1", "token-2"));

        assertThat(store.claim("wave-1#REPLICATION", "token-1", NOW)).isFalse();
    }

    @Test
    void aClaimOfAnUnknownWaitIsRefused() {
        assertThat(store.claim("wave-1#REPLICATION", "token-1", NOW)).isFalse();
    }

    @Test
    void twoConcurrentClaimsOfAWaitHaveExactlyOneWinner() throws Exception {
        List<Wait> waits = IntStream.range(0, 20).mapToObj(i -> replicationWait("wave-" + i, "token-" + i)).toList();
        waits.forEach(store::open);

        for (Wait wait : waits) {
            List<Boolean> outcomes = race(() -> store.claim(wait.waitId(), wait.taskToken(), NOW));

            assertThat(outcomes).as("claims of %s", wait.waitId()).containsExactlyInAnyOrder(true, false);
        }
    }

    @Test
    void unreleasedListsPendingAndReleasingWaits() {
        Wait pending = replicationWait("wave-1", "token-1");
        Wait claimed = replicationWait("wave-2", "token-2");
        store.open(pending);
        store.open(claimed);
        store.claim(claimed.waitId(), "token-2", NOW);

        assertThat(store.unreleased()).extracting(Wait::waitId, Wait::status).containsExactlyInAnyOrder(
                tuple(pending.waitId(), Wait.Status.PENDING),
                tuple(claimed.waitId(), Wait.Status.RELEASING));
    }

    @Test
    void aReleasedWaitLeavesUnreleased() {
        Wait released = replicationWait("wave-1", "token-1");
        Wait pending = replicationWait("wave-2", "token-2");
        store.open(released);
        store.open(pending);
        store.claim(released.waitId(), "token-1", NOW);

        store.markReleased(released.waitId(), "token-1");

        assertThat(store.unreleased()).extracting(Wait::waitId).containsExactly(pending.waitId());
        assertThat(store.find(released.waitId())).get().extracting(Wait::status).isEqualTo(Wait.Status.RELEASED);
    }

    @Test
    void releasingTheTokenOfAReplacedTaskLeavesTheNewWaitUnreleased() {
        store.open(replicationWait("wave-1", "token-1"));
        Wait retried = retriedWait("wave-1", "token-2");
        store.open(retried);

        store.markReleased(retried.waitId(), "token-1");

        assertThat(store.unreleased()).containsExactly(retried);
    }

    @Test
    void aHeldLeaseKeepsOtherEvaluatorsOut() {
        Wait wait = replicationWait("wave-1", "token-1");
        store.open(wait);
        store.tryLease(wait.waitId(), NOW, LEASE);

        assertThat(store.tryLease(wait.waitId(), NOW.plus(LEASE).minusMillis(1), LEASE)).isFalse();
    }

    @Test
    void anExpiredLeaseCanBeTakenByAnotherEvaluator() {
        Wait wait = replicationWait("wave-1", "token-1");
        store.open(wait);
        store.tryLease(wait.waitId(), NOW, LEASE);

        assertThat(store.tryLease(wait.waitId(), NOW.plus(LEASE), LEASE)).isTrue();
    }

    @Test
    void anEndedLeaseCanBeTakenAtOnce() {
        Wait wait = replicationWait("wave-1", "token-1");
        store.open(wait);
        store.tryLease(wait.waitId(), NOW, LEASE);

        store.endLease(wait.waitId());

        assertThat(store.tryLease(wait.waitId(), NOW.plusSeconds(1), LEASE)).isTrue();
    }

    @Test
    void twoConcurrentLeasesOfAWaitHaveExactlyOneWinner() throws Exception {
        List<Wait> waits = IntStream.range(0, 20).mapToObj(i -> replicationWait("wave-" + i, "token-" + i)).toList();
        waits.forEach(store::open);

        for (Wait wait : waits) {
            List<Boolean> outcomes = race(() -> store.tryLease(wait.waitId(), NOW, LEASE));

            assertThat(outcomes).as("leases of %s", wait.waitId()).containsExactlyInAnyOrder(true, false);
        }
    }

    @Test
    void aReleasedWaitCannotBeLeased() {
        Wait wait = replicationWait("wave-1", "token-1");
        store.open(wait);
        store.claim(wait.waitId(), "token-1", NOW);
        store.markReleased(wait.waitId(), "token-1");

        assertThat(store.tryLease(wait.waitId(), NOW, LEASE)).isFalse();
    }

    @Test
    void anUnknownWaitCannotBeLeased() {
        assertThat(store.tryLease("wave-1#REPLICATION", NOW, LEASE)).isFalse();
    }

    @Test
    void endingTheLeaseOfAnUnknownWaitLeavesTheTableEmpty() {
        store.endLease("wave-1#REPLICATION");

        assertThat(item("WAIT#wave-1#REPLICATION")).isEmpty();
    }

    @Test
    void aWaitItemExpiresARetentionPeriodAfterItWasOpened() {
        store.open(replicationWait("wave-1", "token-1"));

        assertThat(expiresAt("WAIT#wave-1#REPLICATION")).isEqualTo(NOW.plus(RETENTION).getEpochSecond());
    }

    @Test
    void everyChangeToAWaitRenewsItsExpiry() {
        Wait wait = replicationWait("wave-1", "token-1");
        store.open(wait);
        Instant later = NOW.plus(Duration.ofDays(3));

        storeAt(later).claim(wait.waitId(), "token-1", later);

        assertThat(expiresAt("WAIT#wave-1#REPLICATION")).isEqualTo(later.plus(RETENTION).getEpochSecond());
    }

    /** Runs the call on two threads released at the same moment; returns both outcomes. */
    private List<Boolean> race(Callable<Boolean> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<Boolean> contender = () -> {
            start.await();
            return call.call();
        };
        List<Future<Boolean>> outcomes = contenders.invokeAll(List.of(contender, contender));
        return outcomes.stream().map(DynamoWaitStoreIntegrationTest::outcome).toList();
    }

    private static Boolean outcome(Future<Boolean> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError("A contender failed", e);
        }
    }

    private static DynamoWaitStore storeAt(Instant now) {
        return new DynamoWaitStore(DYNAMO_DB.client(), DYNAMO_DB.tableName(), Clock.fixed(now, ZoneOffset.UTC),
                RETENTION);
    }

    /** A wait opened by the first attempt of a task entered at NOW. */
    private static Wait replicationWait(String waveId, String token) {
        return Wait.open(waveId, WaitKind.REPLICATION, token, new TaskAttempt(NOW, 0), EXECUTION, NOW,
                NOW.plus(Duration.ofDays(2)));
    }

    /** A wait opened by the retry of the task that {@link #replicationWait} opened first. */
    private static Wait retriedWait(String waveId, String token) {
        return Wait.open(waveId, WaitKind.REPLICATION, token, new TaskAttempt(NOW, 1), EXECUTION, NOW,
                NOW.plus(Duration.ofDays(2)));
    }

    private static long expiresAt(String pk) {
        return Long.parseLong(item(pk).get("expiresAt").n());
    }

    private static Map<String, AttributeValue> item(String pk) {
        return DYNAMO_DB.client().getItem(get -> get.tableName(DYNAMO_DB.tableName())
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("WAIT")))).item();
    }
}
