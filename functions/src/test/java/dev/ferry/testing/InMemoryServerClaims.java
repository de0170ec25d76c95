package dev.ferry.testing;

import dev.ferry.server.ServerClaim;
import dev.ferry.server.ServerClaims;
import dev.ferry.stage.ServerClaiming;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Server claims in a map, with the conditions of the DynamoDB store. */
public final class InMemoryServerClaims implements ServerClaims {

    private final Map<String, ServerClaim> claims = new ConcurrentHashMap<>();

    /** Claiming on a fresh in-memory store where every execution that holds a claim still runs. */
    public static ServerClaiming claiming() {
        return new ServerClaiming(new InMemoryServerClaims(), executionArn -> true);
    }

    @Override
    public ServerClaim claim(ServerClaim claim) {
        return claims.compute(claim.key(), (key, held) -> held == null || held.heldBy(claim.executionArn()) ? claim : held);
    }

    @Override
    public ServerClaim takeOver(ServerClaim claim, ServerClaim stale) {
        return claims.compute(claim.key(), (key, held) -> held == null || held.heldBy(stale.executionArn()) ? claim : held);
    }

    @Override
    public void release(String key, String executionArn) {
        claims.computeIfPresent(key, (id, held) -> held.heldBy(executionArn) ? null : held);
    }

    /** The claim on the server, if any. */
    public Optional<ServerClaim> holder(String key) {
        return Optional.ofNullable(claims.get(key));
    }

    /** How many servers are claimed. */
    public int size() {
        return claims.size();
    }
}
