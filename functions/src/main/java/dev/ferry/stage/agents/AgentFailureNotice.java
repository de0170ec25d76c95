package dev.ferry.stage.agents;

import dev.ferry.agent.AgentInstallRecord;
import dev.ferry.agent.AgentInstallRecord.State;
import dev.ferry.notify.AgentInstallFailuresMessage;
import dev.ferry.notify.Notifier;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;

import java.util.List;

/**
 * Tells the wave's operators which agent installations failed, in one message once every
 * installation has finished, and each failure only once however often the stage runs.
 */
final class AgentFailureNotice {

    private final WaveStore waves;
    private final Notifier notifier;
    private final AgentInstallWriter writer;

    AgentFailureNotice(WaveStore waves, Notifier notifier, AgentInstallWriter writer) {
        this.waves = waves;
        this.notifier = notifier;
        this.writer = writer;
    }

    /**
     * One message for the failures not told yet; each is marked told once the message is out.
     *
     * @return every installation of {@code records}, in their order, as they stand now
     */
    List<AgentInstallRecord> tellUntold(WaveRecord wave, List<AgentInstallRecord> records) {
        List<AgentInstallRecord> untold = records.stream()
                .filter(install -> install.state() == State.FAILED && !install.failureNotified())
                .toList();
        if (untold.isEmpty()) {
            return records;
        }
        boolean stops = StopOnAgentFailure.appliesTo(wave);
        int active = (int) waves.servers(wave.waveId()).stream().filter(ServerRecord::isActive).count();
        notifier.publish(AgentInstallFailuresMessage.of(wave.definition().waveName(), untold, stops, active));
        return records.stream()
                .map(install -> untold.contains(install) ? writer.save(install, install.withFailureNotified()) : install)
                .toList();
    }
}
