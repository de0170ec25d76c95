package dev.ferry.local.mgn.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.mgn.model.JobLogItem;
import dev.ferry.local.mgn.model.JobParticipant;
import dev.ferry.local.mgn.model.LaunchJob;

import java.util.Map;

/** Renders jobs and job log items as the {@code Job} and {@code JobLog} shapes of the MGN API. */
final class JobJson {

    private JobJson() {
    }

    static ObjectNode render(LaunchJob job) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("jobID", job.id());
        json.put("arn", job.arn());
        json.put("type", job.kind().type());
        json.put("initiatedBy", job.kind().initiatedBy());
        json.put("creationDateTime", WireTime.dateTime(job.createdAt()));
        job.endedAt().ifPresent(end -> json.put("endDateTime", WireTime.dateTime(end)));
        json.put("status", job.status().name());
        ArrayNode participants = json.putArray("participatingServers");
        for (JobParticipant participant : job.participants()) {
            ObjectNode server = participants.addObject();
            server.put("sourceServerID", participant.sourceServerId());
            server.put("launchStatus", participant.launchStatus().name());
            participant.launchedEc2InstanceId().ifPresent(id -> server.put("launchedEc2InstanceID", id));
        }
        json.putObject("tags");
        return json;
    }

    static ObjectNode render(JobLogItem item) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("logDateTime", WireTime.dateTime(item.at()));
        json.put("event", item.event());
        if (!item.eventData().isEmpty()) {
            ObjectNode data = json.putObject("eventData");
            item.eventData().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return json;
    }
}
