package dev.ferry.local.rehearsal.standin;

import dev.ferry.local.mgn.model.InstanceState;
import dev.ferry.local.mgn.model.LaunchKind;
import dev.ferry.local.mgn.model.TargetInstance;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * The applications on the instances MGN launched: for every running instance that the environment
 * does not mark as failing validation, something listens on its private (loopback) address on each
 * port the wave's probes use, so the deployed validation function finds what it would find on a
 * healthy instance. A terminated instance stops listening.
 */
public final class ApplicationStandIns implements AutoCloseable {

    /** A loopback address no launched instance gets, to check a port before any instance exists. */
    private static final String PROBE_ADDRESS = "127.0.9.1";

    private final Set<Integer> tcpPorts = new LinkedHashSet<>();
    private final Map<Integer, Map<String, Integer>> httpPorts = new TreeMap<>();
    private final Map<String, Map<Integer, StandInListener>> listenersByInstance = new HashMap<>();
    private final List<ServiceFront> fronts = new ArrayList<>();
    private final Map<ServiceFront, StandInListener> openFronts = new HashMap<>();
    private final Map<ServiceFront, Breakdown> breakdowns = new HashMap<>();
    /** When each breaking front fails, fixed when it first opens: closing and opening again does not mend it. */
    private final Map<ServiceFront, Instant> failingFrom = new HashMap<>();
    /** Listeners that could not be opened, as instance:port, so that they are reported once. */
    private final Set<String> failed = new HashSet<>();
    private final List<String> problems = new ArrayList<>();

    /**
     * Checks that every port can be listened on here (a port below 1024 needs root, and the
     * 127.0.0.0/8 addresses must all be loopback addresses, as on Linux).
     *
     * @throws StandInException naming the first port that cannot be bound
     */
    public static void checkCanListen(Collection<Integer> ports) {
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(PROBE_ADDRESS), port));
            } catch (BindException inUse) {
                // Another run checking the same port this moment: the port can be listened on.
                if (!String.valueOf(inUse.getMessage()).contains("in use")) {
                    throw cannotListen(port, inUse);
                }
            } catch (IOException e) {
                throw cannotListen(port, e);
            }
        }
    }

    private static StandInException cannotListen(int port, IOException e) {
        return new StandInException("The stand-in applications cannot listen on port " + port + " ("
                + e.getMessage() + "): the wave's validation probes use it. Ports below 1024 need root; "
                + "every 127.x.y.z address must be a loopback address (Linux has them all).", e);
    }

    /** Adds the ports a wave's probes use; instances already listening open them on the next sync. */
    public synchronized void listenFor(ProbedPorts ports) {
        tcpPorts.addAll(ports.tcp());
        ports.http().forEach((port, paths) -> httpPorts.computeIfAbsent(port, any -> new TreeMap<>()).putAll(paths));
    }

    /** Adds a front that answers while a cutover instance runs healthy; opened on the next sync. */
    public synchronized void front(ServiceFront front) {
        fronts.add(front);
    }

    /**
     * Adds a front that answers while a cutover instance runs healthy, until {@code fault} makes it
     * fail: from {@link ServiceFrontFault#failsAfter()} after it first opened on {@code clock}, every
     * request gets the fault's status.
     */
    public synchronized void front(ServiceFront front, ServiceFrontFault fault, Clock clock) {
        fronts.add(front);
        breakdowns.put(front, new Breakdown(fault, clock));
    }

    /** Opens and closes listeners to match the instances' current states. */
    public synchronized void sync(List<TargetInstance> instances) {
        for (TargetInstance instance : instances) {
            if (isHealthy(instance)) {
                openMissing(instance);
            } else {
                closeAll(instance.instanceId());
            }
        }
        boolean cutoverServes = instances.stream()
                .anyMatch(instance -> instance.kind() == LaunchKind.CUTOVER && isHealthy(instance));
        fronts.forEach(front -> syncFront(front, cutoverServes));
    }

    /** What went wrong opening listeners after the start (an address taken by another program, say). */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public synchronized void close() {
        List.copyOf(listenersByInstance.keySet()).forEach(this::closeAll);
        openFronts.values().forEach(StandInListener::close);
        openFronts.clear();
    }

    private static boolean isHealthy(TargetInstance instance) {
        return instance.state() == InstanceState.RUNNING && !instance.failsValidation();
    }

    private void syncFront(ServiceFront front, boolean open) {
        String key = front.address() + ":" + front.port();
        if (!open) {
            StandInListener listener = openFronts.remove(front);
            if (listener != null) {
                listener.close();
            }
        } else if (!openFronts.containsKey(front) && !failed.contains(key)) {
            try {
                openFronts.put(front, StandInListener.openHttp(front.address(), front.port(), answers(front)));
            } catch (IOException e) {
                failed.add(key);
                problems.add("service front " + key + ": " + e.getMessage());
            }
        }
    }

    /** The status a front answers on a path at the time of the request. */
    private ToIntFunction<String> answers(ServiceFront front) {
        ToIntFunction<String> healthy = path -> front.statusByPath().getOrDefault(path, 200);
        Breakdown breakdown = breakdowns.get(front);
        if (breakdown == null) {
            return healthy;
        }
        Instant failsAt = failingFrom.computeIfAbsent(front,
                any -> breakdown.clock().instant().plus(breakdown.fault().failsAfter()));
        return path -> breakdown.clock().instant().isBefore(failsAt)
                ? healthy.applyAsInt(path) : breakdown.fault().failureStatus();
    }

    private void openMissing(TargetInstance instance) {
        Map<Integer, StandInListener> listeners =
                listenersByInstance.computeIfAbsent(instance.instanceId(), any -> new HashMap<>());
        Set<Integer> ports = new LinkedHashSet<>(httpPorts.keySet());
        ports.addAll(tcpPorts);
        for (int port : ports) {
            String key = instance.instanceId() + ":" + port;
            if (listeners.containsKey(port) || failed.contains(key)) {
                continue;
            }
            try {
                listeners.put(port, StandInListener.open(instance.privateIp(), port, httpPorts.get(port)));
            } catch (IOException e) {
                failed.add(key);
                problems.add(instance.instanceId() + " (" + instance.privateIp() + ":" + port + "): " + e.getMessage());
            }
        }
    }

    private void closeAll(String instanceId) {
        Map<Integer, StandInListener> listeners = listenersByInstance.remove(instanceId);
        if (listeners != null) {
            listeners.values().forEach(StandInListener::close);
        }
    }

    /** A front's fault, timed on the rehearsal's clock. */
    private record Breakdown(ServiceFrontFault fault, Clock clock) {
    }
}
