package dev.ferry.approval;

import dev.ferry.sfn.TaskAttempt;
import dev.ferry.server.Phase;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveRecord;
import dev.ferry.wave.LaunchSettings;
import dev.ferry.wave.Policies;
import dev.ferry.wave.ReplicationSettings;
import dev.ferry.wave.ServerSpec;
import dev.ferry.wave.TimeLimits;
import dev.ferry.wave.ValidationSettings;
import dev.ferry.wave.WaveDefinition;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A small wave ready for cutover, as the approval tests need it. */
public final class ApprovalTestData {

    public static final String WAVE_ID = "media-stack-2026-03-02";
    public static final Instant STARTED = Instant.parse("2026-03-01T08:00:00Z");
    public static final Duration APPROVAL_TIME = Duration.ofHours(24);

    private ApprovalTestData() {
    }

    /** The wave with the given policies, validated by status checks, TCP 22 and 80 and one HTTP check. */
    public static WaveRecord wave(Policies policies) {
        ValidationSettings validation = new ValidationSettings(true,
                List.of(new ValidationSettings.TcpCheck(22, ValidationSettings.Address.PUBLIC),
                        new ValidationSettings.TcpCheck(80, ValidationSettings.Address.PUBLIC)),
                List.of(new ValidationSettings.HttpCheck("http://{address}/health", 200,
                        ValidationSettings.Address.PUBLIC)),
                15);
        WaveDefinition definition = new WaveDefinition("Media stack", "eu-central-1", "us-east-1",
                List.of(new ServerSpec("s-13a5b49c3810fa449", null, "web-1", null),
                        new ServerSpec("s-24b6c5ad4921fb55a", null, "db-1", null),
                        new ServerSpec("s-35c7d6be5a32ac66b", null, "cache-1", null)),
                new ReplicationSettings("subnet-0a1b2c3d", null, null, null, null, null, null),
                LaunchSettings.none(), validation, List.of("ops@example.com"),
                new TimeLimits(Duration.ofDays(3), Duration.ofHours(1), APPROVAL_TIME, Duration.ofHours(1),
                        Duration.ofHours(2)),
                policies, null, null);
        return new WaveRecord(WAVE_ID, "arn:aws:states:eu-central-1:111122223333:execution:ferry-wave:" + WAVE_ID,
                definition, WaveRecord.WaveStatus.RUNNING, null, STARTED, null, null);
    }

    /** Continue on failure, test launch on, finalize and archive. */
    public static WaveRecord wave() {
        return wave(new Policies(Policies.OnServerFailure.CONTINUE, false, true, true));
    }

    /** A server whose test instance passed validation, now ready for cutover. */
    public static ServerRecord testedServer(String sourceServerId, String label, String testInstanceId) {
        return ServerRecord.joining(WAVE_ID, sourceServerId, label, null, STARTED)
                .enteringStage(Stage.TEST_VALIDATION, STARTED.plusSeconds(3_600))
                .withLaunch(Phase.TEST, new ServerRecord.Launch("mgnjob-10cba81b2d2b1167a", "LAUNCHED",
                        testInstanceId, STARTED.plusSeconds(3_000)))
                .withValidation(new ServerRecord.Validation(Phase.TEST, STARTED.plusSeconds(3_600),
                        ServerRecord.Validation.Outcome.PASSED, "all checks passed"))
                .enteringStage(Stage.READY_FOR_CUTOVER, STARTED.plusSeconds(4_000));
    }

    /** A server that failed its test validation. */
    public static ServerRecord failedServer(String sourceServerId, String label, String reason) {
        return ServerRecord.joining(WAVE_ID, sourceServerId, label, null, STARTED)
                .enteringStage(Stage.TEST_VALIDATION, STARTED.plusSeconds(3_600))
                .failed(reason, STARTED.plusSeconds(4_000));
    }

    /** An undecided approval of the wave, created at {@code createdAt}, open for a day. */
    public static Approval openApproval(String approvalId, String taskToken, Instant createdAt) {
        return new Approval(approvalId, WAVE_ID, "Media stack", "Wave: Media stack (" + WAVE_ID + ")\n"
                + "Ready for cutover (1 server):\n  - web-1 <primary> & co (s-13a5b49c3810fa449): test passed\n",
                taskToken, new TaskAttempt(createdAt, 0), createdAt, createdAt.plus(APPROVAL_TIME), null, false, true);
    }
}
