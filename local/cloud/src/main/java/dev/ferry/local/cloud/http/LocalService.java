package dev.ferry.local.cloud.http;

/** A simulated service of the local cloud: it says which requests are its own and answers them. */
public interface LocalService {

    /** Whether this service answers the request (AWS tells services apart by path, target header or Action). */
    boolean accepts(LocalRequest request);

    LocalResponse handle(LocalRequest request);
}
