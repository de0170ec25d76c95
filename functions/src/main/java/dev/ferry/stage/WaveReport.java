package dev.ferry.stage;

import dev.ferry.agent.AgentInstallRecord;
import dev.ferry.server.DnsSwitchProgress;
import dev.ferry.server.NetworkSetup;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.Stage;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a wave: the execution's output and the content of the final email.
 *
 * @param waveId    the wave
 * @param waveName  its name, or null when the wave was never stored
 * @param status    COMPLETED, NOT_APPROVED, STOPPED or FAILED
 * @param reason    why the wave did not complete (and where the full table is when truncated), or null
 * @param counts    how many servers ended which way
 * @param servers   one row per server, in source server ID order
 * @param truncated whether {@code servers} holds only the first rows (the wave store holds them all)
 * @param network   the key pair and security group copies PrepareNetwork set up, or null
 * @param dnsSteps  each change of the DNS switch, in order; empty without one
 * @param agentInstalls one row per agent installation, in instance ID order; empty when the wave installs none
 */
public record WaveReport(String waveId, String waveName, String status, String reason, Counts counts,
                         List<ServerOutcome> servers, boolean truncated, NetworkSetup network,
                         List<DnsSwitchProgress.StepRecord> dnsSteps, List<AgentInstallOutcome> agentInstalls) {

    public WaveReport {
        servers = List.copyOf(servers);
        dnsSteps = dnsSteps == null ? List.of() : List.copyOf(dnsSteps);
        agentInstalls = agentInstalls == null ? List.of() : List.copyOf(agentInstalls);
    }

    /** The report of a wave that installed no agent. */
    public WaveReport(String waveId, String waveName, String status, String reason, Counts counts,
                      List<ServerOutcome> servers, boolean truncated, NetworkSetup network,
                      List<DnsSwitchProgress.StepRecord> dnsSteps) {
        this(waveId, waveName, status, reason, counts, servers, truncated, network, dnsSteps, List.of());
    }

    /**
     * How many servers ended which way.
     *
     * @param total   servers in the wave
     * @param cutOver servers cut over
     * @param failed  servers that failed a stage
     * @param leftOut servers left behind without a failure of their own
     */
    public record Counts(int total, int cutOver, int failed, int leftOut) {

        /** The counts of these server outcomes. */
        public static Counts of(List<ServerOutcome> outcomes) {
            int cutOver = 0;
            int failed = 0;
            int leftOut = 0;
            for (ServerOutcome outcome : outcomes) {
                switch (outcome.outcome()) {
                    case ServerOutcome.CUT_OVER -> cutOver++;
                    case ServerOutcome.FAILED -> failed++;
                    default -> leftOut++;
                }
            }
            return new Counts(outcomes.size(), cutOver, failed, leftOut);
        }

        /**
         * The counts of these servers and of the agent installations that did not bring a server
         * into the wave: a failed installation is a failed server, an unfinished or left-out one a
         * server left out. A registered one is counted once, as the server it became.
         */
        public static Counts of(List<ServerOutcome> outcomes, List<AgentInstallOutcome> installs) {
            Counts servers = of(outcomes);
            int failed = 0;
            int leftOut = 0;
            for (AgentInstallOutcome install : installs) {
                switch (install.outcome()) {
                    case AgentInstallOutcome.REGISTERED -> { }
                    case AgentInstallOutcome.FAILED -> failed++;
                    default -> leftOut++;
                }
            }
            return new Counts(servers.total() + failed + leftOut, servers.cutOver(), servers.failed() + failed,
                    servers.leftOut() + leftOut);
        }
    }

    /**
     * How the agent installation on one EC2 source ended.
     *
     * @param name           what people call the server (the wave's name for it, else its instance ID)
     * @param instanceId     the source instance
     * @param outcome        REGISTERED, FAILED, LEFT_OUT or UNFINISHED (the wave ended before it did)
     * @param sourceServerId the MGN source server it registered as, or null
     * @param commandId      the Run Command that ran the installer, or null
     * @param fixesApplied   what Ferry changed on its instance profile or role
     * @param minutes        whole minutes from Preflight to its outcome, or null while unfinished
     * @param reason         why it failed or was left out, or null
     */
    public record AgentInstallOutcome(String name, String instanceId, String outcome, String sourceServerId,
                                      String commandId, List<String> fixesApplied, Long minutes, String reason) {

        public static final String REGISTERED = "REGISTERED";
        public static final String FAILED = "FAILED";
        public static final String LEFT_OUT = "LEFT_OUT";
        public static final String UNFINISHED = "UNFINISHED";

        public AgentInstallOutcome {
            fixesApplied = fixesApplied == null ? List.of() : List.copyOf(fixesApplied);
        }

        /** The row of an installation, finished or not. */
        public static AgentInstallOutcome of(AgentInstallRecord install) {
            String outcome = switch (install.state()) {
                case REGISTERED -> REGISTERED;
                case FAILED -> FAILED;
                case LEFT_OUT -> LEFT_OUT;
                case CHECKING, SENDING, RUNNING, REGISTERING -> UNFINISHED;
            };
            Long minutes = install.isFinished() && install.startedAt() != null && install.stateSince() != null
                    ? Duration.between(install.startedAt(), install.stateSince()).toMinutes()
                    : null;
            return new AgentInstallOutcome(install.label(), install.instanceId(), outcome, install.sourceServerId(),
                    install.commandId(), install.fixesApplied(), minutes, install.failure());
        }
    }

    /**
     * How one server ended.
     *
     * @param server            MGN source server ID
     * @param name              what people call it
     * @param outcome           CUT_OVER, FAILED or LEFT_OUT
     * @param stage             the stage it ended in (for a failure, the stage it failed in)
     * @param reason            why it failed or was left out, or null
     * @param testInstanceId    its test instance, or null
     * @param cutoverInstanceId its cutover instance, or null
     * @param minutesPerStage   whole minutes spent in each stage it finished
     * @param launchTemplate    the launch template version Ferry made its default ({@code lt-… vN}), or null
     */
    public record ServerOutcome(String server, String name, String outcome, Stage stage, String reason,
                                String testInstanceId, String cutoverInstanceId, Map<Stage, Long> minutesPerStage,
                                String launchTemplate) {

        public static final String CUT_OVER = "CUT_OVER";
        public static final String FAILED = "FAILED";
        public static final String LEFT_OUT = "LEFT_OUT";

        public ServerOutcome {
            minutesPerStage = minutesPerStage == null || minutesPerStage.isEmpty()
                    ? Map.of() : new EnumMap<>(minutesPerStage);
        }

        /** The row of a server that has finished with its wave (cut over, failed or left out). */
        public static ServerOutcome of(ServerRecord server) {
            ServerRecord.Failure failure = server.failure();
            return new ServerOutcome(
                    server.sourceServerId(),
                    server.label(),
                    outcomeOf(server.status()),
                    failure != null ? failure.stage() : server.stage(),
                    failure != null ? failure.reason() : null,
                    instanceOf(server.test()),
                    instanceOf(server.cutover()),
                    minutesPerStage(server),
                    server.launchTemplate() == null ? null : server.launchTemplate().text());
        }

        private static String outcomeOf(ServerStatus status) {
            return switch (status) {
                case CUT_OVER -> CUT_OVER;
                case FAILED -> FAILED;
                case LEFT_OUT, ACTIVE -> LEFT_OUT;
            };
        }

        private static String instanceOf(ServerRecord.Launch launch) {
            return launch == null ? null : launch.instanceId();
        }

        /** Stages the server left, and the stage it failed or was left out in up to that moment. */
        private static Map<Stage, Long> minutesPerStage(ServerRecord server) {
            Map<Stage, Long> minutes = new EnumMap<>(Stage.class);
            server.stageTimes().forEach((stage, time) -> {
                Instant end = time.end() != null ? time.end() : endOfFailedStage(server, stage);
                if (time.start() != null && end != null) {
                    minutes.put(stage, Duration.between(time.start(), end).toMinutes());
                }
            });
            return minutes;
        }

        private static Instant endOfFailedStage(ServerRecord server, Stage stage) {
            ServerRecord.Failure failure = server.failure();
            return failure != null && failure.stage() == stage ? failure.at() : null;
        }
    }
}
