package dev.ferry.wave.testing;

/** Stands for the function dying at a given line: thrown by a fake, never caught by the code under test. */
public class SimulatedCrash extends RuntimeException {

    public SimulatedCrash(String where) {
        super("simulated crash: " + where);
    }
}
