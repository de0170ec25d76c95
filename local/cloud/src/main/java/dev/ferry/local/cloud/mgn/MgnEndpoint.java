package dev.ferry.local.cloud.mgn;

import dev.ferry.local.cloud.http.Headers;
import dev.ferry.local.cloud.http.LocalRequest;
import dev.ferry.local.cloud.http.LocalResponse;
import dev.ferry.local.cloud.http.LocalService;
import dev.ferry.local.mgn.api.MgnApiHandler;
import dev.ferry.local.mgn.api.MgnHttpResponse;

import java.util.regex.Pattern;

/**
 * The simulated MGN on the local cloud's port. MGN's REST-JSON operations are {@code POST
 * /<OperationName>} without an {@code X-Amz-Target}, which sets them apart from the JSON 1.0
 * services and from the approval pages' lower-case paths. After each call the listener is told,
 * because a call can start a job or emit an event that the clock must now plan for.
 */
public final class MgnEndpoint implements LocalService {

    private static final Pattern OPERATION_PATH = Pattern.compile("/[A-Z][A-Za-z]+");

    private final MgnApiHandler api;
    private final Runnable afterEachCall;

    public MgnEndpoint(MgnApiHandler api, Runnable afterEachCall) {
        this.api = api;
        this.afterEachCall = afterEachCall;
    }

    @Override
    public boolean accepts(LocalRequest request) {
        return request.header("x-amz-target").isEmpty()
                && !request.hasFormBody()
                && OPERATION_PATH.matcher(request.path()).matches();
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        MgnHttpResponse response = api.handle(request.method(), request.path(), Headers.multiValued(request), request.body());
        afterEachCall.run();
        return new LocalResponse(response.status(), response.headers(), response.body());
    }
}
