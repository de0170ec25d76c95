package dev.ferry.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.server.ServerClaim;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Server claims against DynamoDB Local: one execution holds a server until it gives it back or is taken over. */
class DynamoServerClaimsIntegrationTest {

    @RegisterExtension
    static final DynamoDbLocal DYNAMO_DB = new DynamoDbLocal();

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");
    private static final String FIRST = "arn:aws:states:eu-central-1:111122223333:execution:ferry-waves:wave-a";
    private static final String SECOND = "arn:aws:states:eu-central-1:111122223333:execution:ferry-waves:wave-b";

    private final DynamoServerClaims claims = new DynamoServerClaims(DYNAMO_DB.client(), DYNAMO_DB.tableName(),
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(90));

    @Test
    void aClaimedServerIsRefusedToAnotherExecutionWhichLearnsTheHolderAndTheHolderMayClaimAgain() {
        ServerClaim first = claim("s-00000000000000001", "wave-a", FIRST);

        assertThat(claims.claim(first)).isEqualTo(first);
        assertThat(claims.claim(claim("s-00000000000000001", "wave-b", SECOND))).isEqualTo(first);
        assertThat(claims.claim(first)).as("a retried claim of the holder").isEqualTo(first);
    }

    @Test
    void onlyTheHolderReleasesAndAReleasedServerIsFree() {
        ServerClaim first = claim("s-00000000000000002", "wave-a", FIRST);
        ServerClaim second = claim("s-00000000000000002", "wave-b", SECOND);
        claims.claim(first);

        claims.release(first.key(), SECOND);
        assertThat(claims.claim(second)).isEqualTo(first);

        claims.release(first.key(), FIRST);
        claims.release(first.key(), FIRST);
        assertThat(claims.claim(second)).isEqualTo(second);
    }

    @Test
    void aTakeOverSucceedsOnlyWhileTheStaleHolderStillHoldsTheServer() {
        ServerClaim first = claim("s-00000000000000003", "wave-a", FIRST);
        ServerClaim second = claim("s-00000000000000003", "wave-b", SECOND);
        ServerClaim third = claim("s-00000000000000003", "wave-c", FIRST.replace("wave-a", "wave-c"));
        claims.claim(first);

        assertThat(claims.takeOver(second, first)).isEqualTo(second);
        assertThat(claims.takeOver(third, first)).as("the stale holder is gone: the new one stays").isEqualTo(second);
    }

    @Test
    void aTakeOverFromAHolderThatGaveTheServerBackClaimsItAsFree() {
        ServerClaim first = claim("s-00000000000000005", "wave-a", FIRST);
        ServerClaim second = claim("s-00000000000000005", "wave-b", SECOND);
        claims.claim(first);
        claims.release(first.key(), FIRST);

        assertThat(claims.takeOver(second, first)).isEqualTo(second);
        assertThat(claims.claim(claim("s-00000000000000005", "wave-c", FIRST))).isEqualTo(second);
    }

    @Test
    void theItemSaysWhichWaveHoldsTheServerAndExpires() {
        claims.claim(claim("i-0a1b2c3d4e5f60718", "wave-a", FIRST));

        Map<String, AttributeValue> item = DYNAMO_DB.client().getItem(get -> get.tableName(DYNAMO_DB.tableName())
                .key(Items.key("CLAIM#i-0a1b2c3d4e5f60718", "CLAIM"))).item();
        assertThat(item.get("waveId").s()).isEqualTo("wave-a");
        assertThat(item.get("label").s()).isEqualTo("server");
        assertThat(item.get(FerryTable.TIME_TO_LIVE).n())
                .isEqualTo(Long.toString(NOW.plus(Duration.ofDays(90)).getEpochSecond()));
    }

    @Test
    void ofTwoExecutionsClaimingTogetherExactlyOneHoldsTheServer() throws Exception {
        ServerClaim first = claim("s-00000000000000004", "wave-a", FIRST);
        ServerClaim second = claim("s-00000000000000004", "wave-b", SECOND);
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService both = Executors.newFixedThreadPool(2)) {
            List<Future<ServerClaim>> holders = List.of(
                    both.submit(() -> {
                        start.await();
                        return claims.claim(first);
                    }),
                    both.submit(() -> {
                        start.await();
                        return claims.claim(second);
                    }));
            start.countDown();
            assertThat(holders.get(0).get()).isEqualTo(holders.get(1).get()).isIn(first, second);
        }
    }

    private static ServerClaim claim(String key, String waveId, String executionArn) {
        return new ServerClaim(key, waveId, executionArn, "server");
    }
}
