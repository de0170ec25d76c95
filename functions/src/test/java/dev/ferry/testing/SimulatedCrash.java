package dev.ferry.testing;

/**
 * Stands for the function dying at a given point: thrown by a test double, never caught by the
 * code under test, so that a test can rehearse a retry after a partial run.
 */
public final class SimulatedCrash extends RuntimeException {

    public SimulatedCrash(String where) {
        super("simulated crash: " + where);
    }
}
