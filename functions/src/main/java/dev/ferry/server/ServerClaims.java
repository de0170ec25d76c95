package dev.ferry.server;

/**
 * Which running wave holds each server (the DynamoDB table). Every change is a conditional write,
 * so two waves started together never both take a server, and each call may be repeated.
 */
public interface ServerClaims {

    /**
     * Takes the server for the claim's execution unless another execution holds it.
     *
     * @return the claim that holds the server afterwards: {@code claim} itself when taken or already
     *         held by its execution, else the other execution's
     */
    ServerClaim claim(ServerClaim claim);

    /**
     * Takes the server from {@code stale}, an execution that no longer runs, unless another
     * execution took it since; a server given back meanwhile is claimed as free.
     *
     * @return the claim that holds the server afterwards, as {@link #claim}
     */
    ServerClaim takeOver(ServerClaim claim, ServerClaim stale);

    /** Gives the server back if {@code executionArn} holds it; otherwise changes nothing. */
    void release(String key, String executionArn);
}
