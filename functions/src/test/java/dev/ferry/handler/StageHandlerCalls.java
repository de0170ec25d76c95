package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.json.Json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.mockito.Mockito.mock;

/** Calls a stage handler the way Lambda does: JSON bytes in, JSON bytes out. */
final class StageHandlerCalls {

    private StageHandlerCalls() {
    }

    static JsonNode invoke(JsonStreamHandler<?, ?> handler, String inputJson) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(inputJson.getBytes(StandardCharsets.UTF_8)), output,
                    mock(Context.class));
            return Json.mapper().readTree(output.toByteArray());
        } catch (IOException unexpected) {
            throw new UncheckedIOException(unexpected);
        }
    }
}
