package dev.ferry.stage.fakes;

import dev.ferry.server.Phase;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerRecord.Launch;
import dev.ferry.server.ServerRecord.Validation;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveRecord;
import dev.ferry.wave.LaunchSettings;
import dev.ferry.wave.MgnWaveSettings;
import dev.ferry.wave.Policies;
import dev.ferry.wave.Policies.OnServerFailure;
import dev.ferry.wave.ReplicationSettings;
import dev.ferry.wave.ServerSpec;
import dev.ferry.wave.TimeLimits;
import dev.ferry.wave.ValidationSettings;
import dev.ferry.wave.WaveDefinition;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Waves and server records in the shapes the late stages find them in. */
public final class WaveFixtures {

    public static final String WAVE_ID = "wave-2026-03-02";
    public static final String WAVE_NAME = "media-stack";
    public static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    private WaveFixtures() {
    }

    public static ValidationSettings noChecks() {
        return new ValidationSettings(false, List.of(), List.of(), 30);
    }

    public static Policies policies(OnServerFailure onFailure) {
        return new Policies(onFailure, false, true, true);
    }

    public static WaveRecord wave(Policies policies, ValidationSettings validation) {
        WaveDefinition definition = new WaveDefinition(WAVE_NAME, "eu-central-1", "us-east-1",
                List.of(new ServerSpec("s-00000000000000001", null, "web-1", null)),
                new ReplicationSettings("subnet-0abc", null, null, null, null, null, null),
                LaunchSettings.none(), validation, List.of("ops@example.com"),
                new TimeLimits(Duration.ofHours(48), Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(1),
                        Duration.ofHours(2)),
                policies, null, null);
        return new WaveRecord(WAVE_ID, "arn:aws:states:eu-central-1:111122223333:execution:ferry-wave:" + WAVE_ID,
                definition, WaveRecord.WaveStatus.RUNNING, null, START, null, null);
    }

    /** The wave, asking for an MGN wave and application named after its ID. */
    public static WaveRecord withMgnWave(WaveRecord wave) {
        WaveDefinition d = wave.definition();
        WaveDefinition definition = new WaveDefinition(d.waveName(), d.targetRegion(), d.sourceRegion(), d.servers(),
                d.replication(), d.launch(), d.validation(), d.approvers(), d.timeLimits(), d.policies(), d.network(),
                d.dns(), d.agentInstallation(), d.quotas(), new MgnWaveSettings(null, null), d.notifications());
        return new WaveRecord(wave.waveId(), wave.executionArn(), definition, wave.status(), wave.reason(),
                wave.startedAt(), wave.network(), wave.dns());
    }

    public static WaveRecord wave(OnServerFailure onFailure) {
        return wave(policies(onFailure), noChecks());
    }

    /** A source server ID made from a number: s- and 17 digits. */
    public static String serverId(int number) {
        return "s-%017d".formatted(number);
    }

    /** An active server in the given stage, having passed through the stages before it from START. */
    public static ServerRecord active(int number, Stage stage) {
        ServerRecord server = ServerRecord.joining(WAVE_ID, serverId(number), "server-" + number, null, START);
        for (Stage each : Stage.values()) {
            if (each.ordinal() > stage.ordinal()) {
                break;
            }
            server = server.enteringStage(each, START.plus(Duration.ofMinutes(10L * each.ordinal())));
        }
        return server;
    }

    /** An active server launched in the phase and waiting in its validation stage. */
    public static ServerRecord launched(int number, Phase phase) {
        ServerRecord server = active(number, phase.validationStage());
        if (phase == Phase.CUTOVER) {
            server = server.withLaunch(Phase.TEST, launch(number, Phase.TEST));
        }
        return server.withLaunch(phase, launch(number, phase));
    }

    /** A server that passed validation in the phase. */
    public static ServerRecord passed(int number, Phase phase) {
        return launched(number, phase).withValidation(new Validation(phase, START, Validation.Outcome.PASSED,
                "all checks passed"));
    }

    /** A server that failed validation in the phase and has not been settled. */
    public static ServerRecord failedValidation(int number, Phase phase, String reason) {
        return launched(number, phase)
                .withValidation(new Validation(phase, START, Validation.Outcome.FAILED, reason))
                .failed(reason, START.plus(Duration.ofMinutes(90)));
    }

    /** A server whose launch failed in the phase, with no instance. */
    public static ServerRecord failedLaunch(int number, Phase phase, String reason) {
        ServerRecord server = active(number, phase.launchStage());
        if (phase == Phase.CUTOVER) {
            server = server.withLaunch(Phase.TEST, launch(number, Phase.TEST));
        }
        return server.withLaunch(phase, new Launch("mgnjob-" + number, "FAILED", null, START))
                .failed(reason, START.plus(Duration.ofMinutes(80)));
    }

    /** The instance ID of a server's launch in a phase. */
    public static String instanceId(int number, Phase phase) {
        return "i-%s%016d".formatted(phase == Phase.TEST ? "a" : "b", number);
    }

    private static Launch launch(int number, Phase phase) {
        return new Launch("mgnjob-" + phase + number, "LAUNCHED", instanceId(number, phase), START);
    }
}
