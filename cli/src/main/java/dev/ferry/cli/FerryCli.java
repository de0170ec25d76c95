package dev.ferry.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The operators' commands of {@code bin/ferry}: they look at a deployed stack, start waves on it and
 * build wave files. None of them runs the local cloud (that is {@code rehearse} and {@code serve}).
 *
 * <p>Exit codes: 0 done; 1 the command ran and found what it reports as a failure; 2 invalid input
 * (arguments, a wave file), every problem named; 3 AWS could not be reached or refused.
 */
public final class FerryCli {

    static final int EXIT_INVALID_INPUT = 2;
    static final int EXIT_AWS_FAILED = 3;

    private static final String USAGE = """
            usage: bin/ferry waves  [--limit N] [STACK OPTIONS]
                   bin/ferry status WAVE [--watch [SECONDS]] [STACK OPTIONS]
                   bin/ferry start  WAVE.json [--name NAME] [STACK OPTIONS]
                   bin/ferry wave from-csv SERVERS.csv [--defaults WAVE-DEFAULTS.json] [--out FOLDER] [--force]
            stack options: --stack NAME (default ferry) --region REGION --endpoint-url URL
                           --table NAME --state-machine-arn ARN (instead of the stack's outputs)
            credentials: the AWS SDK's default chain (environment, profile, SSO, instance role)""";

    /** One of the commands: its arguments after the command's name in, its exit code out. */
    @FunctionalInterface
    interface Command {
        int run(List<String> arguments, Path projectRoot, PrintStream out);
    }

    private static final Map<String, Command> COMMANDS = Map.of(
            "wave", WaveCommand::run,
            "waves", new WavesCommand(System::getenv),
            "status", StatusCommand.forConsole(),
            "start", new StartCommand(System::getenv));

    private FerryCli() {
    }

    public static void main(String[] arguments) {
        System.exit(run(Arrays.asList(arguments), projectRoot(), System.out, System.err));
    }

    /** Runs a command and returns its exit code. */
    public static int run(List<String> arguments, Path projectRoot, PrintStream out, PrintStream err) {
        if (arguments.isEmpty()) {
            err.println(USAGE);
            return EXIT_INVALID_INPUT;
        }
        Command command = COMMANDS.get(arguments.getFirst());
        try {
            if (command == null) {
                throw new IllegalArgumentException("unknown command '" + arguments.getFirst() + "'");
            }
            return command.run(arguments.subList(1, arguments.size()), projectRoot, out);
        } catch (CommandFailure e) {
            e.getMessage().lines().forEach(line -> err.println("ferry: " + line));
            return e.exitCode();
        } catch (SdkException e) {
            // The SDK's message names the service, the error code and the request ID where AWS answered.
            err.println("ferry: AWS: " + e.getMessage());
            return EXIT_AWS_FAILED;
        } catch (IllegalArgumentException e) {
            err.println("ferry: " + e.getMessage());
            err.println(USAGE);
            return EXIT_INVALID_INPUT;
        }
    }

    /** The project folder: {@code ferry.projectRoot} (bin/ferry sets it), else the working directory. */
    private static Path projectRoot() {
        return Path.of(System.getProperty("ferry.projectRoot", ".")).toAbsolutePath().normalize();
    }
}
