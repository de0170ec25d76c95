package dev.ferry.metrics;

import dev.ferry.server.Stage;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Measured stages in memory, with the real store's rule: a stage is claimed once per wave. */
public class InMemoryMeasuredStages implements MeasuredStages {

    private final Map<String, Set<Stage>> claimed = new HashMap<>();

    @Override
    public Set<Stage> of(String waveId) {
        return EnumSet.copyOf(claimed.getOrDefault(waveId, EnumSet.noneOf(Stage.class)));
    }

    @Override
    public boolean claim(String waveId, Stage stage) {
        return claimed.computeIfAbsent(waveId, wave -> EnumSet.noneOf(Stage.class)).add(stage);
    }
}
