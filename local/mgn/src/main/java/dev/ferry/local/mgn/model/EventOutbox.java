package dev.ferry.local.mgn.model;

import dev.ferry.local.mgn.events.MgnEvent;
import dev.ferry.local.mgn.events.MgnEventType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events MGN emitted and nobody collected yet. API calls catch the model up to the clock too, so events can
 * appear between two {@code advanceTo} calls; they wait here instead of being dropped.
 */
final class EventOutbox {

    private final List<MgnEvent> pending = new ArrayList<>();
    private final IdGenerator ids;
    private final String account;
    private final String region;

    EventOutbox(IdGenerator ids, String account, String region) {
        this.ids = ids;
        this.account = account;
        this.region = region;
    }

    void replicationStalledChange(SourceServer server, Instant at, boolean stalled) {
        emit(MgnEventType.DATA_REPLICATION_STALLED_CHANGE, server, at,
                Map.of("state", stalled ? "STALLED" : "NOT_STALLED"));
    }

    void readyForTest(SourceServer server, Instant at) {
        emit(MgnEventType.LIFECYCLE_STATE_CHANGE, server, at, Map.of("state", "READY_FOR_TEST"));
    }

    void launchResult(SourceServer server, Instant at, LaunchKind kind, boolean succeeded, String jobId) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("state", kind.name() + "_LAUNCH_" + (succeeded ? "SUCCEEDED" : "FAILED"));
        detail.put("job-id", jobId);
        emit(MgnEventType.LAUNCH_RESULT, server, at, detail);
    }

    List<MgnEvent> drain() {
        List<MgnEvent> drained = List.copyOf(pending);
        pending.clear();
        return drained;
    }

    private void emit(MgnEventType type, SourceServer server, Instant at, Map<String, String> detail) {
        pending.add(new MgnEvent(ids.uuid().toString(), type, at, account, region, server.id(), detail));
    }
}
