package dev.ferry.local.rehearsal.bench.coldstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child JVM of {@code bin/ferry bench --cold-start}: builds one handler as the Lambda runtime
 * does (its public no-argument constructor, which reads the function's environment) and invokes it
 * once with the event in a file, then prints {@link ProbeResult}'s line and exits. A stream handler
 * gets the event's bytes; the approval page's typed handler gets its API Gateway event, read before
 * the clock starts, as the runtime reads it before calling the handler.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    /** Arguments: the handler class and the event file. */
    public static void main(String[] arguments) throws Exception {
        System.out.println(probe(arguments[0], Path.of(arguments[1])).line());
        // The SDK's HTTP threads must not keep the JVM up: Lambda freezes it here, a bench ends it.
        System.exit(0);
    }

    /** Builds the handler and invokes it once with the event; an invocation that raises is measured all the same. */
    static ProbeResult probe(String handlerClassName, Path eventFile) throws Exception {
        Class<?> handlerClass = Class.forName(handlerClassName);
        byte[] event = Files.readAllBytes(eventFile);
        Object typedEvent = RequestStreamHandler.class.isAssignableFrom(handlerClass) ? null
                : new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                        .readValue(event, APIGatewayV2HTTPEvent.class);

        long started = System.nanoTime();
        Object handler = handlerClass.getConstructor().newInstance();
        long built = System.nanoTime();
        String outcome = invoke(handler, event, typedEvent);
        long invoked = System.nanoTime();
        return new ProbeResult((built - started) / 1_000, (invoked - built) / 1_000, outcome);
    }

    @SuppressWarnings("unchecked")
    private static String invoke(Object handler, byte[] event, Object typedEvent) {
        try {
            if (handler instanceof RequestStreamHandler stream) {
                stream.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), new ProbeContext());
            } else {
                ((RequestHandler<Object, Object>) handler).handleRequest(typedEvent, new ProbeContext());
            }
            return ProbeResult.OK;
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }
}
