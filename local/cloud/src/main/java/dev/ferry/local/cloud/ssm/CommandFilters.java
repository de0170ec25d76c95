package dev.ferry.local.cloud.ssm;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * ListCommands' {@code Filters} ({@code key}, {@code value}): InvokedAfter, InvokedBefore (ISO-8601
 * times, compared with when the command was sent), Status, ExecutionStage (Executing or Complete)
 * and DocumentName. A command must match every filter.
 */
final class CommandFilters {

    private static final int MAX_FILTERS = 5;

    private CommandFilters() {
    }

    static Predicate<SentCommand> of(JsonNode body) {
        JsonNode filters = body.path("Filters");
        if (filters.size() > MAX_FILTERS) {
            throw new SsmException("ValidationException", "1 validation error detected: Value at 'filters' failed to "
                    + "satisfy constraint: Member must have length less than or equal to " + MAX_FILTERS);
        }
        List<Predicate<SentCommand>> all = new ArrayList<>();
        filters.forEach(filter -> all.add(filter(filter.path("key").asText(), filter.path("value").asText())));
        return command -> all.stream().allMatch(filter -> filter.test(command));
    }

    private static Predicate<SentCommand> filter(String key, String value) {
        return switch (key) {
            case "InvokedAfter" -> {
                Instant after = time(key, value);
                yield command -> !command.requestedAt().isBefore(after);
            }
            case "InvokedBefore" -> {
                Instant before = time(key, value);
                yield command -> !command.requestedAt().isAfter(before);
            }
            case "DocumentName" -> command -> command.documentName().equals(value);
            case "Status" -> {
                if (!InvocationStatus.commandStatusNames().contains(value)) {
                    throw invalidValue(key, value, String.join(", ", InvocationStatus.commandStatusNames()));
                }
                yield command -> command.status().wireName().equals(value);
            }
            case "ExecutionStage" -> switch (value) {
                case "Executing" -> command -> !command.status().finished();
                case "Complete" -> command -> command.status().finished();
                default -> throw invalidValue(key, value, "Executing, Complete");
            };
            default -> throw new SsmException("InvalidFilterKey", "ListCommands filters by InvokedAfter, InvokedBefore,"
                    + " Status, ExecutionStage and DocumentName, not by " + key);
        };
    }

    private static Instant time(String key, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalidValue(key, value, "an ISO-8601 time such as 2026-03-02T10:00:00Z");
        }
    }

    private static SsmException invalidValue(String key, String value, String expected) {
        return new SsmException("InvalidFilterValue", "Filter " + key + " cannot be " + value + "; it takes " + expected);
    }
}
