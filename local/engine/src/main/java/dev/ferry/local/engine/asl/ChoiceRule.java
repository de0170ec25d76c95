package dev.ferry.local.engine.asl;

/** One top-level entry of a Choice state's Choices: when {@code condition} holds, go to {@code next}. */
public record ChoiceRule(Condition condition, String next) {
}
