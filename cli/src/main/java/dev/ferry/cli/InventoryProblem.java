package dev.ferry.cli;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One thing wrong with an inventory CSV or a wave made from it.
 *
 * @param line    the CSV line the problem is on, 0 for the file as a whole, or {@link #WAVE_LEVEL} for
 *                a setting of a wave that no line holds (it comes from the defaults file)
 * @param where   where, in words: {@code line 4, column mgn:server:id}, {@code wave "media"}
 * @param message what is wrong, with the wave definition parser's own words where it found it
 */
record InventoryProblem(int line, String where, String message) {

    static final int WAVE_LEVEL = Integer.MAX_VALUE;

    /** The file's problems first, then the lines in order, then the waves' own settings. */
    static final Comparator<InventoryProblem> IN_FILE_ORDER = Comparator.comparingInt(InventoryProblem::line);

    static InventoryProblem ofFile(String message) {
        return new InventoryProblem(0, "", message);
    }

    static InventoryProblem ofHeader(String column, String message) {
        return new InventoryProblem(1, "line 1, column " + column, message);
    }

    static InventoryProblem atLine(int line, String message) {
        return new InventoryProblem(line, "line " + line, message);
    }

    static InventoryProblem at(int line, String column, String message) {
        return new InventoryProblem(line, "line " + line + ", column " + column, message);
    }

    static InventoryProblem ofWave(String wave, String message) {
        return ofWaves(List.of(wave), message);
    }

    /** The same problem in several waves, as a defaults file's mistake is in every wave. */
    static InventoryProblem ofWaves(List<String> waves, String message) {
        String names = waves.stream().map(wave -> "\"" + wave + "\"").collect(Collectors.joining(", "));
        return new InventoryProblem(WAVE_LEVEL, (waves.size() == 1 ? "wave " : "waves ") + names, message);
    }

    /** The problem as one line of output. */
    String text() {
        return where.isEmpty() ? message : where + ": " + message;
    }
}
