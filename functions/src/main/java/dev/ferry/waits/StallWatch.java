package dev.ferry.waits;

import dev.ferry.mgn.MgnConflictException;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.mgn.SourceServer;
import dev.ferry.notify.Notification;
import dev.ferry.notify.Notifier;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerRecord.Stall;
import dev.ferry.server.WaveRecord;
import dev.ferry.wave.TimeLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Watches stalled replication: a stall is recorded when first seen, people are told once when it
 * lasts longer than the wave's {@code stallNotice}, Ferry calls {@code RetryDataReplication} once
 * when it lasts longer than {@code stallRetry}, and recovery clears it. Each side effect is recorded
 * right after it happens, so a re-evaluation does not repeat it.
 */
final class StallWatch {

    private static final Logger LOG = LoggerFactory.getLogger(StallWatch.class);

    private final MgnGateway mgn;
    private final Notifier notifier;

    StallWatch(MgnGateway mgn, Notifier notifier) {
        this.mgn = mgn;
        this.notifier = notifier;
    }

    /** Brings the stall tracking of the wave's active servers up to date with MGN's view. */
    void review(WaveRecord wave, WaveServers servers, Map<String, SourceServer> seen, Instant now) {
        TimeLimits limits = wave.definition().timeLimits();
        List<ServerRecord> dueNotice = new ArrayList<>();
        for (ServerRecord record : servers.active()) {
            SourceServer server = seen.get(record.sourceServerId());
            if (server == null || !server.isStalled()) {
                if (record.stall() != null) {
                    LOG.info("Replication of {} recovered from the stall seen since {}", record.sourceServerId(),
                            record.stall().since());
                    servers.put(record.withStall(null));
                }
                continue;
            }
            Stall stall = record.stall() != null ? record.stall() : new Stall(now, false, false);
            Duration stalledFor = Duration.between(stall.since(), now);
            if (!stall.retried() && stalledFor.compareTo(limits.stallRetry()) >= 0) {
                retry(record.sourceServerId());
                stall = new Stall(stall.since(), stall.notified(), true);
                servers.put(record.withStall(stall));
                servers.save();
            } else {
                servers.put(record.withStall(stall));
            }
            if (!stall.notified() && stalledFor.compareTo(limits.stallNotice()) >= 0) {
                dueNotice.add(servers.get(record.sourceServerId()));
            }
        }
        if (!dueNotice.isEmpty()) {
            notifier.publish(noticeOf(wave, dueNotice, seen));
            for (ServerRecord record : dueNotice) {
                Stall stall = record.stall();
                servers.put(record.withStall(new Stall(stall.since(), true, stall.retried())));
            }
            servers.save();
        }
    }

    private void retry(String sourceServerId) {
        try {
            mgn.retryDataReplication(sourceServerId);
            LOG.info("Asked MGN to retry the stalled replication of {}", sourceServerId);
        } catch (MgnConflictException notStalledAnyMore) {
            // MGN only retries a stalled replication; a refusal means it moved on by itself.
            LOG.info("MGN declined to retry the replication of {}: {}", sourceServerId,
                    notStalledAnyMore.getMessage());
        }
    }

    private static Notification noticeOf(WaveRecord wave, List<ServerRecord> stalled, Map<String, SourceServer> seen) {
        StringBuilder body = new StringBuilder()
                .append("Replication has stalled in wave ").append(wave.definition().waveName())
                .append(" and has not recovered by itself:\n\n");
        for (ServerRecord record : stalled) {
            String error = seen.get(record.sourceServerId()).replicationError();
            body.append("- ").append(Texts.nameOf(record))
                    .append(": stalled since ").append(record.stall().since())
                    .append(", replication error: ").append(error != null ? error : "none reported")
                    .append('\n');
        }
        body.append("\nFerry retries the replication once the stall lasts ")
                .append(Texts.duration(wave.definition().timeLimits().stallRetry()))
                .append("; the agent's network access to MGN and the replication servers is the usual cause.\n");
        String subject = "Ferry wave " + wave.definition().waveName() + ": replication stalled on "
                + Texts.plural(stalled.size(), "server");
        return new Notification(subject, body.toString());
    }
}
