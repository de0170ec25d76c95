package dev.ferry.local.cloud.faults;

import dev.ferry.local.cloud.http.LocalRequest;
import dev.ferry.local.cloud.http.LocalResponse;
import dev.ferry.local.cloud.http.LocalService;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated service that fails some of its requests as {@link ServiceFaults} say: it answers with
 * the service's throttling or server error without handling the request, or handles it and then
 * drops the connection, so that the caller's retry meets a request that already took effect.
 */
public final class FaultyService implements LocalService {

    private final LocalService service;
    private final ErrorProtocol protocol;
    private final ServiceFaults.Source faults;
    private final Map<ServiceFault, AtomicInteger> injected = new EnumMap<>(ServiceFault.class);

    public FaultyService(LocalService service, ErrorProtocol protocol, ServiceFaults.Source faults) {
        this.service = service;
        this.protocol = protocol;
        this.faults = faults;
        for (ServiceFault fault : ServiceFault.values()) {
            injected.put(fault, new AtomicInteger());
        }
    }

    @Override
    public boolean accepts(LocalRequest request) {
        return service.accepts(request);
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        ServiceFault fault = faults.next();
        injected.get(fault).incrementAndGet();
        return switch (fault) {
            case NONE -> service.handle(request);
            case THROTTLED -> protocol.throttled();
            case SERVER_ERROR -> protocol.serverError(faults.unavailable());
            case TIMEOUT_AFTER_APPLY -> {
                service.handle(request);
                yield LocalResponse.dropConnection();
            }
        };
    }

    /** How many requests met this fault so far. */
    public int injected(ServiceFault fault) {
        return injected.get(fault).get();
    }
}
