package dev.ferry.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's arguments: its positional ones and its {@code --name value} options. Each command
 * says which options it knows, so that a mistyped option is refused, named, rather than ignored.
 *
 * @param command    the command, for messages
 * @param positional the arguments that are not options, in order
 * @param options    option name (without {@code --}) to value; an option given without its optional
 *                   value maps to the empty string
 */
record Arguments(String command, List<String> positional, Map<String, String> options) {

    /**
     * Parses {@code arguments}.
     *
     * @param valued   options that take a value
     * @param optional options whose value may be left out (e.g. {@code --watch [SECONDS]})
     * @throws IllegalArgumentException naming an unknown option, a missing value or a repeated option
     */
    static Arguments parse(String command, List<String> arguments, Set<String> valued, Set<String> optional) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                positional.add(argument);
                continue;
            }
            String name = argument.substring(2);
            String value;
            if (valued.contains(name)) {
                if (i + 1 >= arguments.size() || arguments.get(i + 1).startsWith("--")) {
                    throw new IllegalArgumentException(command + ": " + argument + " needs a value");
                }
                value = arguments.get(++i);
            } else if (optional.contains(name)) {
                boolean hasValue = i + 1 < arguments.size() && isNumber(arguments.get(i + 1));
                value = hasValue ? arguments.get(++i) : "";
            } else {
                throw new IllegalArgumentException(command + ": unknown option " + argument);
            }
            if (options.put(name, value) != null) {
                throw new IllegalArgumentException(command + ": " + argument + " is given twice");
            }
        }
        return new Arguments(command, List.copyOf(positional), Map.copyOf(options));
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    /** The one positional argument the command takes, named {@code what} in the message when missing. */
    String single(String what) {
        if (positional.size() != 1) {
            throw new IllegalArgumentException(command + " takes one " + what
                    + (positional.isEmpty() ? "" : ", not " + positional.size() + " (" + String.join(" ", positional) + ")"));
        }
        return positional.getFirst();
    }

    void requireNoPositional() {
        if (!positional.isEmpty()) {
            throw new IllegalArgumentException(command + " takes no argument besides options, not " + String.join(" ", positional));
        }
    }

    /** A whole number option from {@code min} to {@code max}, or {@code otherwise} when absent or given without a value. */
    int number(String name, int otherwise, int min, int max) {
        String value = options.get(name);
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new IllegalArgumentException(command + ": --" + name + " must be a whole number from " + min + " to "
                + max + ", not '" + value + "'");
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }
}
