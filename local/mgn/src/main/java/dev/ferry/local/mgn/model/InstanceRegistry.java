package dev.ferry.local.mgn.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every instance MGN launched, running or terminated, with private IPs handed out from
 * {@code <network>.10.1} on, e.g. 127.0.10.1.
 */
final class InstanceRegistry {

    private static final int FIRST_THIRD_OCTET = 10;
    private static final int HOSTS_PER_BLOCK = 254;

    private final Map<String, TargetInstance> instances = new LinkedHashMap<>();
    private final IdGenerator ids;
    private final String network;

    /** @param network the first two octets of the instances' addresses, e.g. {@code 127.0} */
    InstanceRegistry(IdGenerator ids, String network) {
        this.ids = ids;
        this.network = network;
    }

    TargetInstance launch(SourceServer server, LaunchKind kind, String jobId, Instant at) {
        boolean failsValidation = kind == LaunchKind.TEST
                ? server.spec().faults().failsValidation().affectsTest()
                : server.spec().faults().failsValidation().affectsCutover();
        TargetInstance instance = new TargetInstance(ids.ec2InstanceId(), server.id(),
                server.spec().sourceInstanceId(), server.spec().hostname(), kind, nextPrivateIp(), InstanceState.RUNNING,
                failsValidation, server.launchTemplateId(), jobId, at);
        instances.put(instance.instanceId(), instance);
        return instance;
    }

    /** Terminates the server's running instances of the given kinds; returns those it terminated. */
    List<TargetInstance> terminateRunning(String sourceServerId, List<LaunchKind> kinds) {
        List<TargetInstance> terminated = new ArrayList<>();
        for (TargetInstance instance : List.copyOf(instances.values())) {
            if (instance.sourceServerId().equals(sourceServerId) && instance.state() == InstanceState.RUNNING
                    && kinds.contains(instance.kind())) {
                instances.put(instance.instanceId(), instance.terminated());
                terminated.add(instance);
            }
        }
        return terminated;
    }

    List<TargetInstance> all() {
        return List.copyOf(instances.values());
    }

    private String nextPrivateIp() {
        int index = instances.size();
        return network + "." + (FIRST_THIRD_OCTET + index / HOSTS_PER_BLOCK) + "." + (1 + index % HOSTS_PER_BLOCK);
    }
}
