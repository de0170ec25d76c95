package dev.ferry.local.mgn.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.mgn.model.Planning;

/**
 * MGN's {@code Wave} and {@code Application} as the service model shapes them. The aggregated status
 * carries the counts; its health and progress are not simulated and left out, as MGN leaves out
 * what it has not computed.
 */
final class PlanningJson {

    private PlanningJson() {
    }

    static ObjectNode wave(Planning.Group wave, long applications) {
        ObjectNode json = common(wave);
        json.put("waveID", wave.id());
        json.putObject("waveAggregatedStatus")
                .put("lastUpdateDateTime", WireTime.dateTime(wave.modifiedAt()))
                .put("totalApplications", applications);
        return json;
    }

    static ObjectNode application(Planning.Group application, long sourceServers) {
        ObjectNode json = common(application);
        json.put("applicationID", application.id());
        if (application.waveId() != null) {
            json.put("waveID", application.waveId());
        }
        json.putObject("applicationAggregatedStatus")
                .put("lastUpdateDateTime", WireTime.dateTime(application.modifiedAt()))
                .put("totalSourceServers", sourceServers);
        return json;
    }

    private static ObjectNode common(Planning.Group group) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("arn", group.arn());
        json.put("name", group.name());
        if (group.description() != null) {
            json.put("description", group.description());
        }
        json.put("isArchived", group.archived());
        json.put("creationDateTime", WireTime.dateTime(group.createdAt()));
        json.put("lastModifiedDateTime", WireTime.dateTime(group.modifiedAt()));
        ObjectNode tags = json.putObject("tags");
        group.tags().forEach(tags::put);
        return json;
    }
}
