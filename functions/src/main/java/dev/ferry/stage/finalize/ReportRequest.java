package dev.ferry.stage.finalize;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The input of the Report stage.
 *
 * @param waveId the wave
 * @param error  the unexpected failure the state machine caught ({@code {"Error": ..., "Cause": ...}}),
 *               or null on the normal path
 */
public record ReportRequest(String waveId, JsonNode error) {
}
