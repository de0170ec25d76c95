package dev.ferry.local.rehearsal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code rehearse}, {@code serve} and {@code bench} commands of {@code bin/ferry}.
 *
 * <p>Exit codes: 0 every server was cut over; 1 the wave ended with a server not cut over
 * (rejected or timed-out approval included); 2 invalid input (arguments, unreadable or malformed
 * files, a wave or environment that fails validation), with every problem named and no stack
 * trace; 3 the local cloud itself could not run.
 */
public final class FerryCommand {

    static final int EXIT_INVALID_INPUT = 2;
    static final int EXIT_LOCAL_CLOUD_FAILED = 4;
    /** Minutes after the rehearsed wave's start that the wave of {@code --also} starts, unless told. */
    private static final long DEFAULT_ALSO_AFTER = 60;

    private static final String USAGE = """
            usage: bin/ferry rehearse [WAVE.json] [--environment ENV.json] [--approve auto|reject|link] [--speed FACTOR]
                                     [--chaos SEED] [--also WAVE2.json [--also-after MINUTES]]
                   bin/ferry serve [--port PORT] [--environment ENV.json] [--speed FACTOR]
                   bin/ferry bench [--sizes 10,100,200,500,1000]
                   bin/ferry bench --cold-start [--rounds 5]
            Without WAVE, rehearse runs the demo (events/demo-wave.json); the environment defaults to
            events/demo-environment.json. --speed is virtual seconds per real second. --chaos makes Lambda
            refuse 10% of invocations, lose the result of 10% and report 10% failed while they run on; every
            other service fail 9% of requests; 30% of MGN events arrive twice at once or alongside the
            reconciler; and the approver decide twice. All drawn from SEED. --also starts WAVE2 in the same
            account MINUTES (default 60) after the rehearsed wave; the exit code is the rehearsed wave's, or 3
            when any wave broke an invariant.""";

    private FerryCommand() {
    }

    public static void main(String[] arguments) {
        System.exit(run(Arrays.asList(arguments), projectRoot(), ConsoleCapture.console(), ConsoleCapture.consoleErrors()));
    }

    /**
     * Runs a command and returns its exit code.
     *
     * @param projectRoot the project (template.yaml, statemachine/, events/)
     * @param out         where the display goes
     * @param err         where problems go
     */
    public static int run(List<String> arguments, Path projectRoot, PrintStream out, PrintStream err) {
        if (arguments.isEmpty()) {
            err.println(USAGE);
            return EXIT_INVALID_INPUT;
        }
        List<String> rest = arguments.subList(1, arguments.size());
        try {
            return switch (arguments.getFirst()) {
                case "rehearse" -> rehearse(rest, projectRoot, out);
                case "serve" -> ServeCommand.serve(rest, projectRoot, out);
                case "bench" -> BenchCommand.bench(rest, projectRoot, out);
                default -> throw new IllegalArgumentException("unknown command '" + arguments.getFirst() + "'");
            };
        } catch (InvalidInputException e) {
            err.println("ferry: the rehearsal cannot start:");
            e.problems().forEach(problem -> err.println("  " + problem));
            return EXIT_INVALID_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("ferry: " + e.getMessage());
            err.println(USAGE);
            return EXIT_INVALID_INPUT;
        } catch (RuntimeException e) {
            err.println("ferry: the local cloud failed: " + causes(e));
            return EXIT_LOCAL_CLOUD_FAILED;
        }
    }

    private static int rehearse(List<String> arguments, Path projectRoot, PrintStream out) {
        CommandLine line = CommandLine.parse(arguments, List.of("environment", "approve", "speed", "chaos", "also",
                "also-after"));
        if (line.positional().size() > 1) {
            throw new IllegalArgumentException("rehearse takes one wave file, not " + line.positional());
        }
        RehearsalOptions.Builder options = RehearsalOptions.builder(projectRoot).display(out);
        line.positional().stream().findFirst().map(Path::of).ifPresent(options::wave);
        line.path("environment").ifPresent(options::environment);
        line.option("approve").map(ApprovalMode::named).ifPresent(options::approval);
        line.positiveNumber("speed").ifPresent(options::speed);
        line.wholeNumber("chaos").ifPresent(options::chaos);
        Optional<Long> alsoAfter = line.wholeNumber("also-after");
        Optional<Path> also = line.path("also");
        if (alsoAfter.isPresent() && also.isEmpty()) {
            throw new IllegalArgumentException("--also-after says when the wave of --also starts; give --also WAVE.json");
        }
        also.ifPresent(wave -> options.laterWave(wave, Duration.ofMinutes(alsoAfter.orElse(DEFAULT_ALSO_AFTER))));
        return Rehearsal.run(options.build()).exitCode();
    }

    /** The project folder: {@code ferry.projectRoot} (bin/ferry sets it), else the working directory. */
    private static Path projectRoot() {
        return Path.of(System.getProperty("ferry.projectRoot", ".")).toAbsolutePath().normalize();
    }

    /** The message of an exception and of each cause, which together say what went wrong without a trace. */
    static String causes(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }
}
