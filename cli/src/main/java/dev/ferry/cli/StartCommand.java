package dev.ferry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.wave.InvalidWaveException;
import dev.ferry.wave.ValidationProblem;
import dev.ferry.wave.WaveDefinition;
import dev.ferry.wave.WaveDefinitionParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/**
 * {@code bin/ferry start WAVE.json [--name NAME]}: checks the wave file here first, with the
 * parser Preflight uses (the same messages; nothing is started when any is found), then starts an
 * execution of the stack's state machine with the file as its input.
 *
 * <p>The execution's name (the wave's ID in the table) is the wave's {@code waveName} unless
 * {@code --name} says otherwise. A name is a wave's identity: starting the same file again while
 * its execution runs returns that execution (Step Functions treats the same name and input as one
 * start), and once it ended, or with other input, the name is refused rather than a second wave
 * started; a new run of a wave gets a new {@code --name}.
 */
final class StartCommand implements FerryCli.Command {

    /** What start may call: the stack's outputs, StartExecution and the look at an existing execution. */
    static final Set<String> CALLS = Set.of("DescribeStacks", "StartExecution", "DescribeExecution");
    /** Step Functions' execution names are at most 80 characters; Ferry keeps them to letters, digits, - and _. */
    static final Pattern EXECUTION_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, String> environment;

    StartCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public int run(List<String> arguments, Path projectRoot, PrintStream out) {
        Set<String> options = new HashSet<>(StackOptions.OPTIONS);
        options.add("name");
        Arguments parsed = Arguments.parse("start", arguments, options, Set.of());
        Path file = Path.of(parsed.single("WAVE.json"));
        String input = read(file);
        WaveDefinition wave = parse(file, input);
        String name = parsed.option("name").orElse(wave.waveName());
        if (!EXECUTION_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("start: --name '" + name
                    + "' must be 1 to 80 letters, digits, - or _ (it becomes the execution's name and the wave's ID)");
        }
        StackOptions stack = StackOptions.of(parsed, environment);
        try (AwsAccess access = new AwsAccess(stack, new AllowedCalls("start", CALLS))) {
            FerryStack ferry = FerryStack.locate(access);
            SfnClient stepFunctions = access.stepFunctions();
            try {
                StartExecutionResponse started = stepFunctions.startExecution(request -> request
                        .stateMachineArn(ferry.stateMachineArn()).name(name).input(input));
                out.println("Wave " + wave.waveName() + " (" + wave.servers().size() + " servers, "
                        + Texts.route(wave) + ") runs as execution " + name
                        + ", started " + Texts.time(started.startDate()));
                out.println("  " + started.executionArn());
            } catch (ExecutionAlreadyExistsException taken) {
                DescribeExecutionResponse existing =
                        stepFunctions.describeExecution(request -> request.executionArn(ferry.executionArn(name)));
                if (!input.equals(existing.input())) {
                    throw new CommandFailure(FerryCli.EXIT_INVALID_INPUT, "start: the execution name " + name
                            + " is taken by an execution with other input (" + existing.statusAsString()
                            + ", started " + Texts.time(existing.startDate()) + "); give the new wave a --name of its own");
                }
                out.println("Wave " + wave.waveName() + " was started before as execution " + name + " with this file ("
                        + existing.statusAsString() + ", started " + Texts.time(existing.startDate())
                        + "); nothing new was started. To run it again, give it a --name of its own.");
                out.println("  " + existing.executionArn());
            }
            out.println("Follow it: bin/ferry status " + name + " --watch" + sameStack(parsed));
            return 0;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new CommandFailure(FerryCli.EXIT_INVALID_INPUT, file + ": cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); nothing was started");
        }
    }

    /** The wave, or every problem Preflight would name, each with the file, and nothing started. */
    private static WaveDefinition parse(Path file, String input) {
        JsonNode json;
        try {
            json = JSON.readTree(input);
        } catch (JsonProcessingException e) {
            // Jackson names its (redacted) source inside the message; the file is named already.
            String message = e.getOriginalMessage().replaceAll("\\[Source: [^;]*; ", "[");
            throw new CommandFailure(FerryCli.EXIT_INVALID_INPUT, file + ": is not valid JSON: " + message + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "); nothing was started");
        }
        if (json == null || json.isMissingNode()) {
            throw new CommandFailure(FerryCli.EXIT_INVALID_INPUT, file + ": is empty; it must hold a wave definition (a JSON object)");
        }
        try {
            return WaveDefinitionParser.parse(json);
        } catch (InvalidWaveException e) {
            List<String> lines = new ArrayList<>();
            for (ValidationProblem problem : e.problems()) {
                lines.add(file + ": " + problem.line());
            }
            lines.add(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems")
                    + " in the wave, as Preflight would refuse it; nothing was started");
            throw new CommandFailure(FerryCli.EXIT_INVALID_INPUT, String.join("\n", lines));
        }
    }

    /** The stack options given, so that the next command shown reaches the same stack. */
    private static String sameStack(Arguments parsed) {
        return StackOptions.OPTIONS.stream().sorted()
                .filter(parsed::has)
                .map(option -> " --" + option + " " + parsed.option(option).orElseThrow())
                .collect(Collectors.joining());
    }
}
