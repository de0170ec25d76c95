package dev.ferry.local.mgn.api;

import dev.ferry.local.mgn.model.MgnApiException;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** MGN's wire forms of time: ISO-8601 date-time strings in UTC and ISO-8601 durations. */
final class WireTime {

    private WireTime() {
    }

    /** E.g. {@code 2026-03-02T10:15:00Z}; milliseconds only when the virtual clock has them. */
    static String dateTime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** E.g. {@code PT2S} or {@code PT1H30M}, in whole seconds. */
    static String duration(Duration duration) {
        return duration.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static Instant parseDateTime(String text, String member) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw MgnApiException.validation(member + ": not an ISO-8601 date-time: " + text);
        }
    }
}
