package dev.ferry.waits;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ferry.json.Json;
import dev.ferry.metrics.WaveMetrics;
import dev.ferry.notify.Notification;
import dev.ferry.notify.Notifier;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveProgress;
import dev.ferry.server.WaveRecord;
import dev.ferry.sfn.TaskAttempt;
import dev.ferry.sfn.TaskCallbacks;
import dev.ferry.testing.FakeMgn;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.testing.MutableClock;
import dev.ferry.wave.LaunchSettings;
import dev.ferry.wave.Policies.OnServerFailure;
import dev.ferry.wave.Policies;
import dev.ferry.wave.ServerSpec;
import dev.ferry.wave.TimeLimits;
import dev.ferry.wave.ValidationSettings;
import dev.ferry.wave.WaveDefinition;
import org.mockito.ArgumentCaptor;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * One wave with its servers, the stores in memory, MGN behind a mock, and the wait services wired
 * as the handlers wire them, on a clock the test moves.
 */
public final class WaitsHarness {

    public static final String WAVE_ID = "wave-2026-03-02-media";
    public static final String WAVE_NAME = "media";
    public static final String EXECUTION_ARN =
            "arn:aws:states:eu-central-1:111122223333:execution:ferry-wave:" + WAVE_ID;
    public static final String TOKEN = "AQCEAAAAKgAAAAMAAAAAAAAAAtask-token-7c1b4c55";
    public static final Instant STARTED = Instant.parse("2026-03-02T08:00:00Z");
    /** The attempt of the waiting task that {@link #begin} opens its wait for. */
    public static final TaskAttempt FIRST_ATTEMPT = new TaskAttempt(STARTED, 0);
    public static final TimeLimits LIMITS = new TimeLimits(Duration.ofHours(48), Duration.ofMinutes(60),
            Duration.ofHours(24), Duration.ofMinutes(30), Duration.ofHours(2));

    public final MutableClock clock = new MutableClock(STARTED.plus(Duration.ofMinutes(5)));
    public final InMemoryWaveStore waves = new InMemoryWaveStore();
    public final InMemoryWaitStore waits = new InMemoryWaitStore();
    public final FakeMgn mgn = new FakeMgn(clock);
    public final Notifier notifier = mock(Notifier.class);
    public final TaskCallbacks callbacks = mock(TaskCallbacks.class);
    public final WaveMetrics metrics = new WaveMetrics("Ferry", "ferry");
    public final WaitSweep sweep = WaitSweep.over(waves, waits, mgn, notifier, callbacks, metrics, clock);
    public final BeginWaitService beginWait = new BeginWaitService(waves, waits, sweep, clock);

    public WaitsHarness() {
        when(callbacks.succeed(anyString(), anyString())).thenReturn(TaskCallbacks.Delivery.DELIVERED);
    }

    /** The ID of the n-th server of a test wave (1-based). */
    public static String serverId(int n) {
        return String.format("s-%017x", n);
    }

    /** Stores a running wave with this policy and {@code count} active servers, all ready to enter a wait. */
    public List<String> givenWave(OnServerFailure policy, int count) {
        List<String> ids = IntStream.rangeClosed(1, count).mapToObj(WaitsHarness::serverId).toList();
        List<ServerSpec> specs = ids.stream().map(id -> new ServerSpec(id, null, "app-" + id.substring(14), null)).toList();
        WaveDefinition definition = new WaveDefinition(WAVE_NAME, "eu-central-1", "us-east-1", specs, null,
                LaunchSettings.none(), new ValidationSettings(true, List.of(), List.of(), 30),
                List.of("ops@example.com"), LIMITS, new Policies(policy, false, true, false), null, null);
        waves.create(new WaveRecord(WAVE_ID, EXECUTION_ARN, definition, WaveRecord.WaveStatus.RUNNING, null, STARTED, null, null));
        List<ServerRecord> records = new ArrayList<>();
        for (ServerSpec spec : specs) {
            records.add(ServerRecord.joining(WAVE_ID, spec.sourceServerId(), spec.name(), null, STARTED)
                    .enteringStage(Stage.PREPARE_LAUNCH, STARTED));
        }
        waves.putServers(records);
        return ids;
    }

    /** Opens the wave's wait of this kind as the waiting task does. */
    public WaitAcknowledgement begin(WaitKind kind) {
        return beginWait.begin(new BeginWaitRequest(WAVE_ID, kind, TOKEN, FIRST_ATTEMPT));
    }

    public ServerRecord server(String id) {
        return waves.server(WAVE_ID, id);
    }

    public WaveRecord wave() {
        return waves.find(WAVE_ID).orElseThrow();
    }

    public Wait wait(WaitKind kind) {
        return waits.find(Wait.idOf(WAVE_ID, kind)).orElseThrow();
    }

    /** How many callbacks were sent so far. */
    public int callbacksSent() {
        return (int) mockingDetails(callbacks).getInvocations().stream()
                .filter(call -> call.getMethod().getName().equals("succeed")).count();
    }

    /** The progress of the only callback sent. */
    public WaveProgress sentProgress() {
        ArgumentCaptor<String> output = ArgumentCaptor.forClass(String.class);
        verify(callbacks).succeed(eq(TOKEN), output.capture());
        try {
            return Json.mapper().readValue(output.getValue(), WaveProgress.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every notification published so far. */
    public List<Notification> notifications() {
        if (mockingDetails(notifier).getInvocations().isEmpty()) {
            return List.of();
        }
        ArgumentCaptor<Notification> sent = ArgumentCaptor.forClass(Notification.class);
        verify(notifier, atLeast(1)).publish(sent.capture());
        return sent.getAllValues();
    }
}
