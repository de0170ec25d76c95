package dev.ferry.local.rehearsal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the display last showed of each item of one kind (servers, agent installations), so that
 * only changes are shown, and items that changed to the same text together share one line.
 *
 * @param <T> the kind of item
 */
final class ChangedLines<T> {

    /** Width of the names column. */
    static final int NAMES_WIDTH = 28;

    private final Function<T, String> key;
    private final Function<T, String> label;
    private final Function<T, String> text;
    private final Map<String, String> lastShown = new HashMap<>();

    /**
     * @param key   what tells one item from another across looks
     * @param label what people call an item
     * @param text  what is shown of an item
     */
    ChangedLines(Function<T, String> key, Function<T, String> label, Function<T, String> text) {
        this.key = key;
        this.label = label;
        this.text = text;
    }

    /**
     * The lines for the items whose text changed since the last look, names column first, in the
     * order of the items' first change.
     *
     * @param total how many items of this kind the wave has, to say "all" when every one is on a line
     */
    List<String> changes(List<T> items, int total) {
        Map<String, List<String>> namesByText = new LinkedHashMap<>();
        for (T item : items) {
            String shown = text.apply(item);
            if (!shown.equals(lastShown.put(key.apply(item), shown))) {
                namesByText.computeIfAbsent(shown, any -> new ArrayList<>()).add(label.apply(item));
            }
        }
        List<String> lines = new ArrayList<>();
        namesByText.forEach((shown, names) -> lines.add(String.format("%-" + NAMES_WIDTH + "s  %s",
                names(names, total), shown)));
        return lines;
    }

    /** The items of one line: by name while they fit, else counted. */
    private static String names(List<String> names, int total) {
        if (names.size() > 1 && names.size() == total) {
            return "all " + total + " servers";
        }
        String joined = String.join(", ", names);
        return joined.length() <= NAMES_WIDTH ? joined : names.getFirst() + " +" + (names.size() - 1) + " more";
    }
}
