package dev.ferry.local.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * One event of an execution's history, shaped like a GetExecutionHistory entry.
 *
 * @param id sequential from 1
 * @param previousEventId the event this one follows in its own branch of the workflow (0 for the first)
 * @param timestamp virtual time of the event
 * @param type the event type
 * @param details the contents of the type's details field; {@code null} for types without details
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, HistoryEventType type,
        ObjectNode details) {

    /** The details, if the type has any. */
    public Optional<ObjectNode> detailsIfAny() {
        return Optional.ofNullable(details);
    }

    /** A text field of the details, if present. */
    public Optional<String> detail(String field) {
        return detailsIfAny().map(d -> d.get(field)).filter(v -> !v.isNull()).map(v -> v.asText());
    }
}
