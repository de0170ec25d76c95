package dev.ferry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.cli.WavesFromInventory.Result;
import dev.ferry.cli.WavesFromInventory.WaveFile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/ferry wave from-csv SERVERS.csv [--defaults WAVE-DEFAULTS.json] [--out FOLDER] [--force]}:
 * turns an inventory CSV into wave files, one per wave, each valid as Preflight reads it. Nothing
 * is written unless every row and every wave is valid; then each problem is printed with its
 * line and column and the exit code is 2.
 */
final class WaveCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The command's options, as given. */
    private record Options(Path csv, Path defaults, Path out, boolean force) {
    }

    private WaveCommand() {
    }

    /** Runs {@code wave <subcommand> ...}. */
    static int run(List<String> arguments, Path projectRoot, PrintStream out) {
        if (arguments.isEmpty() || !arguments.getFirst().equals("from-csv")) {
            throw new IllegalArgumentException(arguments.isEmpty() ? "wave needs a subcommand: from-csv"
                    : "unknown wave subcommand '" + arguments.getFirst() + "' (known: from-csv)");
        }
        return fromCsv(options(arguments.subList(1, arguments.size())), out);
    }

    private static Options options(List<String> arguments) {
        Path csv = null;
        Path defaults = null;
        Path out = Path.of(".");
        boolean force = false;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            switch (argument) {
                case "--defaults" -> defaults = Path.of(valueOf(arguments, ++i, argument));
                case "--out" -> out = Path.of(valueOf(arguments, ++i, argument));
                case "--force" -> force = true;
                default -> {
                    if (argument.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option '" + argument + "' for wave from-csv");
                    }
                    if (csv != null) {
                        throw new IllegalArgumentException("wave from-csv takes one CSV file, not '" + csv + "' and '"
                                + argument + "'");
                    }
                    csv = Path.of(argument);
                }
            }
        }
        if (csv == null) {
            throw new IllegalArgumentException("wave from-csv needs the CSV file to read");
        }
        return new Options(csv, defaults, out, force);
    }

    private static String valueOf(List<String> arguments, int index, String option) {
        if (index >= arguments.size() || arguments.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return arguments.get(index);
    }

    private static int fromCsv(Options options, PrintStream out) {
        String csvName = options.csv().toString();
        InventoryCsv csv;
        ObjectNode defaults;
        try {
            csv = InventoryCsv.read(Files.readAllBytes(options.csv()));
            defaults = options.defaults() == null ? JSON.createObjectNode() : defaults(options.defaults());
        } catch (InvalidInputException e) {
            out.println("ferry: " + e.getMessage());
            return FerryCli.EXIT_INVALID_INPUT;
        } catch (InventoryCsv.MalformedCsvException e) {
            out.println("ferry: " + csvName + ": line " + e.line() + ": not valid CSV: " + e.getMessage());
            return FerryCli.EXIT_INVALID_INPUT;
        } catch (NoSuchFileException e) {
            out.println("ferry: " + csvName + ": no such file");
            return FerryCli.EXIT_INVALID_INPUT;
        } catch (IOException e) {
            out.println("ferry: cannot read " + csvName + ": " + e.getMessage());
            return FerryCli.EXIT_INVALID_INPUT;
        }
        String defaultsName = options.defaults() == null ? "the defaults (no --defaults given)"
                : options.defaults().toString();
        Result result = WavesFromInventory.convert(csv, defaults, defaultsName);
        result.warnings().forEach(warning -> out.println("warning: " + csvName + ": " + warning));
        if (!result.problems().isEmpty()) {
            printProblems(csvName, options, result.problems(), out);
            return FerryCli.EXIT_INVALID_INPUT;
        }
        return write(result.waves(), options, out);
    }

    private static void printProblems(String csvName, Options options, List<InventoryProblem> problems,
                                      PrintStream out) {
        out.println("ferry: " + csvName + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "; no wave file written");
        problems.forEach(problem -> out.println("  " + problem.text()));
        if (options.defaults() == null && problems.stream().anyMatch(p -> p.line() == InventoryProblem.WAVE_LEVEL)) {
            out.println("  (a wave's settings other than its servers come from --defaults WAVE-DEFAULTS.json)");
        }
    }

    private static int write(List<WaveFile> waves, Options options, PrintStream out) {
        List<Path> existing = WaveFileWriter.existing(options.out(), waves.stream().map(WaveFile::waveName).toList());
        if (!options.force() && !existing.isEmpty()) {
            out.println("ferry: no wave file written: " + String.join(", ", existing.stream().map(Path::toString)
                    .toList()) + (existing.size() == 1 ? " exists" : " exist") + " already (--force replaces them)");
            return FerryCli.EXIT_INVALID_INPUT;
        }
        Map<String, ObjectNode> definitions = new LinkedHashMap<>();
        waves.forEach(wave -> definitions.put(wave.waveName(), wave.definition()));
        try {
            WaveFileWriter.writeAll(options.out(), definitions);
        } catch (IOException e) {
            out.println("ferry: cannot write the wave files into " + options.out() + ": " + e.getMessage());
            return FerryCli.EXIT_INVALID_INPUT;
        }
        for (WaveFile wave : waves) {
            int servers = wave.lines().size();
            out.println("wrote " + WaveFileWriter.fileOf(options.out(), wave.waveName()) + ": " + servers
                    + (servers == 1 ? " server" : " servers") + " (lines " + lineList(wave.lines()) + ")");
        }
        return 0;
    }

    /** Lines as ranges: {@code 2-4, 7}. */
    static String lineList(List<Integer> lines) {
        StringBuilder text = new StringBuilder();
        int start = lines.getFirst();
        int previous = start;
        for (int i = 1; i <= lines.size(); i++) {
            Integer line = i < lines.size() ? lines.get(i) : null;
            if (line != null && line == previous + 1) {
                previous = line;
                continue;
            }
            text.append(text.isEmpty() ? "" : ", ").append(start == previous ? start : start + "-" + previous);
            if (line != null) {
                start = line;
                previous = line;
            }
        }
        return text.toString();
    }

    /** The defaults file: a JSON object of wave settings. */
    private static ObjectNode defaults(Path file) throws IOException, InvalidInputException {
        JsonNode json;
        try {
            json = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new InvalidInputException(file + ": no such file");
            }
            throw e;
        }
        if (json == null || !json.isObject()) {
            throw new InvalidInputException(file + ": must hold a JSON object of wave settings (a wave file without"
                    + " servers)");
        }
        return (ObjectNode) json;
    }

    /** A file given on the command line is not what the command needs. */
    private static final class InvalidInputException extends Exception {
        InvalidInputException(String message) {
            super(message);
        }
    }
}
