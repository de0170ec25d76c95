package dev.ferry.config;

import dev.ferry.agent.AgentInstallStore;
import dev.ferry.agent.InstanceProfiles;
import dev.ferry.agent.SdkInstanceProfiles;
import dev.ferry.agent.SdkSsmCommands;
import dev.ferry.agent.SsmCommands;
import dev.ferry.approval.ApprovalStore;
import dev.ferry.dns.DnsGateway;
import dev.ferry.dns.SdkDnsGateway;
import dev.ferry.ec2.Ec2Gateway;
import dev.ferry.ec2.SdkEc2Gateway;
import dev.ferry.events.EventBridgePublisher;
import dev.ferry.events.EventPublisher;
import dev.ferry.events.WaveEvents;
import dev.ferry.export.ReportExport;
import dev.ferry.export.S3ReportExport;
import dev.ferry.metrics.StageMeasurement;
import dev.ferry.metrics.WaveMetrics;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.mgn.SdkMgnGateway;
import dev.ferry.network.SdkSourceEc2;
import dev.ferry.network.SdkTargetNetwork;
import dev.ferry.network.SourceEc2;
import dev.ferry.network.TargetNetwork;
import dev.ferry.notify.Notifier;
import dev.ferry.notify.SnsNotifier;
import dev.ferry.probe.NetworkProber;
import dev.ferry.probe.Prober;
import dev.ferry.quota.ReplicationQuota;
import dev.ferry.quota.ServiceQuotasReplicationQuota;
import dev.ferry.retry.Sleeper;
import dev.ferry.server.ServerClaims;
import dev.ferry.server.StageLeases;
import dev.ferry.server.WaveStore;
import dev.ferry.sfn.SfnTaskCallbacks;
import dev.ferry.sfn.SfnWaveExecutions;
import dev.ferry.sfn.TaskCallbacks;
import dev.ferry.sfn.WaveExecutions;
import dev.ferry.store.DynamoAgentInstallStore;
import dev.ferry.store.DynamoApprovalStore;
import dev.ferry.store.DynamoMeasuredStages;
import dev.ferry.store.DynamoServerClaims;
import dev.ferry.store.DynamoStageLeases;
import dev.ferry.store.DynamoWaitStore;
import dev.ferry.store.DynamoWaveStore;
import dev.ferry.waits.WaitStore;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The outside systems a handler talks to, built from the deployment's settings. Each is built on
 * first use and then kept, so a function builds only the clients it needs, once, during init (and
 * SnapStart snapshots them). The no-argument constructor of every handler uses
 * {@link #fromEnvironment()}; the offline rehearsal builds the same adapters with a virtual clock.
 */
public final class Dependencies {

    private final Settings settings;
    private final Clock clock;
    /** How the adapters wait between attempts (throttling back-off, DNS propagation). */
    private final Sleeper sleeper;
    /** Builds the clients, whose SDK retries wait through the same sleeper. */
    private final AwsClients clients;
    private final Supplier<MgnGateway> mgn = once(() -> new SdkMgnGateway(clients().mgn(), sleeper()));
    private final Supplier<Ec2Gateway> ec2 = once(() -> new SdkEc2Gateway(clients().ec2()));
    private final Supplier<ReplicationQuota> replicationQuota =
            once(() -> new ServiceQuotasReplicationQuota(clients().serviceQuotas()));
    private final Supplier<Notifier> notifier =
            once(() -> new SnsNotifier(clients().sns(), settings().require(Setting.TOPIC_ARN)));
    private final Supplier<EventPublisher> eventPublisher =
            once(() -> new EventBridgePublisher(clients().eventBridge(), sleeper()));
    private final Supplier<WaveEvents> waveEvents =
            once(() -> new WaveEvents(waveStore(), eventPublisher(), notifier(), clock()));
    private final Supplier<TaskCallbacks> taskCallbacks = once(() -> new SfnTaskCallbacks(clients().sfn()));
    private final Supplier<WaveStore> waveStore = once(() -> new DynamoWaveStore(
            clients().dynamoDb(), tableName(), clock(), retention(), sleeper()));
    private final Supplier<WaitStore> waitStore = once(() -> new DynamoWaitStore(
            clients().dynamoDb(), tableName(), clock(), retention()));
    private final Supplier<ServerClaims> serverClaims = once(() -> new DynamoServerClaims(
            clients().dynamoDb(), tableName(), clock(), retention()));
    private final Supplier<WaveExecutions> waveExecutions = once(() -> new SfnWaveExecutions(clients().sfn()));
    private final Supplier<StageLeases> stageLeases = once(() -> new DynamoStageLeases(
            clients().dynamoDb(), tableName(), clock(), retention()));
    private final Supplier<ApprovalStore> approvalStore = once(() -> new DynamoApprovalStore(
            clients().dynamoDb(), tableName(), clock(), retention()));
    private final Supplier<AgentInstallStore> agentInstallStore = once(() -> new DynamoAgentInstallStore(
            clients().dynamoDb(), tableName(), clock(), retention()));
    private final Supplier<ReportExport> reportExport =
            once(() -> new S3ReportExport(clients().s3(), settings().require(Setting.REPORT_BUCKET)));
    private final Supplier<WaveMetrics> waveMetrics = once(() -> new WaveMetrics(
            settings().require(Setting.POWERTOOLS_METRICS_NAMESPACE),
            settings().require(Setting.POWERTOOLS_SERVICE_NAME)));
    private final Supplier<StageMeasurement> stageMeasurement = once(() -> new StageMeasurement(waveStore(),
            new DynamoMeasuredStages(clients().dynamoDb(), tableName(), clock(), retention()), waveMetrics()));
    private final Supplier<Prober> prober = once(NetworkProber::new);
    private final Supplier<TargetNetwork> targetNetwork = once(() -> new SdkTargetNetwork(clients().ec2()));
    private final Supplier<DnsGateway> dns =
            once(() -> new SdkDnsGateway(clients().route53(), sleeper(), clock()));
    /** A wave's source region is known only once the wave is read: one client per region, built on first use. */
    private final Map<String, SourceEc2> sourceEc2ByRegion = new ConcurrentHashMap<>();
    private final Map<String, SsmCommands> ssmByRegion = new ConcurrentHashMap<>();
    private final Map<String, InstanceProfiles> instanceProfilesByRegion = new ConcurrentHashMap<>();
    /**
     * IAM is global: one client serves the instance profiles of every source region. Built by
     * {@link #iam()}, not by a lambda in a field: creating a lambda loads the types of its signature,
     * IamClient here, and only the packages of functions that install agents hold IAM's client.
     * (The other suppliers return the project's own interfaces, which every package holds.)
     */
    private IamClient iam;

    private Dependencies(Settings settings, Clock clock, Sleeper sleeper) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.clients = new AwsClients(Region.of(settings.require(Setting.AWS_REGION)), sleeper);
    }

    /** The dependencies of a deployed function: real clients, the system clock. One per JVM. */
    public static Dependencies fromEnvironment() {
        return FromEnvironment.INSTANCE;
    }

    /** Built on first use, so that a process without a function's environment can still use {@link #of}. */
    private static final class FromEnvironment {
        static final Dependencies INSTANCE =
                new Dependencies(Settings.fromEnvironment(), Clock.systemUTC(), Sleeper.threadSleep());
    }

    /**
     * The same adapters with these settings, on another time line (the rehearsal's virtual time):
     * they read {@code clock} and wait with {@code sleeper}, so that no wait of theirs takes real time there.
     */
    public static Dependencies of(Settings settings, Clock clock, Sleeper sleeper) {
        return new Dependencies(settings, clock, sleeper);
    }

    private String tableName() {
        return settings().require(Setting.TABLE_NAME);
    }

    /** How long the table keeps an item after its last write. */
    private Duration retention() {
        String days = settings().require(Setting.RECORD_RETENTION_DAYS);
        try {
            Duration retention = Duration.ofDays(Long.parseLong(days));
            if (retention.isNegative() || retention.isZero()) {
                throw new NumberFormatException("not positive");
            }
            return retention;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Environment variable " + Setting.RECORD_RETENTION_DAYS
                    + " must be a whole number of days above 0, not '" + days + "'", e);
        }
    }

    /** The function's settings (its environment). */
    public Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    private Sleeper sleeper() {
        return sleeper;
    }

    private AwsClients clients() {
        return clients;
    }

    public MgnGateway mgn() {
        return mgn.get();
    }

    /** MGN's quota of replicating servers, as Service Quotas applies it. */
    public ReplicationQuota replicationQuota() {
        return replicationQuota.get();
    }

    public Ec2Gateway ec2() {
        return ec2.get();
    }

    public Notifier notifier() {
        return notifier.get();
    }

    /** Ferry's events on the default event bus, and the every-stage messages of the waves that want them. */
    public WaveEvents waveEvents() {
        return waveEvents.get();
    }

    /** The default event bus, where Ferry puts its own events. */
    public EventPublisher eventPublisher() {
        return eventPublisher.get();
    }

    public TaskCallbacks taskCallbacks() {
        return taskCallbacks.get();
    }

    public WaveStore waveStore() {
        return waveStore.get();
    }

    public WaitStore waitStore() {
        return waitStore.get();
    }

    /** Which running wave holds each server. */
    public ServerClaims serverClaims() {
        return serverClaims.get();
    }

    /** Whether waves' executions still run. */
    public WaveExecutions waveExecutions() {
        return waveExecutions.get();
    }

    public StageLeases stageLeases() {
        return stageLeases.get();
    }

    public ApprovalStore approvalStore() {
        return approvalStore.get();
    }

    /** The report bucket, where every row of a wave's report is written. */
    public ReportExport reportExport() {
        return reportExport.get();
    }

    /** Ferry's CloudWatch metrics, in the namespace and under the service name of the function's settings. */
    public WaveMetrics waveMetrics() {
        return waveMetrics.get();
    }

    /** Emits the metrics of each stage of a wave once, when its servers are done with it. */
    public StageMeasurement stageMeasurement() {
        return stageMeasurement.get();
    }

    public Prober prober() {
        return prober.get();
    }

    /** EC2 in the target region (the function's), where key pairs and security group copies are made. */
    public TargetNetwork targetNetwork() {
        return targetNetwork.get();
    }

    /** EC2 in a wave's source region, read to derive launch settings and copy security groups. */
    public SourceEc2 sourceEc2(String region) {
        return sourceEc2ByRegion.computeIfAbsent(region, name -> new SdkSourceEc2(clients().ec2(Region.of(name))));
    }

    /** Systems Manager in a wave's source region, which runs the agent installer on its instances. */
    public SsmCommands ssmCommands(String region) {
        return ssmByRegion.computeIfAbsent(region, name -> new SdkSsmCommands(clients().ssm(Region.of(name))));
    }

    /** The IAM identity of the instances of a wave's source region: IAM, and EC2 of that region. */
    public InstanceProfiles instanceProfiles(String region) {
        return instanceProfilesByRegion.computeIfAbsent(region,
                name -> new SdkInstanceProfiles(iam(), clients().ec2(Region.of(name))));
    }

    private synchronized IamClient iam() {
        if (iam == null) {
            iam = clients().iam();
        }
        return iam;
    }

    /** The agent installations of waves. */
    public AgentInstallStore agentInstallStore() {
        return agentInstallStore.get();
    }

    /** Route 53, for the DNS switch. */
    public DnsGateway dns() {
        return dns.get();
    }

    private static <T> Supplier<T> once(Supplier<T> factory) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T current = value;
                if (current == null) {
                    synchronized (this) {
                        current = value;
                        if (current == null) {
                            current = factory.get();
                            value = current;
                        }
                    }
                }
                return current;
            }
        };
    }
}
