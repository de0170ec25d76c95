package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.json.Json;
import dev.ferry.json.JsonPriming;
import dev.ferry.metrics.StageMeasurement;
import dev.ferry.retry.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.function.Supplier;

/**
 * A Lambda entry point that decodes its input into {@code I} with the controller's own JSON
 * configuration (records, java.time) and encodes the returned {@code O}. Subclasses only call
 * one service method; exceptions propagate so that the state machine's Retry and Catch see their
 * class names as the error type, except that transient AWS failures share one name.
 *
 * <p>Around every invocation it adds the Lambda context and the wave to the structured logs. A
 * state machine stage also measures, after each invocation that succeeded, the stages of its wave
 * that every server is done with ({@link StageMeasurement}): metrics of what happened to the
 * servers, emitted once per stage however often the stage's function ran. (Failed invocations are
 * counted by Lambda's own {@code Errors} metric, which the stack's alarms watch.) Before a
 * SnapStart snapshot it primes the JSON mapping.
 */
public abstract class JsonStreamHandler<I, O> implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(JsonStreamHandler.class);
    private static final String WAVE_LOG_KEY = "waveId";

    private final Class<I> inputType;
    private final Method waveIdAccessor;
    private final String stage;
    /** Set once, by the constructors Lambda uses; the tests' constructors leave it unset. */
    private Supplier<StageMeasurement> stageMeasurement;

    protected JsonStreamHandler(Class<I> inputType) {
        this.inputType = inputType;
        this.waveIdAccessor = waveIdAccessor(inputType);
        this.stage = getClass().getSimpleName().replaceFirst("Handler$", "");
        JsonPriming.register();
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ObjectMapper mapper = Json.mapper();
        I request = decode(mapper, input);
        putWaveInLogs(request);
        try {
            O response = context == null ? handle(request, null)
                    : PowertoolsLogging.withLogging(context, () -> handle(request, context));
            measureFinishedStages(request);
            mapper.writeValue(output, response);
        } catch (RuntimeException e) {
            throw asStateMachineSees(e);
        } finally {
            MDC.remove(WAVE_LOG_KEY);
        }
    }

    /**
     * The failure under the name the state machine's Retry matches: an SDK exception that is only
     * transient becomes {@link TransientAwsException} (its own class names differ by service, and
     * EC2's is one class for every error); every other exception keeps its own name.
     */
    private RuntimeException asStateMachineSees(RuntimeException failure) {
        if (failure instanceof SdkException && TransientFailures.isTransient(failure)) {
            return new TransientAwsException(stage + " met a transient AWS failure after every retry: "
                    + failure.getMessage(), failure);
        }
        return failure;
    }

    /**
     * Makes this handler measure its wave's finished stages after every successful invocation; for
     * the handlers of the state machine's stages, whose input names the wave. Built on first use,
     * so that building the handler reads no metrics setting.
     */
    protected final void measureFinishedStagesWith(Supplier<StageMeasurement> measurement) {
        this.stageMeasurement = measurement;
    }

    /**
     * The stage did its work: a failure to measure it must not fail it (Step Functions would run
     * the stage again for a metric), so it is logged and the stage's result stands.
     */
    private void measureFinishedStages(I request) {
        String waveId = waveIdOf(request);
        if (stageMeasurement == null || waveId == null) {
            return;
        }
        try {
            stageMeasurement.get().measure(waveId);
        } catch (RuntimeException e) {
            LOG.warn("The finished stages of wave {} were not measured; the next stage measures them", waveId, e);
        }
    }

    /** Does the stage's work for one decoded request. */
    protected abstract O handle(I request, Context context);

    private I decode(ObjectMapper mapper, InputStream input) {
        try {
            return mapper.readValue(input, inputType);
        } catch (IOException e) {
            throw new InvalidStageInputException(stage + " cannot read its input as " + inputType.getSimpleName()
                    + ": " + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()), e);
        }
    }

    private void putWaveInLogs(I request) {
        String waveId = waveIdOf(request);
        if (waveId != null) {
            MDC.put(WAVE_LOG_KEY, waveId);
        }
    }

    private String waveIdOf(I request) {
        if (waveIdAccessor == null || request == null) {
            return null;
        }
        try {
            Object waveId = waveIdAccessor.invoke(request);
            return waveId == null ? null : waveId.toString();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read waveId of " + inputType.getName(), e);
        }
    }

    /** The {@code waveId} component of a record input, found once, or null. */
    private static Method waveIdAccessor(Class<?> type) {
        if (!type.isRecord()) {
            return null;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals("waveId")) {
                return component.getAccessor();
            }
        }
        return null;
    }
}
