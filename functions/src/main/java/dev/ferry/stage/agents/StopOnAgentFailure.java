package dev.ferry.stage.agents;

import dev.ferry.agent.AgentInstallRecord;
import dev.ferry.agent.AgentInstallRecord.State;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveRecord.WaveStatus;
import dev.ferry.server.WaveStore;
import dev.ferry.wave.Policies.OnServerFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What the wave's {@code onServerFailure} policy STOP means for agent installation: once an
 * installation has failed the wave will stop, so nothing more is started, and when every
 * installation has finished the wave is stopped. Under CONTINUE nothing here acts.
 */
final class StopOnAgentFailure {

    private static final Logger LOG = LoggerFactory.getLogger(StopOnAgentFailure.class);

    private final WaveStore waves;
    private final AgentInstallWriter writer;
    private final Clock clock;

    StopOnAgentFailure(WaveStore waves, AgentInstallWriter writer, Clock clock) {
        this.waves = waves;
        this.writer = writer;
        this.clock = clock;
    }

    /** Whether a failed installation stops the wave. */
    static boolean appliesTo(WaveRecord wave) {
        return wave.definition().policies().onServerFailure() == OnServerFailure.STOP;
    }

    /**
     * Under STOP, once an installation has failed the wave will stop: installations not sent yet
     * are left out instead of started. Those sent already are followed to their end.
     */
    List<AgentInstallRecord> leaveOutUnsent(WaveRecord wave, List<AgentInstallRecord> records) {
        if (!appliesTo(wave)) {
            return records;
        }
        Optional<AgentInstallRecord> failed = records.stream().filter(install -> install.state() == State.FAILED)
                .findFirst();
        if (failed.isEmpty()) {
            return records;
        }
        String reason = "not installed: the wave stops because the agent installation on " + failed.get().label()
                + " (" + failed.get().instanceId() + ") failed";
        return records.stream()
                .map(install -> install.state() == State.CHECKING
                        ? writer.save(install, install.leftOut(reason, clock.instant()))
                        : install)
                .toList();
    }

    /**
     * Under STOP, stops the wave for its first failed installation.
     *
     * @return the wave as it stands now: stopped, or unchanged
     */
    WaveRecord stopWave(WaveRecord wave, List<AgentInstallRecord> records) {
        if (!appliesTo(wave)) {
            return wave;
        }
        return records.stream()
                .filter(install -> install.state() == State.FAILED)
                .findFirst()
                .map(failed -> {
                    WaveRecord stopped = wave.withStatus(WaveStatus.STOPPED, "The agent installation on "
                            + failed.label() + " (" + failed.instanceId() + ") failed and the wave stops on a server "
                            + "failure: " + failed.failure());
                    waves.update(stopped);
                    LOG.warn("Wave stopped: {}", stopped.reason());
                    return stopped;
                })
                .orElse(wave);
    }
}
