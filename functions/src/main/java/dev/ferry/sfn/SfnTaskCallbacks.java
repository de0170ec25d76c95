package dev.ferry.sfn;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SendTaskFailureRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessRequest;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * {@link TaskCallbacks} on Step Functions' {@code SendTaskSuccess} and {@code SendTaskFailure}.
 * A task that has already ended ({@code TaskTimedOut}, {@code TaskDoesNotExist}) means another
 * evaluation released it first: that is {@link Delivery#ALREADY_CLOSED}, not an error. A malformed
 * token ({@code InvalidToken}) is a bug and propagates. Task tokens are never logged.
 */
public class SfnTaskCallbacks implements TaskCallbacks {

    /** Step Functions' limit on {@code error}. */
    static final int MAX_ERROR = 256;
    /** Step Functions' limit on {@code cause}. */
    static final int MAX_CAUSE = 32_768;

    private static final Logger LOG = LoggerFactory.getLogger(SfnTaskCallbacks.class);

    private final SfnClient sfn;

    public SfnTaskCallbacks(SfnClient sfn) {
        this.sfn = sfn;
    }

    @Override
    public Delivery succeed(String taskToken, String outputJson) {
        try {
            sfn.sendTaskSuccess(SendTaskSuccessRequest.builder().taskToken(taskToken).output(outputJson).build());
            return Delivery.DELIVERED;
        } catch (TaskTimedOutException | TaskDoesNotExistException closed) {
            return alreadyClosed("SendTaskSuccess", closed);
        }
    }

    @Override
    public Delivery fail(String taskToken, String error, String cause) {
        try {
            sfn.sendTaskFailure(SendTaskFailureRequest.builder()
                    .taskToken(taskToken)
                    .error(fit(error, MAX_ERROR))
                    .cause(fit(cause, MAX_CAUSE))
                    .build());
            return Delivery.DELIVERED;
        } catch (TaskTimedOutException | TaskDoesNotExistException closed) {
            return alreadyClosed("SendTaskFailure", closed);
        }
    }

    private static Delivery alreadyClosed(String operation, SfnException closed) {
        LOG.info("{} found the task already closed ({})", operation, closed.awsErrorDetails() == null
                ? closed.getClass().getSimpleName() : closed.awsErrorDetails().errorCode());
        return Delivery.ALREADY_CLOSED;
    }

    /** At most {@code max} characters, never splitting a surrogate pair. */
    static String fit(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
