package dev.ferry.local.rehearsal;

import dev.ferry.agent.AgentInstallRecord;
import dev.ferry.agent.AgentInstallStore;
import dev.ferry.handler.DnsSwitchHandler;
import dev.ferry.handler.EventRouterHandler;
import dev.ferry.handler.InstallAgentsHandler;
import dev.ferry.handler.PreflightHandler;
import dev.ferry.handler.PrepareDnsHandler;
import dev.ferry.handler.PrepareNetworkHandler;
import dev.ferry.handler.ReconcilerHandler;
import dev.ferry.local.cloud.sns.OutboxMessage;
import dev.ferry.server.DnsSwitchProgress;
import dev.ferry.server.Phase;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;
import dev.ferry.wave.WaveDefinition;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The rehearsal's running commentary, on simulated time: each agent installation's state and each
 * server's stage and MGN states (as the controller last read them from MGN) whenever they change,
 * the network set up in the target region, each step of the DNS switch, the emails as they arrive,
 * and what the simulated people do. All of it is read from the controller's own table after function
 * invocations, since only a function changes it.
 *
 * <p>The display refreshes after every invocation (hundreds for a large wave), and reading the wave
 * item means reading the whole wave definition, so beyond the servers a look reads only what the
 * function that just ran writes, and only while it can still change: agent installations after
 * Preflight and InstallAgents while any is unfinished, the wave item after PrepareNetwork until its
 * network set-up is shown and after PrepareDns and DnsSwitch until the switch is over; each only
 * when the wave has that section at all. The servers are read after every stage's function, but
 * after the functions that run per MGN event or reconciler tick (thousands for a large wave) at most
 * once a simulated minute, the display's resolution: a large wave's display then costs reads in
 * proportion to its simulated time, not to its servers times its events.
 */
final class ProgressDisplay {

    private static final Set<String> AGENT_WRITERS =
            Set.of(PreflightHandler.class.getName(), InstallAgentsHandler.class.getName());
    private static final Set<String> NETWORK_WRITERS = Set.of(PrepareNetworkHandler.class.getName());
    private static final Set<String> DNS_WRITERS =
            Set.of(PrepareDnsHandler.class.getName(), DnsSwitchHandler.class.getName());
    private static final Set<String> PER_EVENT_HANDLERS =
            Set.of(EventRouterHandler.class.getName(), ReconcilerHandler.class.getName());
    private static final Duration PER_EVENT_REFRESH = Duration.ofMinutes(1);

    private final PrintStream out;
    private final Clock clock;
    private final Instant start;
    private final WaveStore waves;
    private final AgentInstallStore agents;
    private final String waveId;
    private final int waveSize;
    private final ChangedLines<ServerRecord> serverLines =
            new ChangedLines<>(ServerRecord::sourceServerId, ServerRecord::label, this::describe);
    /** The wave's servers whose launch job is running, as of the last look. */
    private long launching;
    private final ChangedLines<AgentInstallRecord> agentLines =
            new ChangedLines<>(AgentInstallRecord::instanceId, AgentInstallRecord::label, AgentInstallText::of);
    private Instant serversReadAt;
    private boolean agentsMayChange;
    private boolean networkToShow;
    private boolean dnsMayChange;
    private int dnsStepsShown;

    /**
     * @param waves  the wave's item and its servers
     * @param agents the wave's agent installations
     * @param waveId the wave (its execution's name)
     * @param wave   the wave's definition: which sections it has, how many servers
     */
    ProgressDisplay(PrintStream out, Clock clock, Instant start, WaveStore waves, AgentInstallStore agents,
                    String waveId, WaveDefinition wave) {
        this.out = out;
        this.clock = clock;
        this.start = start;
        this.waves = waves;
        this.agents = agents;
        this.waveId = waveId;
        this.waveSize = wave.servers().size();
        this.agentsMayChange = wave.agentInstallation() != null;
        this.networkToShow = wave.network() != null;
        this.dnsMayChange = wave.dns() != null;
    }

