package dev.ferry.testing;

import dev.ferry.agent.AgentInstallRecord;
import dev.ferry.agent.AgentInstallStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Agent installations in memory, with the semantics the DynamoDB adapter promises: {@code create}
 * keeps what is stored, {@code replace} writes only over the revision a step was made from, reads
 * come in instance ID order. It records every write and can crash before a chosen write, to
 * rehearse an invocation dying part-way through. Synchronized: installations advance in parallel.
 */
public final class InMemoryAgentInstallStore implements AgentInstallStore {

    private static final int NO_CRASH = -1;

    private final Map<String, TreeMap<String, AgentInstallRecord>> byWave = new HashMap<>();
    private final List<AgentInstallRecord> writes = new ArrayList<>();
    private int writesBeforeCrash = NO_CRASH;
    private int reads;

    /** Stores installations as a test's starting point, without counting them as writes. */
    public synchronized InMemoryAgentInstallStore with(AgentInstallRecord... installs) {
        for (AgentInstallRecord install : installs) {
            store(install);
        }
        return this;
    }

    /** The next {@code count} writes are stored, then the write after them crashes (once). */
    public synchronized void crashAfterWrites(int count) {
        writesBeforeCrash = count;
    }

    /** One installation as stored, or null. */
    public synchronized AgentInstallRecord install(String waveId, String instanceId) {
        TreeMap<String, AgentInstallRecord> wave = byWave.get(waveId);
        return wave == null ? null : wave.get(instanceId);
    }

    /** Every record written, in order. */
    public synchronized List<AgentInstallRecord> writes() {
        return List.copyOf(writes);
    }

    /** How many times a wave's installations were read. */
    public synchronized int reads() {
        return reads;
    }

    @Override
    public synchronized AgentInstallRecord create(AgentInstallRecord install) {
        AgentInstallRecord stored = install(install.waveId(), install.instanceId());
        if (stored != null) {
            return stored;
        }
        write(install);
        return install;
    }

    @Override
    public synchronized boolean replace(AgentInstallRecord current, AgentInstallRecord next) {
        AgentInstallRecord stored = install(current.waveId(), current.instanceId());
        if (stored == null || stored.revision() != current.revision()) {
            return false;
        }
        write(next);
        return true;
    }

    @Override
    public synchronized List<AgentInstallRecord> installs(String waveId) {
        reads++;
        return List.copyOf(byWave.getOrDefault(waveId, new TreeMap<>()).values());
    }

    private void write(AgentInstallRecord install) {
        if (writesBeforeCrash == 0) {
            writesBeforeCrash = NO_CRASH;
            throw new SimulatedCrash("before writing the agent installation of " + install.instanceId());
        }
        if (writesBeforeCrash > 0) {
            writesBeforeCrash--;
        }
        store(install);
        writes.add(install);
    }

    private void store(AgentInstallRecord install) {
        byWave.computeIfAbsent(install.waveId(), id -> new TreeMap<>()).put(install.instanceId(), install);
    }
}
