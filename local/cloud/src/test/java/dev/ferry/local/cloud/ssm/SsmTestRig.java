package dev.ferry.local.cloud.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.agent.CommandResult;
import dev.ferry.agent.SdkSsmCommands;
import dev.ferry.local.cloud.http.LocalCloudServer;
import dev.ferry.local.cloud.mgn.MgnEndpoint;
import dev.ferry.local.engine.time.Scheduler;
import dev.ferry.local.engine.time.VirtualClock;
import dev.ferry.local.mgn.MgnSimulator;
import dev.ferry.local.mgn.environment.MgnEnvironment;
import dev.ferry.testing.ProjectFolder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.ferry.local.cloud.http.LocalClients.pointedAt;

/**
 * The simulated Systems Manager of {@code events/rehearsal/agent-and-dns-environment.json} next to
 * that environment's simulated MGN, on one loopback port and one virtual clock, with real SDK
 * clients and the controller's {@link SdkSsmCommands} in front of them.
 */
final class SsmTestRig implements AutoCloseable {

    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    /** An MGN server whose installer succeeds. */
    static final String INSTALLS = "i-0a1b2c3d4e5f60718";
    /** An MGN server whose installer fails with exit code 3. */
    static final String FAILS = "i-0b2c3d4e5f6071829";
    /** A Windows MGN server whose installer succeeds without the agent ever registering. */
    static final String NEVER_REGISTERS = "i-0c3d4e5f60718293a";
    /** An MGN server whose SSM Agent lost its connection. */
    static final String OFFLINE = "i-0d4e5f60718293a4b";
    /** A managed instance that is no MGN server. */
    static final String NOT_MIGRATED = "i-0f60718293a4b5c6d";
    /** An instance Systems Manager does not manage. */
    static final String UNMANAGED = "i-0e5f60718293a4b5c";

    final VirtualClock clock = new VirtualClock(START);
    final Scheduler scheduler = new Scheduler(clock);
    final MgnSimulator mgn;
    final SsmSimulator simulator;
    final SsmClient ssm;
    final SsmClient targetRegionSsm;
    final MgnClient mgnClient;
    final SdkSsmCommands commands;
    private final LocalCloudServer server;

    SsmTestRig() {
        JsonNode file = readAgentAndDnsEnvironment();
        MgnEnvironment environment = MgnEnvironment.fromJson(file);
        List<String> problems = new ArrayList<>();
        SsmEnvironment managed = SsmEnvironment.fromJson(file, SsmEnvironment.platformsOf(environment), problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the environment file's ssm section: " + problems);
        }
        mgn = new MgnSimulator(environment, clock);
        simulator = new SsmSimulator(environment.sourceRegion(), environment.targetRegion(), managed, scheduler,
                mgn::registerAgent);
        try {
            server = LocalCloudServer.start(0, List.of(simulator, new MgnEndpoint(mgn.apiHandler(), () -> { })));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ssm = pointedAt(SsmClient.builder(), server, Region.US_EAST_1).build();
        targetRegionSsm = pointedAt(SsmClient.builder(), server, Region.EU_CENTRAL_1).build();
        mgnClient = pointedAt(MgnClient.builder(), server, Region.EU_CENTRAL_1).build();
        commands = new SdkSsmCommands(ssm);
    }

    /** Lets virtual time pass, running whatever falls due (the scheduler stops early when nothing is left to run). */
    void runFor(Duration duration) {
        Instant until = clock.instant().plus(duration);
        scheduler.runUntil(() -> false, until);
        if (clock.instant().isBefore(until)) {
            clock.advanceTo(until);
        }
    }

    CommandResult result(String commandId, String instanceId) {
        return commands.result(commandId, instanceId);
    }

    /** Whether MGN lists a source server for the instance. */
    boolean mgnListsServerOf(String instanceId) {
        return mgnClient.describeSourceServers(r -> r.filters(f -> f.isArchived(false))).items().stream()
                .anyMatch(server -> instanceId.equals(server.sourceProperties().identificationHints().awsInstanceID()));
    }

    @Override
    public void close() {
        ssm.close();
        targetRegionSsm.close();
        mgnClient.close();
        server.close();
    }

    /** The rehearsal's environment file with agent installation and DNS: MGN's servers and the ssm section. */
    static JsonNode readAgentAndDnsEnvironment() {
        Path file = ProjectFolder.root().resolve("events/rehearsal/agent-and-dns-environment.json");
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
