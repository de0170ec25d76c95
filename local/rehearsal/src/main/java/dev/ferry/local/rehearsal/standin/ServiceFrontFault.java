package dev.ferry.local.rehearsal.standin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.mgn.environment.ObjectReader;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code serviceFront} section of an environment file: the service behind the DNS switch's
 * health check breaks a while after it first answers, as an application that falls over once real
 * traffic reaches it would, so that a rehearsal can show the switch moving traffic back.
 *
 * <pre>{@code
 * "serviceFront": { "failsAfterMinutes": 8, "failureStatus": 503 }
 * }</pre>
 *
 * @param failsAfter    from the moment the front first answers (a cutover instance runs healthy) to its first failed
 *                      answer; from then on it keeps failing
 * @param failureStatus the HTTP status it answers every request with once failed
 */
public record ServiceFrontFault(Duration failsAfter, int failureStatus) {

    /** What a failing application behind a load balancer answers: the service is unavailable. */
    public static final int DEFAULT_FAILURE_STATUS = 503;

    private static final String SECTION = "serviceFront";
    /** A day: any rehearsal's DNS switch starts well within it, so a longer time could never matter. */
    private static final long MAX_MINUTES = 1440;

    /**
     * Reads the {@code serviceFront} section of an environment file's root object, noting each
     * problem with its JSON path; empty without the section (the front never fails).
     */
    public static Optional<ServiceFrontFault> fromJson(JsonNode root, List<String> problems) {
        return ObjectReader.section(root, SECTION, problems).map(section -> {
            section.rejectUnknownFields("failsAfterMinutes", "failureStatus");
            if (!section.has("failsAfterMinutes")) {
                section.problem("failsAfterMinutes", "is required");
            }
            long minutes = section.optionalWholeNumber("failsAfterMinutes", 0, MAX_MINUTES).orElse(0L);
            // A status below 400 would be no failure at all: a client would take it for an answer.
            long status = section.optionalWholeNumber("failureStatus", 400, 599).orElse((long) DEFAULT_FAILURE_STATUS);
            return new ServiceFrontFault(Duration.ofMinutes(minutes), (int) status);
        });
    }
}
