package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A Lambda entry point that decodes its input into {@code I} with the controller's own JSON
 * configuration (records, java.time) and encodes the returned {@code O}. Subclasses only call
 * one service method; exceptions propagate so that the state machine's Retry and Catch see their
 * class names as the error type.
 */
public abstract class JsonStreamHandler<I, O> implements RequestStreamHandler {

    private final Class<I> inputType;

    protected JsonStreamHandler(Class<I> inputType) {
        this.inputType = inputType;
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ObjectMapper mapper = Json.mapper();
        I request = mapper.readValue(input, inputType);
        O response = handle(request, context);
        mapper.writeValue(output, response);
    }

    /** Does the stage's work for one decoded request. */
    protected abstract O handle(I request, Context context);
}
