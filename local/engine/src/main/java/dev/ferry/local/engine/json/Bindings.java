package dev.ferry.local.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.random.RandomGenerator;

/**
 * What a path or template is evaluated against: {@code $} is {@code input}, {@code $$} is
 * {@code context}, and {@code random} feeds {@code States.UUID} and {@code States.MathRandom}.
 */
public record Bindings(JsonNode input, JsonNode context, RandomGenerator random) {
}
