package dev.ferry.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code bin/ferry waves [--limit N]}: the state machine's latest executions (running and recent,
 * newest first, {@value #DEFAULT_LIMIT} unless told), each joined with its wave's record and servers
 * in the table. It only reads ({@link AllowedCalls#READS}).
 */
final class WavesCommand implements FerryCli.Command {

    static final int DEFAULT_LIMIT = 20;
    /** The most ListExecutions returns in one page. */
    static final int MAX_LIMIT = 1000;

    private final Function<String, String> environment;

    WavesCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public int run(List<String> arguments, Path projectRoot, PrintStream out) {
        Set<String> options = new HashSet<>(StackOptions.OPTIONS);
        options.add("limit");
        Arguments parsed = Arguments.parse("waves", arguments, options, Set.of());
        parsed.requireNoPositional();
        int limit = parsed.number("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        try (AwsAccess access = new AwsAccess(StackOptions.of(parsed, environment), AllowedCalls.readOnly("waves"))) {
            StackReader reader = StackReader.of(access);
            WaveList.lines(reader.stack(), reader.recentWaves(limit)).forEach(out::println);
            return 0;
        }
    }
}
