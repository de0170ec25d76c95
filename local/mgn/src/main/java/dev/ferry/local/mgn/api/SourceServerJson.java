package dev.ferry.local.mgn.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.mgn.environment.DiskSpec;
import dev.ferry.local.mgn.environment.ServerSpec;
import dev.ferry.local.mgn.model.LaunchKind;
import dev.ferry.local.mgn.model.Milestone;
import dev.ferry.local.mgn.model.ReplicationView;
import dev.ferry.local.mgn.model.SourceServer;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Renders a source server as the {@code SourceServer} shape of the MGN API. */
final class SourceServerJson {

    private static final long BYTES_PER_GIB = 1L << 30;

    private SourceServerJson() {
    }

    static ObjectNode render(SourceServer server, Instant now) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("sourceServerID", server.id());
        json.put("arn", server.arn());
        json.put("isArchived", server.archived());
        server.applicationId().ifPresent(id -> json.put("applicationID", id));
        json.putObject("tags");
        server.launchedInstance().ifPresent(instance -> {
            ObjectNode launched = json.putObject("launchedInstance");
            launched.put("ec2InstanceID", instance.ec2InstanceId());
            launched.put("jobID", instance.jobId());
            launched.put("firstBoot", instance.firstBoot());
        });
        ReplicationView replication = server.replication(now);
        json.set("dataReplicationInfo", dataReplicationInfo(replication));
        json.set("lifeCycle", lifeCycle(server, replication, now));
        json.set("sourceProperties", sourceProperties(server));
        json.put("replicationType", "AGENT_BASED");
        return json;
    }

    private static ObjectNode dataReplicationInfo(ReplicationView replication) {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        replication.lag().ifPresent(lag -> info.put("lagDuration", WireTime.duration(lag)));
        replication.eta().ifPresent(eta -> info.put("etaDateTime", WireTime.dateTime(eta)));
        ArrayNode disks = info.putArray("replicatedDisks");
        for (ReplicationView.DiskProgress disk : replication.disks()) {
            disks.addObject()
                    .put("deviceName", disk.deviceName())
                    .put("totalStorageBytes", disk.totalBytes())
                    .put("replicatedStorageBytes", disk.replicated())
                    .put("rescannedStorageBytes", 0)
                    .put("backloggedStorageBytes", disk.backlogged());
        }
        info.put("dataReplicationState", replication.state().name());
        ObjectNode initiation = info.putObject("dataReplicationInitiation");
        initiation.put("startDateTime", WireTime.dateTime(replication.initiatedAt()));
        ArrayNode steps = initiation.putArray("steps");
        replication.initiationSteps().forEach(step ->
                steps.addObject().put("name", step.name()).put("status", step.status()));
        replication.error().ifPresent(error -> info.putObject("dataReplicationError")
                .put("error", error)
                .put("rawError", "Data replication stalled: " + error.toLowerCase(Locale.ROOT).replace('_', ' ')));
        replication.lastSnapshot().ifPresent(at -> info.put("lastSnapshotDateTime", WireTime.dateTime(at)));
        return info;
    }

    private static ObjectNode lifeCycle(SourceServer server, ReplicationView replication, Instant now) {
        ObjectNode lifeCycle = JsonNodeFactory.instance.objectNode();
        lifeCycle.put("addedToServiceDateTime", WireTime.dateTime(server.addedAt()));
        replication.firstByteAt().ifPresent(firstByte -> {
            lifeCycle.put("firstByteDateTime", WireTime.dateTime(firstByte));
            lifeCycle.put("elapsedReplicationDuration", WireTime.duration(Duration.between(firstByte, now)));
        });
        lifeCycle.put("lastSeenByServiceDateTime", WireTime.dateTime(replication.lastSeenByService()));
        addMilestones(lifeCycle, "lastTest", server, LaunchKind.TEST);
        addMilestones(lifeCycle, "lastCutover", server, LaunchKind.CUTOVER);
        lifeCycle.put("state", server.lifeCycle().name());
        return lifeCycle;
    }

    private static void addMilestones(ObjectNode lifeCycle, String member, SourceServer server, LaunchKind kind) {
        ObjectNode entries = JsonNodeFactory.instance.objectNode();
        for (Milestone.Step step : Milestone.Step.values()) {
            server.milestone(kind, step).ifPresent(milestone -> {
                ObjectNode entry = entries.putObject(step.name().toLowerCase(Locale.ROOT));
                entry.put("apiCallDateTime", WireTime.dateTime(milestone.apiCallDateTime()));
                milestone.jobId().ifPresent(jobId -> entry.put("jobID", jobId));
            });
        }
        if (!entries.isEmpty()) {
            lifeCycle.set(member, entries);
        }
    }

    private static ObjectNode sourceProperties(SourceServer server) {
        ServerSpec spec = server.spec();
        ObjectNode properties = JsonNodeFactory.instance.objectNode();
        properties.put("lastUpdatedDateTime", WireTime.dateTime(server.addedAt()));
        properties.put("recommendedInstanceType", RightSizing.recommend(spec.cpus(), spec.ramGiB()));
        properties.putObject("identificationHints")
                .put("fqdn", spec.hostname())
                .put("hostname", spec.hostname())
                .put("awsInstanceID", spec.sourceInstanceId());
        ArrayNode disks = properties.putArray("disks");
        for (DiskSpec disk : spec.disks()) {
            disks.addObject().put("deviceName", disk.device()).put("bytes", disk.sizeBytes());
        }
        properties.putArray("cpus").addObject().put("cores", spec.cpus()).put("modelName", "Intel(R) Xeon(R) CPU");
        properties.put("ramBytes", Math.round(spec.ramGiB() * BYTES_PER_GIB));
        properties.putObject("os").put("fullString", spec.os().fullString());
        return properties;
    }
}
