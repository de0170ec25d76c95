package dev.ferry.cli;

import dev.ferry.retry.Sleeper;
import dev.ferry.server.WaveRecord.WaveStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code bin/ferry status WAVE [--watch [SECONDS]]}: one wave's servers, read from the table and
 * Step Functions. With {@code --watch}, the table is drawn again every {@value #DEFAULT_WATCH_SECONDS}
 * seconds (or as told) until the execution ends or Ctrl-C. It only reads ({@link AllowedCalls#READS}).
 *
 * <p>Exit code 0 while the wave runs or when it completed; 1 when it ended otherwise (failed, not
 * approved, stopped); 2 when there is no such wave.
 */
final class StatusCommand implements FerryCli.Command {

    static final int DEFAULT_WATCH_SECONDS = 10;
    /** Moves the cursor home and clears the screen (ANSI), so that each refresh replaces the last. */
    static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";

    private static final Set<String> WATCH = Set.of("watch");
    private static final Set<WaveStatus> RUNNING_OR_COMPLETED = Set.of(WaveStatus.RUNNING, WaveStatus.COMPLETED);

    private final Function<String, String> environment;
    private final Sleeper sleeper;
    private final Clock clock;
    private final boolean clearsScreen;

    StatusCommand(Function<String, String> environment, Sleeper sleeper, Clock clock, boolean clearsScreen) {
        this.environment = environment;
        this.sleeper = sleeper;
        this.clock = clock;
        this.clearsScreen = clearsScreen;
    }

    /** The command as bin/ferry runs it: clearing the screen between refreshes on a terminal only. */
    static StatusCommand forConsole() {
        return new StatusCommand(System::getenv, Sleeper.threadSleep(), Clock.systemUTC(), System.console() != null);
    }

    @Override
    public int run(List<String> arguments, Path projectRoot, PrintStream out) {
        Arguments parsed = Arguments.parse("status", arguments, StackOptions.OPTIONS, WATCH);
        String waveId = parsed.single("WAVE (the wave's ID: its execution's name; bin/ferry waves lists them)");
        boolean watch = parsed.has("watch");
        Duration every = Duration.ofSeconds(parsed.number("watch", DEFAULT_WATCH_SECONDS, 1, 3600));
        StackOptions options = StackOptions.of(parsed, environment);
        try (AwsAccess access = new AwsAccess(options, AllowedCalls.readOnly("status"))) {
            StackReader reader = StackReader.of(access);
            while (true) {
                WaveView view = reader.wave(waveId);
                if (view.wave().isEmpty() && view.execution().isEmpty()) {
                    throw new CommandFailure(FerryCli.EXIT_INVALID_INPUT, "no wave " + waveId + " in table "
                            + reader.stack().tableName() + " and no execution of that name in "
                            + reader.stack().stateMachineArn() + "; bin/ferry waves lists the recent ones");
                }
                if (watch && clearsScreen) {
                    out.print(CLEAR_SCREEN);
                }
                ServerTable.lines(view).forEach(out::println);
                if (!watch || !view.isRunning()) {
                    return exitCode(view);
                }
                out.println();
                out.println("Read at " + Texts.time(clock.instant()) + "; again every " + every.toSeconds()
                        + " s until the execution ends (Ctrl-C to stop watching; the wave runs on)");
                out.flush();
                pause(every);
            }
        }
    }

    private void pause(Duration every) {
        try {
            sleeper.sleep(every);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure(0, "stopped watching");
        }
    }

    /** 1 when the wave or its execution ended other than completed, else 0. */
    static int exitCode(WaveView view) {
        boolean executionFailed = view.execution()
                .map(execution -> !execution.isRunning() && !"SUCCEEDED".equals(execution.status()))
                .orElse(false);
        boolean waveFailed = view.wave().map(wave -> !RUNNING_OR_COMPLETED.contains(wave.status())).orElse(false);
        return executionFailed || waveFailed ? 1 : 0;
    }
}
