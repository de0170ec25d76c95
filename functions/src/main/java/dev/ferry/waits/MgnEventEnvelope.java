package dev.ferry.waits;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An MGN event as EventBridge delivers it to a Lambda target. {@link #toHint()} validates it and
 * maps it to the domain's {@link MgnEventHint}.
 *
 * @param id         the event's ID
 * @param detailType {@code detail-type}
 * @param source     {@code aws.mgn} for an MGN event
 * @param account    the account
 * @param time       when the event happened
 * @param region     the MGN region
 * @param resources  the source server's ARN
 * @param detail     the event's detail
 */
public record MgnEventEnvelope(
        String id,
        @JsonProperty("detail-type") String detailType,
        String source,
        String account,
        Instant time,
        String region,
        List<String> resources,
        Detail detail) {

    /** The only source Ferry takes events from. */
    public static final String MGN_SOURCE = "aws.mgn";

    private static final Pattern SOURCE_SERVER_ARN =
            Pattern.compile("^arn:aws[a-z-]*:mgn:[a-z0-9-]+:\\d{12}:source-server/(s-[0-9a-zA-Z]{17})$");

    /**
     * The event's detail.
     *
     * @param state {@code state}
     * @param jobId {@code job-id} (a hyphen on the event, unlike the API's {@code jobID})
     */
    public record Detail(String state, @JsonProperty("job-id") String jobId) {
    }

    /** The hint this event gives, or {@link InvalidMgnEventException} saying what is wrong with it. */
    public MgnEventHint toHint() {
        if (!MGN_SOURCE.equals(source)) {
            throw new InvalidMgnEventException("Event " + id + " is not an MGN event: its source is '" + source
                    + "', expected '" + MGN_SOURCE + "'");
        }
        MgnEventType type = MgnEventType.fromDetailType(detailType).orElseThrow(() -> new InvalidMgnEventException(
                "MGN event " + id + " has an unknown detail-type '" + detailType + "'"));
        String sourceServerId = sourceServerId().orElseThrow(() -> new InvalidMgnEventException(
                "MGN event " + id + " (" + detailType + ") names no source server: resources " + resources
                        + " hold no arn:aws:mgn:<region>:<account>:source-server/s-... ARN"));
        if (detail == null || detail.state() == null || detail.state().isBlank()) {
            throw new InvalidMgnEventException("MGN event " + id + " (" + detailType + ") about " + sourceServerId
                    + " has no detail.state");
        }
        return new MgnEventHint(type, sourceServerId, detail.state(), detail.jobId());
    }

    private Optional<String> sourceServerId() {
        if (resources == null) {
            return Optional.empty();
        }
        for (String resource : resources) {
            Matcher matcher = resource == null ? null : SOURCE_SERVER_ARN.matcher(resource);
            if (matcher != null && matcher.matches()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }
}