    /**
     * Prints what changed since the last look: agent installations, then the network and the DNS
     * switch, then the servers. Servers (or installations) that changed to the same state together
     * share one line, so a wave of many servers stays readable.
     *
     * @param handler the handler class of the function that has just run
     */
    synchronized void refresh(String handler) {
        if (agentsMayChange && AGENT_WRITERS.contains(handler)) {
            showAgents();
        }
        if (networkToShow && NETWORK_WRITERS.contains(handler) || dnsMayChange && DNS_WRITERS.contains(handler)) {
            waves.find(waveId).ifPresent(this::showWave);
        }
        Instant now = clock.instant();
        if (PER_EVENT_HANDLERS.contains(handler) && serversReadAt != null
                && now.isBefore(serversReadAt.plus(PER_EVENT_REFRESH))) {
            return;
        }
        serversReadAt = now;
        List<ServerRecord> servers = waves.servers(waveId);
        launching = servers.stream().filter(ProgressDisplay::isLaunching).count();
        serverLines.changes(servers, servers.size()).forEach(this::line);
    }

    synchronized void emailArrived(OutboxMessage message) {
        line("email: " + message.subject());
    }

    synchronized void note(String text) {
        line(text);
    }

    private void showAgents() {
        List<AgentInstallRecord> installs = agents.installs(waveId);
        agentLines.changes(installs, waveSize).forEach(this::line);
        // None stored: Preflight found every server in MGN, or failed before storing them and is retried.
        agentsMayChange = installs.isEmpty() || installs.stream().anyMatch(install -> !install.isFinished());
    }

    private void showWave(WaveRecord wave) {
        if (networkToShow && wave.network() != null) {
            line("network: " + NetworkText.of(wave.network()));
            networkToShow = false;
        }
        DnsSwitchProgress dns = wave.dns();
        if (dnsMayChange && dns != null) {
            List<DnsSwitchProgress.StepRecord> steps = dns.history();
            steps.subList(dnsStepsShown, steps.size()).forEach(step -> line("DNS: " + step.text()));
            dnsStepsShown = steps.size();
            dnsMayChange = !dns.isOver();
        }
    }

    private void line(String text) {
        out.println(SimulatedTime.elapsed(start, clock.instant()) + "  " + text);
    }

    private String describe(ServerRecord server) {
        StringBuilder text = new StringBuilder(server.stage().name());
        if (server.status() != ServerStatus.ACTIVE) {
            text.append(' ').append(server.status());
            if (server.failure() != null && server.failure().reason() != null) {
                text.append(": ").append(server.failure().reason());
            }
        }
        ServerRecord.MgnStates mgn = server.lastSeen();
        if (isQueued(server) && launching > 0) {
            text.append(" ".repeat(Math.max(1, 20 - text.length())))
                    .append("queued behind ").append(launching).append(" servers in active jobs");
        } else if (mgn != null && server.status() == ServerStatus.ACTIVE) {
            text.append(" ".repeat(Math.max(1, 20 - text.length())))
                    .append("MGN ").append(mgn.lifecycle()).append(" / ").append(mgn.replication());
        }
        return text.toString();
    }

    /** An active server in a launch stage whose job has started and not finished. */
    private static boolean isLaunching(ServerRecord server) {
        Phase phase = launchPhase(server);
        ServerRecord.Launch launch = phase == null ? null : server.launch(phase);
        return server.status() == ServerStatus.ACTIVE && launch != null && !launch.isFinished();
    }

    /** An active server in a launch stage whose launch has not started: it waits for MGN's room. */
    private static boolean isQueued(ServerRecord server) {
        Phase phase = launchPhase(server);
        return server.status() == ServerStatus.ACTIVE && phase != null && server.launch(phase) == null;
    }

    private static Phase launchPhase(ServerRecord server) {
        for (Phase phase : Phase.values()) {
            if (server.stage() == phase.launchStage()) {
                return phase;
            }
        }
        return null;
    }
}
