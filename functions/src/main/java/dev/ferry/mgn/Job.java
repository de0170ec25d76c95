package dev.ferry.mgn;

import java.time.Instant;
import java.util.List;

/**
 * An MGN job. Its {@code status} is only PENDING, STARTED or COMPLETED: failure is per server.
 *
 * @param id           {@code jobID}
 * @param type         LAUNCH or TERMINATE
 * @param initiatedBy  START_TEST, START_CUTOVER, DIAGNOSTIC or TERMINATE
 * @param status       PENDING, STARTED or COMPLETED
 * @param createdAt    {@code creationDateTime}
 * @param participants the servers in the job
 */
public record Job(String id, String type, String initiatedBy, String status, Instant createdAt,
                  List<Participant> participants) {

    public Job {
        participants = List.copyOf(participants);
    }

    public boolean isActive() {
        return !"COMPLETED".equals(status);
    }

    /**
     * One server in a job.
     *
     * @param sourceServerId     the server
     * @param launchStatus       PENDING, IN_PROGRESS, LAUNCHED, FAILED or TERMINATED
     * @param launchedInstanceId {@code launchedEc2InstanceID}, once launched
     */
    public record Participant(String sourceServerId, String launchStatus, String launchedInstanceId) {
    }
}
