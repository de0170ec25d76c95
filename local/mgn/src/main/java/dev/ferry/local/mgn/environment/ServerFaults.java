package dev.ferry.local.mgn.environment;

import java.util.Optional;

/**
 * The faults injected into one server's migration.
 *
 * @param replicationStall   a one-time stall of the initial sync, if any
 * @param testLaunchFails    every test launch of the server fails
 * @param cutoverLaunchFails every cutover launch of the server fails
 * @param failsValidation    which launched instances fail the application check
 * @param events             how the server's EventBridge events are mistreated
 */
public record ServerFaults(Optional<ReplicationStallFault> replicationStall, boolean testLaunchFails,
                           boolean cutoverLaunchFails, ValidationFailure failsValidation, EventFaults events) {

    /** A server that migrates without trouble. */
    public static final ServerFaults NONE =
            new ServerFaults(Optional.empty(), false, false, ValidationFailure.NONE, EventFaults.NONE);
}
