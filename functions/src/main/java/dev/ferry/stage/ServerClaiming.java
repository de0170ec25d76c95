package dev.ferry.stage;

import dev.ferry.agent.AgentInstallRecord;
import dev.ferry.server.ServerClaim;
import dev.ferry.server.ServerClaims;
import dev.ferry.server.ServerRecord;
import dev.ferry.sfn.WaveExecutions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a server in one running wave at a time. Preflight claims every server of its wave under
 * each name a wave may give it (its source server ID and its EC2 instance), so that a second wave
 * naming it either way is refused with the name of the wave that has it. A claim whose execution
 * has ended, however it ended (a crash, an abort from the console), is taken over: only Step
 * Functions' word that the holder still runs keeps a server from a new wave. The Report stage
 * gives the wave's claims back.
 */
public final class ServerClaiming {

    /** Claims are conditional writes of their own: a few at once keep a 1,000-server preflight short. */
    static final int PARALLELISM = 16;
    /** How often a claim is taken over before giving up: each take-over lost means a new holder. */
    private static final int MAX_TAKE_OVERS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(ServerClaiming.class);

    private final ServerClaims claims;
    private final WaveExecutions executions;

    public ServerClaiming(ServerClaims claims, WaveExecutions executions) {
        this.claims = claims;
        this.executions = executions;
    }

    /**
     * A server of the wave and the names it is claimed under.
     *
     * @param label what the wave calls it
     * @param keys  its source server ID and EC2 instance, those that are known
     */
    public record Claimable(String label, List<String> keys) {
    }

    /**
     * Claims every server for the execution, and returns one problem per server that another
     * running wave holds (none when the execution holds them all). A refused wave must give its
     * claims back with {@link #releaseAll}.
     */
    public List<String> claimAll(String waveId, String executionArn, List<Claimable> servers) {
        Map<String, Boolean> running = new ConcurrentHashMap<>();
        List<Optional<String>> conflicts = Concurrently.map(servers, PARALLELISM,
                server -> conflictOf(waveId, executionArn, server, running));
        return conflicts.stream().flatMap(Optional::stream).toList();
    }

    /** Gives back the execution's claims on these servers, under every name they were claimed. */
    public void releaseAll(String executionArn, Collection<Claimable> servers) {
        release(claims, executionArn, servers.stream().flatMap(server -> server.keys().stream()).distinct().toList());
    }

    /** Gives back the execution's claims on these keys; keys it does not hold are left as they are. */
    public static void release(ServerClaims claims, String executionArn, List<String> keys) {
        Concurrently.map(keys, PARALLELISM, key -> {
            claims.release(key, executionArn);
            return key;
        });
    }

    private Optional<String> conflictOf(String waveId, String executionArn, Claimable server,
                                        Map<String, Boolean> running) {
        for (String key : server.keys()) {
            ServerClaim holder = claim(new ServerClaim(key, waveId, executionArn, server.label()), running);
            if (!holder.heldBy(executionArn)) {
                return Optional.of(server.label() + ": in wave " + holder.waveId() + ", which is still running ("
                        + holder.executionArn() + "); a server moves in one running wave at a time: wait for "
                        + holder.waveId() + " to end, or take " + server.label() + " out of this wave");
            }
        }
        return Optional.empty();
    }

    /** The claim holding the server once this one has been tried: this one unless a running wave holds it. */
    private ServerClaim claim(ServerClaim mine, Map<String, Boolean> running) {
        ServerClaim holder = claims.claim(mine);
        for (int takeOvers = 0; !holder.heldBy(mine.executionArn()) && takeOvers < MAX_TAKE_OVERS; takeOvers++) {
            if (running.computeIfAbsent(holder.executionArn(), executions::isRunning)) {
                return holder;
            }
            LOG.info("{} was held by wave {}, whose execution has ended: taking it over", mine.key(), holder.waveId());
            holder = claims.takeOver(mine, holder);
        }
        return holder;
    }

    /** The names each server of these records and installations is claimed under. */
    public static List<String> keysOf(List<ServerRecord> servers, List<AgentInstallRecord> installs) {
        List<String> keys = new ArrayList<>();
        for (ServerRecord server : servers) {
            keys.add(server.sourceServerId());
            if (server.sourceInstanceId() != null) {
                keys.add(server.sourceInstanceId());
            }
        }
        installs.forEach(install -> keys.add(install.instanceId()));
        return keys.stream().distinct().toList();
    }
}
