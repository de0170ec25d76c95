package dev.ferry.stage.preflight;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The input of the Preflight state: the execution input as the engineer wrote it, and the
 * execution that runs it.
 *
 * @param wave          the raw wave definition (validated by preflight, so it stays raw JSON here)
 * @param executionArn  {@code $$.Execution.Id}
 * @param executionName {@code $$.Execution.Name}, which becomes the wave's ID
 */
public record PreflightRequest(JsonNode wave, String executionArn, String executionName) {
}
