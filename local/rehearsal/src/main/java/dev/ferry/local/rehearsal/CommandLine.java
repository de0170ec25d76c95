package dev.ferry.local.rehearsal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of {@code bin/ferry rehearse} and {@code bin/ferry serve}: positional arguments and
 * {@code --name value} options, checked against the options the command knows.
 */
final class CommandLine {

    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();

    private CommandLine() {
    }

    /**
     * Reads the arguments.
     *
     * @throws IllegalArgumentException naming an unknown option or one without its value
     */
    static CommandLine parse(List<String> arguments, List<String> known) {
        CommandLine line = new CommandLine();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                line.positional.add(argument);
                continue;
            }
            String name = argument.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (known: --" + String.join(", --", known) + ")");
            }
            if (value == null) {
                if (i + 1 >= arguments.size()) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = arguments.get(++i);
            }
            line.options.put(name, value);
        }
        return line;
    }

    List<String> positional() {
        return List.copyOf(positional);
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    Optional<Path> path(String name) {
        return option(name).map(Path::of);
    }

    /** A positive number option. */
    Optional<Double> positiveNumber(String name) {
        return option(name).map(text -> {
            try {
                double value = Double.parseDouble(text);
                if (value > 0 && !Double.isNaN(value)) {
                    return value;
                }
            } catch (NumberFormatException notANumber) {
                // Reported below, with the option's name.
            }
            throw new IllegalArgumentException("--" + name + " must be a positive number, not '" + text + "'");
        });
    }

    /** A whole number option of 0 or more (a seed, say). */
    Optional<Long> wholeNumber(String name) {
        return option(name).map(text -> {
            try {
                long value = Long.parseLong(text);
                if (value >= 0) {
                    return value;
                }
            } catch (NumberFormatException notANumber) {
                // Reported below, with the option's name.
            }
            throw new IllegalArgumentException("--" + name + " must be a whole number of 0 or more, not '" + text + "'");
        });
    }

    /** A TCP port option. */
    Optional<Integer> port(String name) {
        return option(name).map(text -> {
            try {
                int port = Integer.parseInt(text);
                if (port > 0 && port < 65536) {
                    return port;
                }
            } catch (NumberFormatException notANumber) {
                // Reported below, with the option's name.
            }
            throw new IllegalArgumentException("--" + name + " must be a port number (1-65535), not '" + text + "'");
        });
    }
}
