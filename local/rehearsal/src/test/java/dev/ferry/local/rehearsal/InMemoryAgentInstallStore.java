package dev.ferry.local.rehearsal;

import dev.ferry.agent.AgentInstallRecord;
import dev.ferry.agent.AgentInstallStore;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Agent installations in memory, counting how often a wave's installations are read. */
final class InMemoryAgentInstallStore implements AgentInstallStore {

    private final Map<String, AgentInstallRecord> installs = new TreeMap<>();
    private int reads;

    @Override
    public AgentInstallRecord create(AgentInstallRecord install) {
        return installs.computeIfAbsent(install.instanceId(), any -> install);
    }

    @Override
    public boolean replace(AgentInstallRecord current, AgentInstallRecord next) {
        AgentInstallRecord stored = installs.get(current.instanceId());
        if (stored == null || stored.revision() != current.revision()) {
            return false;
        }
        installs.put(next.instanceId(), next);
        return true;
    }

    @Override
    public List<AgentInstallRecord> installs(String waveId) {
        reads++;
        return installs.values().stream().filter(install -> install.waveId().equals(waveId)).toList();
    }

    /** Stores {@code install} whatever was stored for its instance. */
    void put(AgentInstallRecord install) {
        installs.put(install.instanceId(), install);
    }

    /** How many times installations were read. */
    int reads() {
        return reads;
    }
}
