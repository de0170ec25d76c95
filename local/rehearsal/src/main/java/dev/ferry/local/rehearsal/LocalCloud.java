package dev.ferry.local.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.local.cloud.apigateway.HttpApiEndpoint;
import dev.ferry.local.cloud.dynamodb.DynamoDbProxy;
import dev.ferry.local.cloud.dynamodb.LocalDynamoDb;
import dev.ferry.local.cloud.ec2.Ec2Simulator;
import dev.ferry.local.cloud.ec2.SimulatedInstance;
import dev.ferry.local.cloud.events.EventBusEndpoint;
import dev.ferry.local.cloud.events.LocalEventBridge;
import dev.ferry.local.cloud.faults.ErrorProtocol;
import dev.ferry.local.cloud.faults.FaultyService;
import dev.ferry.local.cloud.faults.FaultyServiceName;
import dev.ferry.local.cloud.faults.ServiceFaultCount;
import dev.ferry.local.cloud.faults.ServiceFaults;
import dev.ferry.local.cloud.http.LocalCloudServer;
import dev.ferry.local.cloud.http.LocalService;
import dev.ferry.local.cloud.iam.IamSimulator;
import dev.ferry.local.cloud.lambda.FunctionDefinition;
import dev.ferry.local.cloud.lambda.LocalFunctions;
import dev.ferry.local.cloud.lambda.LocalLambda;
import dev.ferry.local.cloud.mgn.MgnClockwork;
import dev.ferry.local.cloud.mgn.MgnEndpoint;
import dev.ferry.local.cloud.route53.Route53Simulator;
import dev.ferry.local.cloud.s3.S3Simulator;
import dev.ferry.local.cloud.sns.OutboxMessage;
import dev.ferry.local.cloud.sns.SnsOutbox;
import dev.ferry.local.cloud.ssm.SsmSimulator;
import dev.ferry.local.cloud.stepfunctions.StepFunctionsEndpoint;
import dev.ferry.local.engine.LocalStepFunctions;
import dev.ferry.local.engine.api.StepFunctionsApiHandler;
import dev.ferry.local.engine.time.Scheduler;
import dev.ferry.local.engine.time.VirtualClock;
import dev.ferry.local.mgn.MgnSimulator;
import dev.ferry.local.mgn.environment.MgnEnvironment;
import dev.ferry.local.mgn.model.InstanceState;
import dev.ferry.local.rehearsal.environment.ResourceEnvironment;
import dev.ferry.local.rehearsal.standin.ApplicationStandIns;
import dev.ferry.local.rehearsal.standin.LoopbackBlock;
import dev.ferry.local.rehearsal.standin.ServiceFront;
import dev.ferry.local.rehearsal.standin.ServiceFrontFault;
import dev.ferry.local.rehearsal.template.LocalResources;
import dev.ferry.local.rehearsal.template.ProjectTemplate;
import dev.ferry.local.rehearsal.template.TemplateException;
import dev.ferry.store.FerryTable;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Everything the controller talks to, on this machine, on one virtual clock: the simulated MGN,
 * EC2 (source and target regions), IAM, Systems Manager in the source region (whose agent installer
 * registers with the simulated MGN), Route 53 and S3 (the report bucket), the local Step Functions engine running the
 * project's state machine, the project's handlers as local Lambda functions, DynamoDB Local, an SNS
 * outbox, EventBridge with the template's rule and schedule, the approval pages, and stand-in
 * applications on the launched instances. All of it answers on one loopback endpoint (DynamoDB
 * through a proxy to DynamoDB Local, which counts the handlers' requests).
 *
 * <p>Time moves only while {@link #scheduler()} runs. One local cloud at a time per JVM: the
 * handlers' settings are JVM system properties.
 */
public final class LocalCloud implements AutoCloseable {

    /** The credentials the handlers sign with; nothing checks them. */
    private static final String ACCESS_KEY = "rehearsal";
    private static final String TABLE_NAME = "ferry-waves";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<Consumer<OutboxMessage>> outboxListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> executionInputListeners = new CopyOnWriteArrayList<>();
    private final ProjectTemplate template;
    private final MgnEnvironment environment;
    private final VirtualClock clock;
    private final Scheduler scheduler;
    private final MgnSimulator mgn;
    private final LocalFunctions functions = new LocalFunctions();
    private final LocalLambda lambda;
    private final LocalStepFunctions engine;
    private final LocalEventBridge eventBridge;
    private final MgnClockwork clockwork;
    private final LoopbackBlock addresses;
    private final ApplicationStandIns standIns = new ApplicationStandIns();
    private final SnsOutbox outbox;
    private final Ec2Simulator ec2;
    private final IamSimulator iam;
    private final SsmSimulator ssm;
    private final Route53Simulator route53;
    private final S3Simulator s3;
    private final Optional<ServiceFrontFault> serviceFrontFault;
    private final ServiceFaults serviceFaults;
    private final Map<FaultyServiceName, FaultyService> faultyServices = new EnumMap<>(FaultyServiceName.class);
    private LocalDynamoDb dynamoDb;
    private DynamoDbProxy dynamoDbProxy;
    private LocalCloudServer server;
    private String stateMachineArn;

    private LocalCloud(LocalCloudSettings settings) {
        this.template = settings.template();
        this.environment = settings.environment();
        this.clock = new VirtualClock(settings.start());
        this.scheduler = new Scheduler(clock, settings.speed());
        // Claimed first and released last: the instances' and fronts' addresses are the run's own.
        this.addresses = LoopbackBlock.claim();
        resources.add(addresses);
        this.mgn = new MgnSimulator(environment, clock, addresses.network());
        this.lambda = new LocalLambda(functions, clock, settings.services().lambdaFaults(),
                (delay, action) -> scheduler.schedule(clock.instant().plus(delay), action), this::serviceFaultsSoFar);
        this.engine = LocalStepFunctions.builder(scheduler, lambda)
                .region(environment.targetRegion())
                .accountId(environment.accountId())
                .build();
        this.eventBridge = new LocalEventBridge(scheduler, lambda, template.eventRules(), this::functionArn,
                environment.targetRegion(), environment.accountId(), settings.services().eventFaults());
        this.clockwork = new MgnClockwork(mgn, scheduler, eventBridge, standIns::sync);
        this.outbox = new SnsOutbox(clock, settings.outboxFolder(),
                message -> outboxListeners.forEach(listener -> listener.accept(message)));
        ResourceEnvironment existing = settings.services().resources();
        this.iam = new IamSimulator(clock, environment.accountId(), existing.iam());
        this.ec2 = Ec2Simulator.builder(clock, environment.accountId())
                .targetRegion(environment.targetRegion(), existing.ec2().target(), this::simulatedInstances,
                        this::launchTemplateName)
                .sourceRegion(environment.sourceRegion(), existing.ec2().source())
                .instanceProfileIds(iam::instanceProfileId)
                .build();
        // What the stack makes in IAM exists in the local cloud's IAM too, under its logical ID, as
        // ProjectTemplate names it in the functions' environment.
        template.instanceProfiles().forEach(profile -> {
            iam.addRole(profile.roleLogicalId(), profile.managedPolicyArns());
            iam.addInstanceProfile(profile.logicalId(), profile.roleLogicalId());
        });
        this.ssm = new SsmSimulator(environment.sourceRegion(), environment.targetRegion(), settings.services().ssm(),
                scheduler, this::registerAgent);
        this.route53 = new Route53Simulator(clock, settings.services().route53());
        // The stack's report bucket exists from the start, as CloudFormation would have made it.
        this.s3 = new S3Simulator(clock, List.of(reportBucket()));
        this.serviceFrontFault = settings.services().serviceFrontFault();
        this.serviceFaults = settings.services().serviceFaults();
        resources.add(standIns);
    }

    /**
     * Starts a local cloud: DynamoDB Local with the table, the endpoint, the handlers (once their
     * settings point at the endpoint), the state machine, the schedules and MGN's clock.
     *
     * @throws TemplateException     when the template declares what the local cloud cannot run
     * @throws UncheckedIOException  when the port cannot be listened on
     */
    public static LocalCloud start(LocalCloudSettings settings) {
        LocalCloud cloud = new LocalCloud(settings);
        try {
            cloud.startServices(settings.port());
            return cloud;
        } catch (RuntimeException e) {
            cloud.close();
            throw e;
        }
    }

    private void startServices(int port) {
        String region = environment.targetRegion();
        dynamoDb = LocalDynamoDb.start(FerryTable.createTableRequest(TABLE_NAME), Region.of(region));
        resources.add(dynamoDb);
        dynamoDbProxy = new DynamoDbProxy(dynamoDb.endpoint());
        try {
            server = LocalCloudServer.start(port, List.of(
                    // S3 before MGN: S3 knows its requests by their signing scope, MGN by paths a bucket could take.
                    faulty(FaultyServiceName.S3, ErrorProtocol.S3_XML, s3),
                    // A wave's 127.0.x.y addresses (its DNS front and records) are served in this run's block.
                    new StepFunctionsEndpoint(new StepFunctionsApiHandler(engine), addresses::moveAll,
                            this::executionStarted),
                    faulty(FaultyServiceName.DYNAMODB, ErrorProtocol.AWS_JSON, dynamoDbProxy),
                    faulty(FaultyServiceName.MGN, ErrorProtocol.REST_JSON,
                            new MgnEndpoint(mgn.apiHandler(), clockwork::afterApiCall)),
                    faulty(FaultyServiceName.EC2, ErrorProtocol.EC2_QUERY, ec2),
                    faulty(FaultyServiceName.IAM, ErrorProtocol.XML_ERROR_RESPONSE, iam),
                    faulty(FaultyServiceName.SNS, ErrorProtocol.XML_ERROR_RESPONSE, outbox),
                    faulty(FaultyServiceName.SSM, ErrorProtocol.AWS_JSON, ssm),
                    faulty(FaultyServiceName.ROUTE53, ErrorProtocol.XML_ERROR_RESPONSE, route53),
                    new LocalStack(region, environment.accountId(), clock.instant(), this::stackOutputs),
                    // Ferry's own events: PutEvents onto the bus whose rules invoke the functions.
                    new EventBusEndpoint(eventBridge),
                    new HttpApiEndpoint(template.httpRoutes(), functions, clock, environment.accountId())));
        } catch (IOException e) {
            throw new UncheckedIOException("The local cloud cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        resources.add(server);
        resources.add(HandlerSettings.apply(handlerSdkProperties()));
        VirtualSleeper sleeper = new VirtualSleeper(scheduler);
        for (FunctionDefinition function : template.functionList()) {
            functions.deploy(function, functionArn(function.logicalId()),
                    FerryHandlers.of(function, functionEnvironment(function), clock, sleeper));
        }
        stateMachineArn = engine.createStateMachine(template.stateMachineName(),
                template.stateMachineDefinition(region, environment.accountId()),
                "arn:aws:iam::" + environment.accountId() + ":role/ferry-rehearsal-states").arn();
        eventBridge.startSchedules(template.schedules());
        clockwork.start();
    }

    /** {@code service} failing as the environment's service faults say. */
    private LocalService faulty(FaultyServiceName name, ErrorProtocol protocol, LocalService service) {
        FaultyService faulty = new FaultyService(service, protocol, serviceFaults.source(name));
        faultyServices.put(name, faulty);
        return faulty;
    }

    /** The faults every service has injected so far. */
    private int serviceFaultsSoFar() {
        return faultyServices.entrySet().stream()
                .mapToInt(entry -> ServiceFaultCount.of(entry.getKey(), entry.getValue()).total()).sum();
    }

    /** The services that inject faults, to count what they injected. */
    public Map<FaultyServiceName, FaultyService> faultyServices() {
        return Collections.unmodifiableMap(faultyServices);
    }

    /**
     * A function's environment as Lambda gives it: the variables template.yaml declares for it, its
     * references resolved to the local resources, and the region Lambda sets.
     */
    public Map<String, String> functionEnvironment(FunctionDefinition function) {
        LocalResources local = new LocalResources(environment.targetRegion(), environment.accountId(), TABLE_NAME,
                topicArn(), endpoint(), reportBucket());
        Map<String, String> variables = new LinkedHashMap<>(template.environmentOf(function, local));
        variables.put("AWS_REGION", environment.targetRegion());
        return variables;
    }

    /**
     * The SDK's own settings for every client the handlers build: credentials, and the endpoint
     * properties that send every service (including any the handlers might call unexpectedly) to
     * the local cloud, so that nothing leaves the machine.
     */
    public Map<String, String> handlerSdkProperties() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("aws.accessKeyId", ACCESS_KEY);
        settings.put("aws.secretAccessKey", ACCESS_KEY);
        // Service-specific properties too: the SDK prefers a shell's AWS_ENDPOINT_URL_<SERVICE> to the general one.
        settings.put("aws.endpointUrl", endpoint());
        for (String service : List.of("Mgn", "Sfn", "Ec2", "Sns", "Iam", "Ssm", "Route53", "S3", "EventBridge")) {
            settings.put("aws.endpointUrl" + service, endpoint());
        }
        // The handlers reach DynamoDB through the endpoint too, where their requests are counted.
        settings.put("aws.endpointUrlDynamoDb", endpoint());
        return settings;
    }

    private void executionStarted(byte[] startExecutionRequest) {
        try {
            JsonNode request = JSON.readTree(startExecutionRequest);
            String input = request.path("input").asText("{}");
            executionInputListeners.forEach(listener -> listener.accept(input));
        } catch (IOException e) {
            throw new UncheckedIOException("A StartExecution request that the engine accepted is not JSON", e);
        }
    }

    /** Tells {@code listener} of each notification the controller publishes. */
    public void onNotification(Consumer<OutboxMessage> listener) {
        outboxListeners.add(listener);
    }

    /** Tells {@code listener} of the input of each execution started through the endpoint. */
    public void onExecutionStarted(Consumer<String> listener) {
        executionInputListeners.add(listener);
    }

    /** The endpoint every AWS client and the approval pages use, e.g. {@code http://127.0.0.1:4566}. */
    public String endpoint() {
        return server.endpoint();
    }

    /** The ARN of the project's state machine in the engine. */
    public String stateMachineArn() {
        return stateMachineArn;
    }

    /** The ARN of the notification topic the handlers publish to. */
    public String topicArn() {
        return "arn:aws:sns:" + environment.targetRegion() + ":" + environment.accountId() + ":ferry-notifications";
    }

    /** The name of the stack's report bucket in the local S3. */
    public String reportBucket() {
        return "ferry-reports-" + environment.accountId() + "-" + environment.targetRegion();
    }

    /** The name of the DynamoDB table. */
    public String tableName() {
        return TABLE_NAME;
    }

    /**
     * The outputs of template.yaml that name what the local cloud has, as CloudFormation gives them
     * for the deployed stack: what {@code bin/ferry status} and {@code waves} look up.
     */
    public SequencedMap<String, String> stackOutputs() {
        SequencedMap<String, String> outputs = new LinkedHashMap<>();
        outputs.put("StateMachineArn", stateMachineArn);
        outputs.put("NotificationTopicArn", topicArn());
        outputs.put("ReportBucketName", reportBucket());
        outputs.put("TableName", TABLE_NAME);
        return outputs;
    }

    /** The ARN of a template function in the local cloud. */
    public String functionArn(String logicalId) {
        return template.functionArn(logicalId, environment.targetRegion(), environment.accountId());
    }

    /** The handler class of a template function. */
    public String functionHandler(String logicalId) {
        return template.functions().get(logicalId).handlerClass();
    }

    public MgnEnvironment environment() {
        return environment;
    }

    public VirtualClock clock() {
        return clock;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public LocalStepFunctions engine() {
        return engine;
    }

    public MgnSimulator mgn() {
        return mgn;
    }

    /** The functions of template.yaml deployed here. */
    public List<FunctionDefinition> functions() {
        return template.functionList();
    }

    public LocalLambda lambda() {
        return lambda;
    }

    public LocalEventBridge eventBridge() {
        return eventBridge;
    }

    public MgnClockwork clockwork() {
        return clockwork;
    }

    /**
     * Puts a stand-in on the address a wave's DNS health check reaches, with the environment's
     * {@code serviceFront} fault when it has one.
     */
    public void frontHealthCheck(ServiceFront front) {
        serviceFrontFault.ifPresentOrElse(fault -> standIns.front(front, fault, clock), () -> standIns.front(front));
    }

    /** The run's own loopback addresses, where its instances and service fronts listen. */
    public LoopbackBlock addresses() {
        return addresses;
    }

    public ApplicationStandIns standIns() {
        return standIns;
    }

    public SnsOutbox outbox() {
        return outbox;
    }

    public Ec2Simulator ec2() {
        return ec2;
    }

    /** IAM, where the stack's agent instance profile is added with {@link IamSimulator#addInstanceProfile}. */
    public IamSimulator iam() {
        return iam;
    }

    /** Systems Manager of the source region: the commands sent and where each stands. */
    public SsmSimulator ssm() {
        return ssm;
    }

    /** Route 53: the hosted zones' record sets and every change accepted. */
    public Route53Simulator route53() {
        return route53;
    }

    /** S3, where the Report stage exports every row of a wave's report. */
    public S3Simulator s3() {
        return s3;
    }

    /** How many DynamoDB requests reached the endpoint: the handlers' (the rehearsal's own reads go direct). */
    public long dynamoDbRequests() {
        return dynamoDbProxy.requests();
    }

    public LocalDynamoDb dynamoDb() {
        return dynamoDb;
    }

    /** Stops everything it started and puts back the JVM's settings, in reverse order. */
    @Override
    public void close() {
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        Collections.reverse(reversed);
        RuntimeException failure = null;
        for (AutoCloseable resource : reversed) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("The local cloud did not stop cleanly", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        resources.clear();
        if (failure != null) {
            throw failure;
        }
    }

    /** An agent installed through Run Command registers with MGN, whose clock must then plan its replication. */
    private String registerAgent(String sourceInstanceId) {
        String sourceServerId = mgn.registerAgent(sourceInstanceId);
        clockwork.afterApiCall();
        return sourceServerId;
    }

    private List<SimulatedInstance> simulatedInstances() {
        // The rehearsal has one network: an instance's public address is its loopback address too.
        return mgn.launchedInstances().stream()
                .map(instance -> new SimulatedInstance(instance.instanceId(), instance.privateIp(), instance.privateIp(),
                        null, instance.state() == InstanceState.RUNNING, instance.launchedAt()))
                .toList();
    }

    private Optional<String> launchTemplateName(String templateId) {
        return mgn.launchTemplateIds().entrySet().stream()
                .filter(entry -> entry.getValue().equals(templateId))
                .map(entry -> "mgn-" + entry.getKey())
                .findFirst();
    }
}
