package dev.ferry.store;

import dev.ferry.sfn.TaskAttempt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.approval.Approval;
import dev.ferry.approval.Decision;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoApprovalStore against DynamoDB Local 2.6.1, in memory, through its HTTP API (see
 * {@link DynamoDbLocal}): one approval per wave, one decision per approval, none after expiry.
 */
class DynamoApprovalStoreIntegrationTest {

    @RegisterExtension
    static final DynamoDbLocal DYNAMO_DB = new DynamoDbLocal();

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");
    private static final Duration RETENTION = Duration.ofDays(180);
    private static final Instant EXPIRES = NOW.plus(Duration.ofHours(24));
    /** The retry of the task whose first attempt created the approval. */
    private static final TaskAttempt RETRY = new TaskAttempt(NOW, 1);

    private final DynamoApprovalStore store = new DynamoApprovalStore(DYNAMO_DB.client(), DYNAMO_DB.tableName(),
            Clock.fixed(NOW, ZoneOffset.UTC), RETENTION);

    @Test
    void aCreatedApprovalIsFoundUndecided() {
        Approval approval = approval("approval-1", "wave-1", "token-1");

        Approval created = store.createForWave(approval);

        assertThat(created).isEqualTo(approval);
        assertThat(store.find("approval-1")).contains(approval);
    }

    @Test
    void anUnknownApprovalIsNotFound() {
        assertThat(store.find("no-such-approval")).isEmpty();
    }

