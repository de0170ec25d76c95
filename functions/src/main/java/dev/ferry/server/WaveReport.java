package dev.ferry.server;

import dev.ferry.agent.AgentInstallRecord;
import dev.ferry.server.DnsSwitchProgress;
import dev.ferry.server.NetworkSetup;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.Stage;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a wave: the content of the final email and its export, and, with its rows cut to
 * a bounded listing ({@link ReportListing}), the execution's output.
 *
 * <p>Rows come in the order a person reads them: failed servers, then those left out, then those
 * cut over, each group in source server ID order (agent installations likewise, failed first).
 * {@code counts} and {@code stagesByOutcome} always cover every server of the wave, whatever is
 * listed: the exit code, the summary and the execution's status never depend on the listed rows.
 *
 * @param waveId          the wave
 * @param waveName        its name, or null when the wave was never stored
 * @param status          COMPLETED, NOT_APPROVED, STOPPED or FAILED
 * @param reason          why the wave did not complete, or null
 * @param counts          how many servers ended which way
 * @param stagesByOutcome for each outcome, how many servers ended it in each stage
 * @param servers         one row per server, problems first; in the execution's output only the first rows
 * @param truncated       whether {@code servers} or {@code agentInstalls} leave rows out
 * @param fullTable       where every row is kept, or null (in the complete report itself)
 * @param network         the key pair and security group copies PrepareNetwork set up, or null
 * @param dnsSteps        each change of the DNS switch, in order; empty without one
 * @param agentInstalls   one row per agent installation, failed first; empty when the wave installs none
 */
public record WaveReport(String waveId, String waveName, String status, String reason, Counts counts,
                         Map<String, Map<Stage, Integer>> stagesByOutcome, List<ServerOutcome> servers,
                         boolean truncated, FullTable fullTable, NetworkSetup network,
                         List<DnsSwitchProgress.StepRecord> dnsSteps, List<AgentInstallOutcome> agentInstalls) {

    public WaveReport {
        stagesByOutcome = stagesByOutcome == null ? Map.of() : copyOf(stagesByOutcome);
        servers = List.copyOf(servers);
        dnsSteps = dnsSteps == null ? List.of() : List.copyOf(dnsSteps);
        agentInstalls = agentInstalls == null ? List.of() : List.copyOf(agentInstalls);
    }

    /**
     * The complete report of a wave: every row, in reading order, with the counts and stages of
     * all of them.
     */
    public static WaveReport complete(String waveId, String waveName, String status, String reason,
                                      List<ServerOutcome> servers, NetworkSetup network,
                                      List<DnsSwitchProgress.StepRecord> dnsSteps,
                                      List<AgentInstallOutcome> agentInstalls) {
        List<ServerOutcome> serversInOrder = servers.stream().sorted(ServerOutcome.READING_ORDER).toList();
        List<AgentInstallOutcome> installsInOrder = agentInstalls.stream()
                .sorted(AgentInstallOutcome.READING_ORDER).toList();
        return new WaveReport(waveId, waveName, status, reason, Counts.of(servers, agentInstalls),
                stagesByOutcome(servers), serversInOrder, false, null, network, dnsSteps, installsInOrder);
    }

    /** The same report, saying where every row is kept. */
    public WaveReport withFullTable(FullTable where) {
        return new WaveReport(waveId, waveName, status, reason, counts, stagesByOutcome, servers, truncated, where,
                network, dnsSteps, agentInstalls);
    }

    /** The same report with only these rows listed. */
    public WaveReport listing(List<ServerOutcome> listedServers, List<AgentInstallOutcome> listedInstalls) {
        boolean cut = listedServers.size() < servers.size() || listedInstalls.size() < agentInstalls.size();
        return new WaveReport(waveId, waveName, status, reason, counts, stagesByOutcome, listedServers, cut,
                fullTable, network, dnsSteps, listedInstalls);
    }

    /** Whether every server of the wave was cut over, counted over all of them. */
    public boolean everyServerCutOver() {
        return counts.total() > 0 && counts.cutOver() == counts.total();
    }

    private static Map<String, Map<Stage, Integer>> stagesByOutcome(List<ServerOutcome> servers) {
        Map<String, Map<Stage, Integer>> byOutcome = new TreeMap<>();
        for (ServerOutcome server : servers) {
            if (server.stage() != null) {
                byOutcome.computeIfAbsent(server.outcome(), outcome -> new EnumMap<>(Stage.class))
                        .merge(server.stage(), 1, Integer::sum);
            }
        }
        return byOutcome;
    }

    private static Map<String, Map<Stage, Integer>> copyOf(Map<String, Map<Stage, Integer>> byOutcome) {
        Map<String, Map<Stage, Integer>> copy = new TreeMap<>();
        byOutcome.forEach((outcome, stages) -> copy.put(outcome,
                Collections.unmodifiableMap(stages.isEmpty() ? new EnumMap<>(Stage.class) : new EnumMap<>(stages))));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Where a wave's every row is kept when the execution's output cannot list them all.
     *
     * @param records     the wave's records in the controller's table, e.g. {@code DynamoDB table ferry-waves, pk WAVE#wave-1}
     * @param json        the complete report as JSON, or null when it could not be exported
     * @param csv         the servers' table as CSV, or null when it could not be exported
     * @param exportError why the export failed, or null
     */
    public record FullTable(String records, String json, String csv, String exportError) {
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

        /** Failed installations first, then those left out or unfinished, then registered ones; by instance. */
        static final Comparator<AgentInstallOutcome> READING_ORDER = Comparator
                .comparingInt((AgentInstallOutcome install) -> switch (install.outcome()) {
                    case FAILED -> 0;
                    case REGISTERED -> 2;
                    default -> 1;
                })
                .thenComparing(AgentInstallOutcome::instanceId);

        /** Whether it brought no server into the wave. */
        public boolean isProblem() {
            return !REGISTERED.equals(outcome);
        }

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

        /** Failed servers first, then those left out, then those cut over; by source server ID. */
        static final Comparator<ServerOutcome> READING_ORDER = Comparator
                .comparingInt((ServerOutcome server) -> switch (server.outcome()) {
                    case FAILED -> 0;
                    case CUT_OVER -> 2;
                    default -> 1;
                })
                .thenComparing(ServerOutcome::server);

        /** Whether it did not get to its cutover. */
        public boolean isProblem() {
            return !CUT_OVER.equals(outcome);
        }

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
