package dev.ferry.local.mgn;

import dev.ferry.local.mgn.api.MgnHttpServer;
import dev.ferry.local.mgn.environment.MgnEnvironment;
import dev.ferry.local.mgn.events.MgnEvent;
import dev.ferry.local.mgn.model.MgnService;
import dev.ferry.local.mgn.model.MgnTimings;
import dev.ferry.testing.MutableClock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.Job;
import software.amazon.awssdk.services.mgn.model.SourceServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulator on a virtual clock, served over HTTP on a loopback port and reached through the real AWS SDK
 * {@link MgnClient}. Retries are off so that every error reaches the test as its typed exception.
 */
public final class MgnTestRig implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    /** Time from registration until an 8 GiB server at 100 Mbps replicates CONTINUOUSly. */
    public static final Duration EIGHT_GIB_READY = MgnTimings.INITIATING
            .plus(MgnTimings.transferTime(8L << 30, 100_000_000 / 8.0))
            .plus(MgnTimings.CREATING_SNAPSHOT);

    public final MutableClock clock = new MutableClock(START);
    public final MgnSimulator simulator;
    public final MgnHttpServer server;
    public final MgnClient mgn;
    private final List<MgnEvent> events = new ArrayList<>();

    public MgnTestRig(MgnEnvironment environment) {
        this(environment, Region.EU_CENTRAL_1);
    }

    public MgnTestRig(MgnEnvironment environment, Region clientRegion) {
        this(environment, clientRegion, MgnService.DEFAULT_INSTANCE_NETWORK);
    }

    /** A rig whose launched instances get private IPs in {@code instanceNetwork}, e.g. {@code 127.4}. */
    public MgnTestRig(MgnEnvironment environment, Region clientRegion, String instanceNetwork) {
        simulator = new MgnSimulator(environment, clock, instanceNetwork);
        try {
            server = MgnHttpServer.start(simulator.apiHandler());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mgn = client(clientRegion);
    }

    public static MgnTestRig of(TestEnvironment environment) {
        return new MgnTestRig(environment.build());
    }

    public MgnClient client(Region region) {
        return MgnClient.builder()
                .endpointOverride(server.endpoint())
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDFERRYTEST", "ferry-test-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** Moves the virtual clock and lets the simulator catch up, collecting the events it emits. */
    public void advance(Duration duration) {
        clock.advance(duration);
        events.addAll(simulator.advanceTo(clock.instant()));
    }

    /** Every event collected so far, in emission order. */
    public List<MgnEvent> events() {
        events.addAll(simulator.advanceTo(clock.instant()));
        return List.copyOf(events);
    }

    public SourceServer describe(String sourceServerId) {
        return mgn.describeSourceServers(r -> r.filters(f -> f.sourceServerIDs(sourceServerId))).items().getFirst();
    }

    public Job job(String jobId) {
        return mgn.describeJobs(r -> r.filters(f -> f.jobIDs(jobId))).items().getFirst();
    }

    @Override
    public void close() {
        mgn.close();
        server.close();
    }
}
