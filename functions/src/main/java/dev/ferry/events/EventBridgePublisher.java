package dev.ferry.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ferry.json.Json;
import dev.ferry.retry.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@link EventPublisher} calling EventBridge's PutEvents on the function's default event bus.
 *
 * <p>PutEvents takes at most 10 entries and 256 KiB per call (entry sizes counted as EventBridge
 * counts them: source, detail type, detail, resources, and 14 bytes for the time), so events go out
 * in batches within both. The SDK retries a whole call that is throttled; an entry that fails on its
 * own with a retryable code ({@code ThrottlingException}, {@code InternalFailure}) is sent again, a
 * few times with back-off. Any other failure is logged with the event's ID and detail type and
 * dropped: the stage goes on.
 */
public class EventBridgePublisher implements EventPublisher {

    static final int MAX_ENTRIES_PER_CALL = 10;
    static final int MAX_BYTES_PER_CALL = 256 * 1024;
    /** EventBridge counts a given time as 14 bytes. */
    private static final int TIME_BYTES = 14;
    static final int ENTRY_ATTEMPTS = 4;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Set<String> RETRYABLE_ENTRY_ERRORS = Set.of("ThrottlingException", "InternalFailure");
    private static final Logger LOG = LoggerFactory.getLogger(EventBridgePublisher.class);

    private final EventBridgeClient eventBridge;
    private final Sleeper sleeper;

    public EventBridgePublisher(EventBridgeClient eventBridge, Sleeper sleeper) {
        this.eventBridge = eventBridge;
        this.sleeper = sleeper;
    }

    @Override
    public void publish(List<FerryEvent> events) {
        List<Pending> entries = new ArrayList<>();
        for (FerryEvent event : events) {
            try {
                entries.add(new Pending(event, entry(event)));
            } catch (JsonProcessingException e) {
                LOG.warn("Ferry event {} {} could not be written as JSON and was not published: {}",
                        event.type().detailType(), event.detail().header().eventId(), e.getMessage());
            }
        }
        for (List<Pending> batch : batches(entries)) {
            send(batch);
        }
    }

    /** The events in calls of at most 10 entries and 256 KiB; an entry too large alone is dropped, logged. */
    static List<List<Pending>> batches(List<Pending> entries) {
        List<List<Pending>> batches = new ArrayList<>();
        List<Pending> current = new ArrayList<>();
        int bytes = 0;
        for (Pending entry : entries) {
            int size = entry.size();
            if (size > MAX_BYTES_PER_CALL) {
                LOG.warn("Ferry event {} {} is {} bytes, more than PutEvents takes, and was not published",
                        entry.event().type().detailType(), entry.eventId(), size);
                continue;
            }
            if (current.size() == MAX_ENTRIES_PER_CALL || bytes + size > MAX_BYTES_PER_CALL) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(entry);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private void send(List<Pending> batch) {
        List<Pending> remaining = batch;
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; !remaining.isEmpty(); attempt++) {
            PutEventsResponse response;
            try {
                List<PutEventsRequestEntry> request = remaining.stream().map(Pending::entry).toList();
                response = eventBridge.putEvents(put -> put.entries(request));
            } catch (SdkException e) {
                // The SDK has already retried throttling and server errors.
                remaining.forEach(entry -> notPublished(entry, e.getClass().getSimpleName(), e.getMessage()));
                return;
            }
            List<Pending> retry = new ArrayList<>();
            List<PutEventsResultEntry> results = response.entries();
            for (int i = 0; i < remaining.size(); i++) {
                PutEventsResultEntry result = i < results.size() ? results.get(i) : null;
                Pending entry = remaining.get(i);
                if (result == null || result.errorCode() == null) {
                    continue;
                }
                if (RETRYABLE_ENTRY_ERRORS.contains(result.errorCode()) && attempt < ENTRY_ATTEMPTS) {
                    retry.add(entry);
                } else {
                    notPublished(entry, result.errorCode(), result.errorMessage());
                }
            }
            if (!retry.isEmpty() && !pause(backoff)) {
                retry.forEach(entry -> notPublished(entry, "Interrupted", "interrupted while backing off"));
                return;
            }
            remaining = retry;
            backoff = backoff.multipliedBy(2);
        }
    }

    private boolean pause(Duration backoff) {
        try {
            sleeper.sleep(backoff);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void notPublished(Pending entry, String code, String message) {
        LOG.warn("Ferry event {} {} was not published: {} {}", entry.event().type().detailType(), entry.eventId(),
                code, message);
    }

    private static PutEventsRequestEntry entry(FerryEvent event) throws JsonProcessingException {
        // No event bus name: the default bus of the function's account and region.
        return PutEventsRequestEntry.builder()
                .source(FerryEvent.SOURCE)
                .detailType(event.type().detailType())
                .detail(Json.mapper().writeValueAsString(event.detail()))
                .resources(event.resources())
                .time(event.time())
                .build();
    }

    /** An event ready to be put, with the entry that carries it. */
    record Pending(FerryEvent event, PutEventsRequestEntry entry) {

        String eventId() {
            return event.detail().header().eventId();
        }

        /** The entry's size as EventBridge counts it against the 256 KiB of a call. */
        int size() {
            int size = TIME_BYTES + utf8(entry.source()) + utf8(entry.detailType()) + utf8(entry.detail());
            for (String resource : entry.resources()) {
                size += utf8(resource);
            }
            return size;
        }

        private static int utf8(String text) {
            return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
        }
    }
}
