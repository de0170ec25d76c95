package dev.ferry.local.mgn.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event MGN puts on the default EventBridge bus of its region.
 *
 * @param id             the envelope {@code id}; a duplicated delivery carries the same id, as EventBridge retries do
 * @param type           which of the documented detail-types
 * @param time           when MGN emitted it (virtual time)
 * @param account        the account ID
 * @param region         the MGN (target) region
 * @param sourceServerId the server the event is about
 * @param detail         the {@code detail} object, in wire order (e.g. {@code state}, {@code job-id})
 */
public record MgnEvent(String id, MgnEventType type, Instant time, String account, String region,
                       String sourceServerId, Map<String, String> detail) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public MgnEvent {
        detail = Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }

    /** The {@code detail.state} value, present on every documented MGN event. */
    public String state() {
        return detail.get("state");
    }

    /** The ARN EventBridge puts in {@code resources}. */
    public String sourceServerArn() {
        return "arn:aws:mgn:" + region + ":" + account + ":source-server/" + sourceServerId;
    }

    /** The event as EventBridge delivers it to a rule target. */
    public ObjectNode toEnvelope() {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("version", "0");
        envelope.put("id", id);
        envelope.put("detail-type", type.detailType());
        envelope.put("source", "aws.mgn");
        envelope.put("account", account);
        // EventBridge envelope times have whole seconds.
        envelope.put("time", DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS)));
        envelope.put("region", region);
        envelope.putArray("resources").add(sourceServerArn());
        ObjectNode detailNode = envelope.putObject("detail");
        detail.forEach(detailNode::put);
        return envelope;
    }

    /** The envelope as JSON text. */
    public String toJson() {
        return toEnvelope().toString();
    }
}
