package dev.ferry.waits;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ferry.json.Json;
import dev.ferry.server.WaveProgress;
import dev.ferry.sfn.TaskCallbacks;
import dev.ferry.sfn.TaskCallbacks.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * Ends a waiting task exactly once: the wait is claimed with a conditional write (PENDING to
 * RELEASING) and only the evaluator that wins the claim sends {@code SendTaskSuccess}. A task that
 * had already ended counts as released.
 */
public final class WaitReleaser {

    private static final Logger LOG = LoggerFactory.getLogger(WaitReleaser.class);

    private final WaitStore waits;
    private final TaskCallbacks callbacks;
    private final Clock clock;

    public WaitReleaser(WaitStore waits, TaskCallbacks callbacks, Clock clock) {
        this.waits = waits;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /**
     * Claims the wait and, if this caller won the claim, ends its task with the progress.
     * Returns whether this caller sent the callback.
     */
    public boolean release(Wait wait, WaveProgress progress) {
        if (!waits.claim(wait.waitId(), wait.taskToken(), clock.instant())) {
            LOG.info("Wait {} was claimed by another evaluator; it sends the callback", wait.waitId());
            return false;
        }
        send(wait, progress);
        return true;
    }

    /**
     * Sends the callback of a wait claimed earlier whose callback may have been lost. Sending twice
     * is harmless: Step Functions answers that the task has already ended.
     */
    public void resend(Wait wait, WaveProgress progress) {
        send(wait, progress);
    }

    private void send(Wait wait, WaveProgress progress) {
        Delivery delivery;
        try {
            delivery = callbacks.succeed(wait.taskToken(), toJson(progress));
        } catch (RuntimeException failure) {
            throw new CallbackFailedException(wait.waitId(), failure);
        }
        waits.markReleased(wait.waitId(), wait.taskToken());
        if (delivery == Delivery.ALREADY_CLOSED) {
            LOG.info("The task of wait {} had already ended; the wait is released", wait.waitId());
        } else {
            LOG.info("Released wait {}: {} of {} servers active", wait.waitId(), progress.active(), progress.total());
        }
    }

    private static String toJson(WaveProgress progress) {
        try {
            return Json.mapper().writeValueAsString(progress);
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException("WaveProgress could not be written as JSON", impossible);
        }
    }
}
