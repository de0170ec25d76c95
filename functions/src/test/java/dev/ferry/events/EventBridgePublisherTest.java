package dev.ferry.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.events.FerryEventDetail.WaveEnded;
import dev.ferry.events.FerryEventDetail.WaveHeader;
import dev.ferry.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** How {@link EventBridgePublisher} puts events: the entry it writes, its batches, and what it does with failures. */
@ExtendWith(MockitoExtension.class)
class EventBridgePublisherTest {

    private static final String EXECUTION = "arn:aws:states:eu-central-1:111122223333:execution:ferry-waves:w-1";
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

    @Mock
    EventBridgeClient eventBridge;

    private final List<Duration> waits = new ArrayList<>();

    @Test
    void anEventIsPutOnTheDefaultBusWithSourceFerryItsDetailTypeTimeExecutionAndDetail() throws Exception {
        answerEveryEntry();

        publisher().publish(List.of(waveEnded("w-1")));

        PutEventsRequestEntry entry = calls(1).getFirst().entries().getFirst();
        assertThat(entry.source()).isEqualTo("ferry");
        assertThat(entry.detailType()).isEqualTo("Ferry Wave Ended");
        assertThat(entry.eventBusName()).isNull();
        assertThat(entry.time()).isEqualTo(AT);
        assertThat(entry.resources()).containsExactly(EXECUTION);
        JsonNode detail = Json.mapper().readTree(entry.detail());
        assertThat(detail.path("waveId").asText()).isEqualTo("w-1");
        assertThat(detail.path("schemaVersion").asText()).isEqualTo("1");
        assertThat(detail.has("reason")).as("a field without value is still in the shape").isTrue();
        assertThat(detail.path("reason").isNull()).isTrue();
    }

    @Test
    void twentyFiveEventsGoOutInThreeCallsOfAtMostTen() {
        answerEveryEntry();

        publisher().publish(IntStream.range(0, 25).mapToObj(i -> waveEnded("w-" + i)).toList());

        assertThat(calls(3)).extracting(call -> call.entries().size()).containsExactly(10, 10, 5);
    }

    @Test
    void eventsThatTogetherPassTheSizeOfACallAreSplitBeforeTheLimit() {
        answerEveryEntry();
        String reason = "x".repeat(100 * 1024);

        publisher().publish(List.of(waveEnded("w-1", reason), waveEnded("w-2", reason), waveEnded("w-3", reason)));

        assertThat(calls(2)).extracting(call -> call.entries().size()).containsExactly(2, 1);
    }

    @Test
    void anEntryThrottledOnItsOwnIsSentAgainAfterABackOffAndTheOthersAreNot() {
        when(eventBridge.putEvents(any(Consumer.class)))
                .thenReturn(response(null, "ThrottlingException"))
                .thenReturn(response((String) null));

        publisher().publish(List.of(waveEnded("w-1"), waveEnded("w-2")));

        List<PutEventsRequest> calls = calls(2);
        assertThat(calls.get(1).entries()).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).contains("\"waveId\":\"w-2\""));
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void anEntryStillThrottledAfterEveryAttemptIsDroppedWithoutFailingTheCaller() {
        when(eventBridge.putEvents(any(Consumer.class))).thenReturn(response("InternalFailure"));

        publisher().publish(List.of(waveEnded("w-1")));

        calls(EventBridgePublisher.ENTRY_ATTEMPTS);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void anEntryRefusedForGoodIsNotSentAgain() {
        when(eventBridge.putEvents(any(Consumer.class))).thenReturn(response("AccessDeniedException"));

        publisher().publish(List.of(waveEnded("w-1")));

        calls(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aCallThatFailsAfterTheSdksRetriesIsLoggedNotThrownAndTheNextBatchIsStillSent() {
        when(eventBridge.putEvents(any(Consumer.class)))
                .thenThrow(SdkClientException.create("connection reset"))
                .thenReturn(response((String) null));

        publisher().publish(IntStream.range(0, 11).mapToObj(i -> waveEnded("w-" + i)).toList());

        assertThat(calls(2)).extracting(call -> call.entries().size()).containsExactly(10, 1);
    }

    private EventBridgePublisher publisher() {
        return new EventBridgePublisher(eventBridge, waits::add);
    }

    @SuppressWarnings("unchecked")
    private void answerEveryEntry() {
        when(eventBridge.putEvents(any(Consumer.class))).thenAnswer(invocation -> {
            PutEventsRequest request = built(invocation.getArgument(0));
            return response(request.entries().stream().map(entry -> (String) null).toArray(String[]::new));
        });
    }

    /** The calls made, built from the consumers the publisher passed. */
    @SuppressWarnings("unchecked")
    private List<PutEventsRequest> calls(int expected) {
        ArgumentCaptor<Consumer<PutEventsRequest.Builder>> captor = ArgumentCaptor.forClass(Consumer.class);
        verify(eventBridge, times(expected)).putEvents(captor.capture());
        return captor.getAllValues().stream().map(EventBridgePublisherTest::built).toList();
    }

    private static PutEventsRequest built(Consumer<PutEventsRequest.Builder> consumer) {
        PutEventsRequest.Builder builder = PutEventsRequest.builder();
        consumer.accept(builder);
        return builder.build();
    }

    /** A response with an entry per error code (null: put). */
    private static PutEventsResponse response(String... errorCodes) {
        List<PutEventsResultEntry> entries = new ArrayList<>();
        int failed = 0;
        for (String code : errorCodes) {
            if (code == null) {
                entries.add(PutEventsResultEntry.builder().eventId("e-" + entries.size()).build());
            } else {
                failed++;
                entries.add(PutEventsResultEntry.builder().errorCode(code).errorMessage("refused").build());
            }
        }
        return PutEventsResponse.builder().failedEntryCount(failed).entries(entries).build();
    }

    private static FerryEvent waveEnded(String waveId) {
        return waveEnded(waveId, null);
    }

    private static FerryEvent waveEnded(String waveId, String reason) {
        WaveHeader header = WaveHeader.of(waveId, "media", EXECUTION, FerryEventType.WAVE_ENDED);
        return new FerryEvent(FerryEventType.WAVE_ENDED, AT, List.of(EXECUTION),
                new WaveEnded(header, "COMPLETED", reason, new FerryEventDetail.Counts(1, 0, 1, 0, 0)));
    }
}
