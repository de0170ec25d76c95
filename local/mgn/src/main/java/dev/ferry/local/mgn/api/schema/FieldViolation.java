package dev.ferry.local.mgn.api.schema;

/**
 * A request member that breaks the service model.
 *
 * @param path    the member's path, e.g. {@code filters.sourceServerIDs[3]}
 * @param message what is wrong with it
 */
public record FieldViolation(String path, String message) {
}
