package dev.ferry.stage.launch;

import dev.ferry.ec2.Ec2Gateway;
import dev.ferry.ec2.InstanceHealth;
import dev.ferry.probe.Prober;
import dev.ferry.server.Phase;
import dev.ferry.server.ServerRecord.Validation.Outcome;
import dev.ferry.server.ServerRecord.Validation;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveProgress;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;
import dev.ferry.stage.Concurrently;
import dev.ferry.stage.Records;
import dev.ferry.wave.ValidationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks the instances of a launch phase once: EC2 status checks and the wave's TCP and HTTP probes.
 * The state machine calls it again after a short wait while servers are still pending, so each
 * call only looks, records and returns; it never waits for an instance to come up.
 */
public class ValidateService {

    /** Long enough for a healthy instance to answer across a region, short enough for one invocation. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    /** Keeps open sockets well below Lambda's 1,024 file descriptors. */
    static final int PROBE_PARALLELISM = 500;

    private static final Logger LOG = LoggerFactory.getLogger(ValidateService.class);
    private static final String ALL_PASSED = "all checks passed";

    private final WaveStore waves;
    private final Ec2Gateway ec2;
    private final Prober prober;
    private final Clock clock;

    public ValidateService(WaveStore waves, Ec2Gateway ec2, Prober prober, Clock clock) {
        this.waves = waves;
        this.ec2 = ec2;
        this.prober = prober;
        this.clock = clock;
    }

    /**
     * Validates every active server of the phase whose validation is not decided yet: PASSED and
     * FAILED are recorded, the rest stay PENDING. {@code pending} in the result counts the servers
     * still to be validated.
     */
    public WaveProgress validate(PhaseRequest request) {
        return validate(request.waveId(), request.phase());
    }

    private WaveProgress validate(String waveId, Phase phase) {
        WaveRecord wave = waves.require(waveId);
        Instant now = clock.instant();
        List<ServerRecord> servers = waves.servers(wave.waveId());

        List<ServerRecord> undecided = servers.stream()
                .filter(server -> isAwaitingValidation(server, phase))
                .map(server -> startedIfNew(server, phase, now))
                .toList();
        Map<String, List<String>> failures = runChecks(undecided, phase, wave.definition().validation());
        Duration timeLimit = Duration.ofMinutes(wave.definition().validation().timeLimitMinutes());
        List<ServerRecord> judged = undecided.stream()
                .map(server -> judged(server, failures.get(server.sourceServerId()), timeLimit, now))
                .toList();
        waves.putServers(judged);

        List<ServerRecord> current = Records.replaced(servers, judged);
        WaveProgress progress = WaveProgress.of(wave, current, server -> isAwaitingValidation(server, phase));
        LOG.info("Validated {} servers of the {} phase: {} still pending, {} failed in the wave",
                judged.size(), phase, progress.pending(), progress.failed());
        return progress;
    }

    /** An active server in the phase's validation stage that has not passed yet. */
    private static boolean isAwaitingValidation(ServerRecord server, Phase phase) {
        if (!server.isActive() || server.stage() != phase.validationStage()) {
            return false;
        }
        Validation validation = server.validation();
        return validation == null || validation.phase() != phase || validation.outcome() == Outcome.PENDING;
    }

    private static ServerRecord startedIfNew(ServerRecord server, Phase phase, Instant now) {
        Validation validation = server.validation();
        if (validation != null && validation.phase() == phase) {
            return server;
        }
        return server.withValidation(new Validation(phase, now, Outcome.PENDING, "validation started"));
    }

    /** Every check of every server, run at once; the failures of each server in the wave's order. */
    private Map<String, List<String>> runChecks(List<ServerRecord> servers, Phase phase, ValidationSettings settings) {
        Map<String, List<String>> failures = new LinkedHashMap<>();
        if (servers.isEmpty()) {
            return failures;
        }
        List<String> instanceIds = servers.stream()
                .map(server -> instanceIdOf(server, phase))
                .filter(Objects::nonNull)
                .toList();
        Map<String, InstanceHealth> health = instanceIds.isEmpty() ? Map.of() : ec2.describeInstances(instanceIds);

        InstanceChecks checks = new InstanceChecks(settings, prober, PROBE_TIMEOUT);
        List<String> owners = new ArrayList<>();
        List<Supplier<Optional<String>>> tasks = new ArrayList<>();
        for (ServerRecord server : servers) {
            String instanceId = instanceIdOf(server, phase);
            failures.put(server.sourceServerId(), new ArrayList<>());
            InstanceHealth instance = instanceId == null ? null : health.get(instanceId);
            for (Supplier<Optional<String>> check : checks.of(instanceId, instance)) {
                owners.add(server.sourceServerId());
                tasks.add(check);
            }
        }
        List<Optional<String>> results = Concurrently.map(tasks, PROBE_PARALLELISM, Supplier::get);
        for (int i = 0; i < results.size(); i++) {
            results.get(i).ifPresent(failures.get(owners.get(i))::add);
        }
        return failures;
    }

    private static String instanceIdOf(ServerRecord server, Phase phase) {
        ServerRecord.Launch launch = server.launch(phase);
        return launch == null ? null : launch.instanceId();
    }

    private static ServerRecord judged(ServerRecord server, List<String> failures, Duration timeLimit, Instant now) {
        Validation validation = server.validation();
        if (failures.isEmpty()) {
            LOG.info("Server {} passed validation", server.sourceServerId());
            return server.withValidation(new Validation(validation.phase(), validation.startedAt(), Outcome.PASSED,
                    ALL_PASSED));
        }
        String detail = String.join("; ", failures);
        if (!now.isBefore(validation.startedAt().plus(timeLimit))) {
            String reason = "validation did not pass within " + timeLimit.toMinutes() + " minutes: " + detail;
            LOG.warn("Server {} failed validation: {}", server.sourceServerId(), detail);
            return server
                    .withValidation(new Validation(validation.phase(), validation.startedAt(), Outcome.FAILED, detail))
                    .failed(reason, now);
        }
        return server.withValidation(
                new Validation(validation.phase(), validation.startedAt(), Outcome.PENDING, detail));
    }
}
