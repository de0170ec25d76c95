package dev.ferry.local.rehearsal.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The yardstick of a cold start: a stream handler that reads its event and answers "hello". */
public class HelloWorldHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        output.write("\"hello\"".getBytes(StandardCharsets.UTF_8));
    }
}
