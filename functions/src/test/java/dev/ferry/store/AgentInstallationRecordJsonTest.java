package dev.ferry.store;

import dev.ferry.server.WaveRecord;
import dev.ferry.wave.WaveFiles;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A wave's agent installation settings are stored with its definition and read back whole. */
class AgentInstallationRecordJsonTest {

    @Test
    void aWaveWithAgentInstallationReadsBackEqual() {
        WaveRecord wave = new WaveRecord("wave-1", "arn:aws:states:eu-central-1:111122223333:execution:w:wave-1",
                WaveFiles.parse("wave-with-agent-installation.json"), WaveRecord.WaveStatus.RUNNING, null,
                Instant.parse("2026-03-02T10:15:00Z"), null, null);

        WaveRecord read = RecordJson.read(RecordJson.text(wave), WaveRecord.class);

        assertThat(read).isEqualTo(wave);
        assertThat(read.definition().agentInstallation()).isNotNull();
    }
}
