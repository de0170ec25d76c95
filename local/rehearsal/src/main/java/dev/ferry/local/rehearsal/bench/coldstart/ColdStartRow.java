package dev.ferry.local.rehearsal.bench.coldstart;

import java.util.List;

/**
 * One function's cold starts over the bench's rounds.
 *
 * @param function   its logical ID in template.yaml, or the yardstick's name
 * @param pack       its deployment package
 * @param init       its constructor, microseconds
 * @param invoke     its first invocation, microseconds
 * @param jvm        from starting its JVM to that JVM's end, milliseconds
 * @param outcomes   each round's outcome ({@value ProbeResult#OK} or the error raised), distinct
 */
public record ColdStartRow(String function, FunctionPackage pack, Spread init, Spread invoke, Spread jvm,
                           List<String> outcomes) {

    /** How many times the yardstick's median JVM start to done this row's median is. */
    public double timesAsLongAs(ColdStartRow yardstick) {
        return (double) jvm.median() / Math.max(1, yardstick.jvm().median());
    }
}
