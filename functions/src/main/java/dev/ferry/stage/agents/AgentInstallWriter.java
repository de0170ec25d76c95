package dev.ferry.stage.agents;

import dev.ferry.agent.AgentInstallRecord;
import dev.ferry.agent.AgentInstallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Stores the steps of agent installations, each over the revision it was made from, so that a
 * retried or duplicated call of the stage never takes a step twice. Every part of the stage that
 * moves an installation on writes through here.
 */
final class AgentInstallWriter {

    private static final Logger LOG = LoggerFactory.getLogger(AgentInstallWriter.class);

    private final AgentInstallStore installs;
    private final Clock clock;

    AgentInstallWriter(AgentInstallStore installs, Clock clock) {
        this.installs = installs;
        this.clock = clock;
    }

    /**
     * Writes the next step over the one it was made from. When another invocation moved the
     * installation on meanwhile, its step stands and this one is dropped.
     *
     * @return the step stored: {@code next}, or {@code current} when the write was dropped
     */
    AgentInstallRecord save(AgentInstallRecord current, AgentInstallRecord next) {
        if (installs.replace(current, next)) {
            return next;
        }
        LOG.warn("The agent installation on {} was moved on by another invocation; leaving it to that one",
                current.instanceId());
        return current;
    }

    /** Fails the installation with a reason that says what went wrong on which instance. */
    AgentInstallRecord fail(AgentInstallRecord install, String reason) {
        LOG.warn("Agent installation on {} failed: {}", install.instanceId(), reason);
        return save(install, install.failed(reason, clock.instant()));
    }
}
