package dev.ferry.local.rehearsal.bench.coldstart;

import java.util.List;

/** The least, middle and greatest of some measurements (the median of an even count is the lower middle). */
public record Spread(long min, long median, long max) {

    public static Spread of(List<Long> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        List<Long> sorted = values.stream().sorted().toList();
        return new Spread(sorted.getFirst(), sorted.get((sorted.size() - 1) / 2), sorted.getLast());
    }
}
