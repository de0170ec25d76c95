package dev.ferry.stage.preflight;

import dev.ferry.mgn.Job;
import dev.ferry.mgn.LifecycleState;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.mgn.SourceServer;
import dev.ferry.wave.ServerSpec;
import dev.ferry.wave.WaveDefinition;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds every server of a wave in MGN and checks that the wave can move it now. Reads only: the
 * wave's problems are all collected before anything is changed.
 */
final class PreflightServerCheck {

    /** How far back to look for jobs still running; MGN launch jobs finish well within a week. */
    static final Duration JOB_LOOKBACK = Duration.ofDays(7);

    private final MgnGateway mgn;
    private final Clock clock;

    PreflightServerCheck(MgnGateway mgn, Clock clock) {
        this.mgn = mgn;
        this.clock = clock;
    }

    /** A server of the wave, as MGN knows it. */
    record Resolved(ServerSpec spec, SourceServer server) {
    }

    /**
     * The servers found, the servers whose agent the wave installs (given by instance ID, unknown
     * to MGN, in a wave with agent installation), and a line for each server that cannot go.
     */
    record Outcome(List<Resolved> servers, List<ServerSpec> toInstall, List<String> problems) {
    }

    /** @param region the region's non-archived source servers, as MGN lists them */
    Outcome check(WaveDefinition wave, List<SourceServer> region) {
        Map<String, SourceServer> byId = byServerId(wave.servers());
        Map<String, List<SourceServer>> byInstance = SourceServer.replicatingByInstance(region);
        Map<String, Job> activeJobs = activeJobsByServer();
        Map<String, String> firstListedAs = new HashMap<>();
        List<Resolved> resolved = new ArrayList<>();
        List<ServerSpec> toInstall = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < wave.servers().size(); i++) {
            ServerSpec spec = wave.servers().get(i);
            String who = "servers[" + i + "] " + spec.label();
            if (wave.agentInstallation() != null && awaitsAgent(spec, byInstance)) {
                toInstall.add(spec);
                continue;
            }
            Resolution found = resolve(spec, byId, byInstance, wave.targetRegion());
            if (found.problem() != null) {
                problems.add(who + ": " + found.problem());
                continue;
            }
            SourceServer server = found.server();
            String firstListed = firstListedAs.putIfAbsent(server.id(), "servers[" + i + "]");
            String problem = firstListed != null
                    ? "is source server " + server.id() + ", which " + firstListed + " already names"
                    : refusal(server, activeJobs.get(server.id()));
            if (problem != null) {
                problems.add(who + ": " + problem);
            } else {
                resolved.add(new Resolved(spec, server));
            }
        }
        return new Outcome(resolved, toInstall, problems);
    }

    /** Given by instance ID only, and no source server replicates that instance: its agent is to be installed. */
    private static boolean awaitsAgent(ServerSpec spec, Map<String, List<SourceServer>> byInstance) {
        return spec.sourceServerId() == null && !byInstance.containsKey(spec.sourceInstanceId());
    }


    private Map<String, SourceServer> byServerId(List<ServerSpec> specs) {
        List<String> ids = specs.stream().map(ServerSpec::sourceServerId).filter(Objects::nonNull).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mgn.describeSourceServers(ids).stream()
                .collect(Collectors.toMap(SourceServer::id, Function.identity(), (first, second) -> first));
    }

    private Map<String, Job> activeJobsByServer() {
        Map<String, Job> jobs = new HashMap<>();
        for (Job job : mgn.jobsSince(clock.instant().minus(JOB_LOOKBACK))) {
            if (job.isActive()) {
                job.participants().forEach(participant -> jobs.putIfAbsent(participant.sourceServerId(), job));
            }
        }
        return jobs;
    }

    private record Resolution(SourceServer server, String problem) {
    }

    private static Resolution resolve(ServerSpec spec, Map<String, SourceServer> byId,
                                      Map<String, List<SourceServer>> byInstance, String region) {
        String instanceId = spec.sourceInstanceId();
        if (spec.sourceServerId() != null) {
            SourceServer server = byId.get(spec.sourceServerId());
            if (server == null) {
                return new Resolution(null, "source server " + spec.sourceServerId() + " is not in MGN in " + region);
            }
            if (instanceId != null && !instanceId.equals(server.awsInstanceId())) {
                return new Resolution(null, "source server " + server.id() + " replicates "
                        + (server.awsInstanceId() == null ? "no EC2 instance" : "instance " + server.awsInstanceId())
                        + ", not " + instanceId);
            }
            return new Resolution(server, null);
        }
        List<SourceServer> candidates = byInstance.getOrDefault(instanceId, List.of());
        if (candidates.isEmpty()) {
            return new Resolution(null, "no MGN source server in " + region + " replicates instance " + instanceId
                    + "; install the replication agent on it first");
        }
        if (candidates.size() > 1) {
            return new Resolution(null, "instance " + instanceId + " is replicated by several source servers ("
                    + candidates.stream().map(SourceServer::id).sorted().collect(Collectors.joining(", "))
                    + "); name the one to move by sourceServerId");
        }
        return new Resolution(candidates.get(0), null);
    }

    /** Why the wave cannot take this server now, or null when it can. */
    private static String refusal(SourceServer server, Job activeJob) {
        if (server.archived()) {
            return "source server " + server.id() + " is archived in MGN";
        }
        if (activeJob != null) {
            return "source server " + server.id() + " is in active MGN job " + activeJob.id() + " ("
                    + activeJob.initiatedBy() + ") started outside this wave; start the wave once that job completes";
        }
        return lifecycleRefusal(server.id(), server.lifecycle());
    }

    private static String lifecycleRefusal(String id, LifecycleState lifecycle) {
        String server = "source server " + id;
        return switch (lifecycle) {
            case NOT_READY, READY_FOR_TEST, TESTING, READY_FOR_CUTOVER -> null;
            case CUTTING_OVER -> server + " is cutting over already (lifecycle CUTTING_OVER)";
            case CUTOVER -> server + " is cut over already (lifecycle CUTOVER)";
            case DISCONNECTED -> server + " is disconnected from MGN and no longer replicates (lifecycle DISCONNECTED)";
            case STOPPED -> server + " has replication stopped (lifecycle STOPPED)";
            case PENDING_INSTALLATION -> server + " is still waiting for its replication agent to be installed "
                    + "(lifecycle PENDING_INSTALLATION)";
            case DISCOVERED -> server + " was discovered but has no replication agent (lifecycle DISCOVERED)";
            case UNKNOWN -> server + " is in a lifecycle state Ferry does not know";
        };
    }
}
