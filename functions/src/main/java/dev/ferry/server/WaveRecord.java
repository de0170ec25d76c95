package dev.ferry.server;

import dev.ferry.wave.WaveDefinition;

import java.time.Instant;

/**
 * A wave as stored: its definition and how it stands.
 *
 * @param waveId       the key (the execution name, unique per state machine)
 * @param executionArn the Step Functions execution running it
 * @param definition   the validated wave definition
 * @param status       how the wave stands
 * @param reason       why it stopped or was not approved, or null
 * @param startedAt    when preflight first saw it
 * @param network      what PrepareNetwork set up in the target region, or null
 * @param dns          how the DNS switch stands, or null before PrepareDns
 */
public record WaveRecord(String waveId, String executionArn, WaveDefinition definition, WaveStatus status,
                         String reason, Instant startedAt, NetworkSetup network, DnsSwitchProgress dns) {

    public WaveRecord withStatus(WaveStatus next, String why) {
        return new WaveRecord(waveId, executionArn, definition, next, why, startedAt, network, dns);
    }

    public WaveRecord withNetwork(NetworkSetup setup) {
        return new WaveRecord(waveId, executionArn, definition, status, reason, startedAt, setup, dns);
    }

    public WaveRecord withDns(DnsSwitchProgress progress) {
        return new WaveRecord(waveId, executionArn, definition, status, reason, startedAt, network, progress);
    }

    /** How a wave stands. */
    public enum WaveStatus { RUNNING, STOPPED, NOT_APPROVED, COMPLETED, FAILED }
}
