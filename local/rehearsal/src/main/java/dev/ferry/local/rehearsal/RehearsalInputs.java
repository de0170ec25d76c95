package dev.ferry.local.rehearsal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.local.mgn.environment.InvalidEnvironmentException;
import dev.ferry.local.mgn.environment.MgnEnvironment;
import dev.ferry.local.rehearsal.standin.ApplicationStandIns;
import dev.ferry.local.rehearsal.standin.ProbedPorts;
import dev.ferry.local.rehearsal.standin.ServiceFront;
import dev.ferry.local.rehearsal.standin.StandInException;
import dev.ferry.wave.InvalidWaveException;
import dev.ferry.wave.ValidationProblem;
import dev.ferry.wave.WaveDefinition;
import dev.ferry.wave.WaveDefinitionParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A wave file and an environment file, read and checked together before anything starts: each is
 * JSON, the wave passes the controller's own validation, the environment MGN's (and its other services'
 * sections theirs), the wave targets the region the environment simulates, and the stand-in
 * applications can listen on the probed ports.
 *
 * @param waveJson    the wave as given (the execution's input)
 * @param wave        the wave as the controller reads it
 * @param environment the simulated world
 * @param probedPorts the ports the wave's validation probes use
 * @param services    what Systems Manager and Route 53 hold in the simulated world
 */
public record RehearsalInputs(String waveJson, WaveDefinition wave, MgnEnvironment environment, ProbedPorts probedPorts,
                              SimulatedServices services) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads and checks both files.
     *
     * @throws InvalidInputException listing every problem found
     */
    public static RehearsalInputs load(Path waveFile, Path environmentFile) {
        List<String> problems = new ArrayList<>();
        String waveText = read(waveFile, problems);
        JsonNode waveNode = waveText == null ? null : parse(waveFile, waveText, problems);
        WaveDefinition wave = waveNode == null ? null : wave(waveFile, waveNode, problems);
        String environmentText = read(environmentFile, problems);
        JsonNode environmentNode = environmentText == null ? null : parse(environmentFile, environmentText, problems);
        MgnEnvironment environment = environmentNode == null ? null : environment(environmentFile, environmentNode, problems);
        SimulatedServices services = environmentNode == null ? null
                : services(environmentFile, environmentNode, environment, problems);
        if (wave != null && environment != null && !wave.targetRegion().equals(environment.targetRegion())) {
            problems.add(waveFile + ": targetRegion: the wave moves servers to " + wave.targetRegion()
                    + " but the environment " + environmentFile + " simulates MGN in " + environment.targetRegion());
        }
        ProbedPorts ports = wave == null ? null : probedPorts(waveFile, wave, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new RehearsalInputs(waveText, wave, environment, ports, services);
    }

    /**
     * Reads and checks an environment file alone (for a local cloud without a wave): MGN's part and
     * the other services' sections, from one reading, with every problem of both.
     *
     * @throws InvalidInputException listing every problem found
     */
    public static SimulatedWorld loadWorld(Path environmentFile) {
        List<String> problems = new ArrayList<>();
        String text = read(environmentFile, problems);
        JsonNode node = text == null ? null : parse(environmentFile, text, problems);
        MgnEnvironment environment = node == null ? null : environment(environmentFile, node, problems);
        SimulatedServices services = node == null ? null : services(environmentFile, node, environment, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new SimulatedWorld(environment, services);
    }

    /**
     * What an environment file describes.
     *
     * @param environment MGN's part
     * @param services    what the other simulated services hold
     */
    public record SimulatedWorld(MgnEnvironment environment, SimulatedServices services) {
    }

    private static String read(Path file, List<String> problems) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            problems.add(file + ": cannot be read (" + describe(e) + ")");
            return null;
        }
    }

    private static JsonNode parse(Path file, String text, List<String> problems) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                problems.add(file + ": is empty; it must hold a JSON object");
                return null;
            }
            return node;
        } catch (JsonProcessingException e) {
            // Jackson names its (redacted) source inside the message; the file is named already.
            String message = e.getOriginalMessage().replaceAll("\\[Source: [^;]*; ", "[");
            problems.add(file + ": is not valid JSON: " + message + " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
            return null;
        }
    }

    private static WaveDefinition wave(Path file, JsonNode node, List<String> problems) {
        try {
            return WaveDefinitionParser.parse(node);
        } catch (InvalidWaveException e) {
            for (ValidationProblem problem : e.problems()) {
                problems.add(file + ": " + problem.line());
            }
            return null;
        }
    }

    private static MgnEnvironment environment(Path file, JsonNode node, List<String> problems) {
        try {
            return MgnEnvironment.fromJson(node);
        } catch (InvalidEnvironmentException e) {
            for (String problem : e.problems()) {
                problems.add(file + ": " + problem);
            }
            return null;
        }
    }

    private static SimulatedServices services(Path file, JsonNode node, MgnEnvironment environment,
                                              List<String> problems) {
        List<String> found = new ArrayList<>();
        SimulatedServices services = SimulatedServices.fromJson(node, environment, found);
        found.forEach(problem -> problems.add(file + ": " + problem));
        return services;
    }

    private static ProbedPorts probedPorts(Path file, WaveDefinition wave, List<String> problems) {
        try {
            ProbedPorts ports = ProbedPorts.of(wave.validation());
            ApplicationStandIns.checkCanListen(ports.all());
            if (wave.dns() != null) {
                ApplicationStandIns.checkCanListen(List.of(ServiceFront.of(wave.dns()).port()));
            }
            return ports;
        } catch (StandInException e) {
            problems.add(file + ": " + e.getMessage());
            return null;
        }
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replaceFirst("Exception$", "");
        return switch (kind) {
            case "NoSuchFile" -> "no such file";
            case "AccessDenied" -> "access denied";
            default -> kind + (e.getMessage() == null ? "" : ": " + e.getMessage());
        };
    }
}
