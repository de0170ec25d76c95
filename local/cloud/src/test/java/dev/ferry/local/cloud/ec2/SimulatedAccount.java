package dev.ferry.local.cloud.ec2;

import dev.ferry.local.cloud.http.LocalCloudServer;
import dev.ferry.local.cloud.iam.IamResources;
import dev.ferry.local.cloud.iam.IamSimulator;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static dev.ferry.local.cloud.http.LocalClients.pointedAt;

/**
 * The simulated EC2 (us-east-1 as the source region, eu-central-1 as the target) and IAM behind one loopback
 * server, with real SDK clients of each region, as the controller's adapters use them.
 */
public final class SimulatedAccount implements AutoCloseable {

    public static final String ACCOUNT = "111122223333";
    public static final Region SOURCE = Region.US_EAST_1;
    public static final Region TARGET = Region.EU_CENTRAL_1;

    private final LocalCloudServer server;
    private final Ec2Simulator ec2;
    private final IamSimulator iam;
    private final Ec2Client sourceEc2;
    private final Ec2Client targetEc2;
    private final IamClient iamClient;

    private SimulatedAccount(Ec2Resources resources, IamResources iamResources) {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
        iam = new IamSimulator(clock, ACCOUNT, iamResources);
        ec2 = Ec2Simulator.builder(clock, ACCOUNT)
                .targetRegion(TARGET.id(), resources.target(), List::of, id -> Optional.empty())
                .sourceRegion(SOURCE.id(), resources.source())
                .instanceProfileIds(iam::instanceProfileId)
                .build();
        try {
            server = LocalCloudServer.start(0, List.of(ec2, iam));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sourceEc2 = ec2Client(SOURCE);
        targetEc2 = ec2Client(TARGET);
        iamClient = pointedAt(IamClient.builder(), server, Region.AWS_GLOBAL).build();
    }

    /** An account holding these resources at the start. */
    public static SimulatedAccount with(Ec2Resources resources, IamResources iamResources) {
        return new SimulatedAccount(resources, iamResources);
    }

    /** An EC2 client signing for any region, e.g. one the simulation does not have. */
    public Ec2Client ec2Client(Region region) {
        return pointedAt(Ec2Client.builder(), server, region).build();
    }

    public Ec2Client sourceEc2() {
        return sourceEc2;
    }

    public Ec2Client targetEc2() {
        return targetEc2;
    }

    public IamClient iamClient() {
        return iamClient;
    }

    public IamSimulator iam() {
        return iam;
    }

    public Ec2Simulator ec2() {
        return ec2;
    }

    public String endpoint() {
        return server.endpoint();
    }

    @Override
    public void close() {
        sourceEc2.close();
        targetEc2.close();
        iamClient.close();
        server.close();
    }
}