    @Test
    void aSecondApprovalForAWaveReturnsTheFirst() {
        Approval first = store.createForWave(approval("approval-1", "wave-1", "token-1"));

        Approval second = store.createForWave(approval("approval-2", "wave-1", "token-2"));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aSecondApprovalForAWaveIsNotStored() {
        store.createForWave(approval("approval-1", "wave-1", "token-1"));

        store.createForWave(approval("approval-2", "wave-1", "token-2"));

        assertThat(store.find("approval-2")).isEmpty();
    }

    @Test
    void eachWaveGetsItsOwnApproval() {
        store.createForWave(approval("approval-1", "wave-1", "token-1"));
        Approval other = approval("approval-2", "wave-2", "token-2");

        assertThat(store.createForWave(other)).isEqualTo(other);
    }

    @Test
    void theFirstDecisionIsRecorded() {
        store.createForWave(approval("approval-1", "wave-1", "token-1"));
        Decision approved = decision(true, NOW.plusSeconds(600));

        boolean recorded = store.decide("approval-1", approved);

        assertThat(recorded).isTrue();
        assertThat(store.find("approval-1")).get().extracting(Approval::decision).isEqualTo(approved);
    }

    @Test
    void aSecondDecisionIsRefusedAndTheFirstStands() {
        store.createForWave(approval("approval-1", "wave-1", "token-1"));
        Decision approved = decision(true, NOW.plusSeconds(600));
        store.decide("approval-1", approved);

        boolean recorded = store.decide("approval-1", decision(false, NOW.plusSeconds(601)));

        assertThat(recorded).isFalse();
        assertThat(store.find("approval-1")).get().extracting(Approval::decision).isEqualTo(approved);
    }

    @Test
    void aDecisionAtTheExpiryIsRefused() {
        store.createForWave(approval("approval-1", "wave-1", "token-1"));

        boolean recorded = store.decide("approval-1", decision(true, EXPIRES));

        assertThat(recorded).isFalse();
        assertThat(store.find("approval-1")).get().extracting(Approval::isDecided).isEqualTo(false);
    }

    @Test
    void aDecisionJustBeforeTheExpiryIsRecorded() {
        store.createForWave(approval("approval-1", "wave-1", "token-1"));

        assertThat(store.decide("approval-1", decision(true, EXPIRES.minusMillis(1)))).isTrue();
    }

    @Test
    void aDecisionOnAnUnknownApprovalIsRefusedWithoutCreatingIt() {
        boolean recorded = store.decide("no-such-approval", decision(true, NOW));

        assertThat(recorded).isFalse();
        assertThat(store.find("no-such-approval")).isEmpty();
    }

    @Test
    void aDecidedApprovalShowsItsStatusToPeopleReadingTheTable() {
        store.createForWave(approval("approval-1", "wave-1", "token-1"));

        store.decide("approval-1", decision(false, NOW.plusSeconds(600)));

        assertThat(item("APPROVAL#approval-1", "APPROVAL").get("status").s()).isEqualTo("REJECTED");
    }

    @Test
    void replacingTheTaskTokenPointsTheApprovalAtTheRetriedTask() {
        store.createForWave(approval("approval-1", "wave-1", "token-1"));

        store.replaceTaskToken("approval-1", "token-2", RETRY);

        assertThat(store.find("approval-1")).get().extracting(Approval::taskToken).isEqualTo("token-2");
    }

    @Test
    void aTokenOfAnEarlierAttemptDoesNotReplaceTheLaterOne() {
        store.createForWave(approval("approval-1", "wave-1", "token-1"));
        store.replaceTaskToken("approval-1", "token-2", RETRY);

        boolean replaced = store.replaceTaskToken("approval-1", "token-1", new TaskAttempt(NOW, 0));

        assertThat(replaced).isFalse();
        assertThat(store.find("approval-1")).get().extracting(Approval::taskToken, Approval::taskAttempt)
                .containsExactly("token-2", RETRY);
    }

    @Test
    void replacingTheTaskTokenKeepsTheDecision() {
        store.createForWave(approval("approval-1", "wave-1", "token-1"));
        Decision approved = decision(true, NOW.plusSeconds(600));
        store.decide("approval-1", approved);

        store.replaceTaskToken("approval-1", "token-2", RETRY);

        assertThat(store.find("approval-1")).get().extracting(Approval::decision).isEqualTo(approved);
    }

    @Test
    void replacingTheTaskTokenOfAnUnknownApprovalFailsWithoutCreatingIt() {
        assertThatThrownBy(() -> store.replaceTaskToken("no-such-approval", "token-2", RETRY))
                .isInstanceOf(NoSuchItemException.class)
                .hasMessageContaining("no-such-approval");
        assertThat(store.find("no-such-approval")).isEmpty();
    }

    @Test
    void aDeliveredDecisionIsMarkedDelivered() {
        store.createForWave(approval("approval-1", "wave-1", "token-1"));
        store.decide("approval-1", decision(true, NOW.plusSeconds(600)));

        store.markDelivered("approval-1");

        assertThat(store.find("approval-1")).get().extracting(Approval::delivered).isEqualTo(true);
    }

    @Test
    void anApprovalWhoseEmailWentOutIsMarkedNotified() {
        store.createForWave(approval("approval-1", "wave-1", "token-1"));

        store.markNotified("approval-1");

        assertThat(store.find("approval-1")).get().extracting(Approval::notified).isEqualTo(true);
        assertThat(store.find("approval-1")).get().extracting(Approval::delivered).isEqualTo(false);
    }

    @Test
    void markingAnUnknownApprovalDeliveredFails() {
        assertThatThrownBy(() -> store.markDelivered("no-such-approval")).isInstanceOf(NoSuchItemException.class);
    }

    @Test
    void theApprovalAndTheWaveLinkExpireARetentionPeriodAfterTheyWereWritten() {
        store.createForWave(approval("approval-1", "wave-1", "token-1"));

        long expected = NOW.plus(RETENTION).getEpochSecond();
        assertThat(expiresAt("APPROVAL#approval-1")).isEqualTo(expected);
        assertThat(expiresAt("WAVE#wave-1")).isEqualTo(expected);
    }

    @Test
    void theTaskTokenIsStoredOnlyOnce() {
        store.createForWave(approval("approval-1", "wave-1", "token-1"));
        store.replaceTaskToken("approval-1", "token-2", RETRY);

        assertThat(item("APPROVAL#approval-1", "APPROVAL").get("record").s()).doesNotContain("token-");
    }

    @Test
    void approvalsWaitingForADecisionAreCountedUntilDecidedOrExpired() {
        store.createForWave(approval("approval-1", "wave-1", "token-1"));
        store.createForWave(approval("approval-2", "wave-2", "token-2"));
        store.createForWave(approval("approval-3", "wave-3", "token-3"));
        store.decide("approval-2", decision(true, NOW.plusSeconds(600)));

        assertThat(store.waitingForDecision(NOW.plusSeconds(900))).isEqualTo(2);
        assertThat(store.waitingForDecision(EXPIRES)).isZero();
    }

    @Test
    void theApprovalsCountedAreNotWaitsTheReconcilerEvaluates() {
        store.createForWave(approval("approval-1", "wave-1", "token-1"));

        DynamoWaitStore waits = new DynamoWaitStore(DYNAMO_DB.client(), DYNAMO_DB.tableName(),
                Clock.fixed(NOW, ZoneOffset.UTC), RETENTION);
        assertThat(waits.unreleased()).isEmpty();
    }

    private static Approval approval(String approvalId, String waveId, String token) {
        return new Approval(approvalId, waveId, "Media servers", "2 servers ready for cutover", token,
                new TaskAttempt(NOW, 0), NOW, EXPIRES,
                null, false, false);
    }

    private static Decision decision(boolean approved, Instant at) {
        return new Decision(approved, "ops@example.com", approved ? null : "not tonight", at, "203.0.113.7",
                "Mozilla/5.0");
    }

    private static long expiresAt(String pk) {
        return Long.parseLong(item(pk, "APPROVAL").get("expiresAt").n());
    }

    private static Map<String, AttributeValue> item(String pk, String sk) {
        return DYNAMO_DB.client().getItem(get -> get.tableName(DYNAMO_DB.tableName())
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
    }
}
