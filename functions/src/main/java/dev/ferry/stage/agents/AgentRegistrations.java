package dev.ferry.stage.agents;

import dev.ferry.agent.AgentInstallRecord.State;
import dev.ferry.agent.AgentInstallRecord;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.mgn.SourceServer;
import dev.ferry.notify.Wording;
import dev.ferry.server.WaveRecord;
import dev.ferry.stage.ServerJoins.Joining;
import dev.ferry.stage.ServerJoins;
import dev.ferry.wave.AgentInstallationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds in MGN the servers whose agent was installed and makes them members of the wave. The
 * installer's success says nothing of MGN: the agent registers on its own, in the target region,
 * and is known by the instance ID it reports; this is the one place that matches the two.
 */
final class AgentRegistrations {

    private static final Logger LOG = LoggerFactory.getLogger(AgentRegistrations.class);

    private final MgnGateway mgn;
    private final ServerJoins joins;
    private final AgentInstallWriter writer;
    private final Clock clock;

    AgentRegistrations(MgnGateway mgn, ServerJoins joins, AgentInstallWriter writer, Clock clock) {
        this.mgn = mgn;
        this.joins = joins;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * Installations whose installer succeeded are looked for in MGN (one read of the region's
     * servers); the servers found join the wave together, then their installations are REGISTERED.
     * An instance replicated by several servers, or not found within the registration timeout, fails.
     *
     * @return every installation of {@code records}, in their order, as they stand now
     */
    List<AgentInstallRecord> register(WaveRecord wave, List<AgentInstallRecord> records) {
        if (records.stream().noneMatch(install -> install.state() == State.REGISTERING)) {
            return records;
        }
        AgentInstallationSettings settings = wave.definition().agentInstallation();
        Map<String, List<SourceServer>> byInstance = SourceServer.replicatingByInstance(mgn.listSourceServers());
        Instant now = clock.instant();
        Map<String, AgentInstallRecord> updated = new LinkedHashMap<>();
        records.forEach(install -> updated.put(install.instanceId(), install));
        List<Joining> joining = new ArrayList<>();
        List<AgentInstallRecord> found = new ArrayList<>();
        Map<String, SourceServer> serverOf = new LinkedHashMap<>();
        for (AgentInstallRecord install : records) {
            if (install.state() != State.REGISTERING) {
                continue;
            }
            List<SourceServer> candidates = byInstance.getOrDefault(install.instanceId(), List.of());
            if (candidates.size() == 1) {
                SourceServer server = candidates.getFirst();
                joining.add(Joining.of(server, install.name(), install.instanceId()));
                found.add(install);
                serverOf.put(install.instanceId(), server);
            } else if (candidates.size() > 1) {
                updated.put(install.instanceId(), writer.fail(install, "instance " + install.instanceId()
                        + " is replicated by several source servers in " + wave.definition().targetRegion() + " ("
                        + candidates.stream().map(SourceServer::id).sorted().collect(Collectors.joining(", ")) + ")"));
            } else if (!now.isBefore(install.stateSince().plus(settings.registrationTimeout()))) {
                updated.put(install.instanceId(), writer.fail(install, "the agent never registered with MGN in "
                        + wave.definition().targetRegion() + " within "
                        + Wording.duration(settings.registrationTimeout()) + " after the installer on "
                        + install.instanceId() + " succeeded"));
            }
        }
        // The servers join before their installations are marked: REGISTERED always means "in the wave".
        if (!joining.isEmpty()) {
            joins.join(wave.waveId(), joining);
        }
        for (AgentInstallRecord install : found) {
            String serverId = serverOf.get(install.instanceId()).id();
            LOG.info("The agent on {} registered as {}", install.instanceId(), serverId);
            updated.put(install.instanceId(), writer.save(install, install.registered(serverId, clock.instant())));
        }
        return List.copyOf(updated.values());
    }
}
