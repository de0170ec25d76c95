package dev.ferry.local.cloud.ssm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.cloud.http.CredentialScope;
import dev.ferry.local.cloud.http.LocalRequest;
import dev.ferry.local.cloud.http.LocalResponse;
import dev.ferry.local.cloud.http.LocalService;
import dev.ferry.local.engine.time.Scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Systems Manager in the source region, in its JSON 1.1 protocol ({@code X-Amz-Target:
 * AmazonSSM.<Operation>}): which instances it manages (DescribeInstanceInformation) and Run Command
 * (SendCommand, GetCommandInvocation, ListCommands). Each invocation moves Pending → InProgress →
 * Success, Failed or TimedOut on the rehearsal's scheduler; an installer of the replication agent
 * that succeeds registers the agent through {@link AgentRegistration}.
 *
 * <p>SSM is regional: a client signed for another region than the source region reaches an SSM
 * that manages no instance and has sent no command, as it would in AWS.
 */
public final class SsmSimulator implements LocalService {

    static final String TARGET_PREFIX = "AmazonSSM.";
    /** The time between SendCommand and an online instance taking the command up. */
    static final Duration DELIVERY = Duration.ofSeconds(2);
    static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofHours(1);
    static final Duration DEFAULT_EXECUTION_TIMEOUT = Duration.ofHours(1);
    static final int MAX_COMMENT_LENGTH = 100;
    /** GetCommandInvocation returns at most this much of each output; the rest is only in S3. */
    static final int MAX_OUTPUT_CHARACTERS = 24_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    /** A small page when none is asked for, so that a caller that does not follow NextToken misses instances. */
    private static final int DEFAULT_INSTANCE_PAGE = 10;
    private static final int MAX_COMMAND_PAGE = 50;

    private final String sourceRegion;
    private final Map<String, ManagedInstanceSpec> instances = new LinkedHashMap<>();
    private final Scheduler scheduler;
    private final RunCommandScripts scripts;
    private final AgentRegistration registration;
    private final List<SentCommand> commands = new ArrayList<>();

    /**
     * @param sourceRegion the region whose instances these are
     * @param targetRegion the region of the simulated MGN, which an installer must name
     * @param environment  the managed instances
     * @param scheduler    the rehearsal's scheduler, on whose clock commands run
     * @param registration where a successfully installed agent registers
     */
    public SsmSimulator(String sourceRegion, String targetRegion, SsmEnvironment environment, Scheduler scheduler,
                        AgentRegistration registration) {
        this.sourceRegion = sourceRegion;
        environment.instances().forEach(instance -> instances.put(instance.instanceId(), instance));
        this.scheduler = scheduler;
        this.scripts = new RunCommandScripts(targetRegion);
        this.registration = registration;
    }

    @Override
    public boolean accepts(LocalRequest request) {
        return request.header("x-amz-target").filter(target -> target.startsWith(TARGET_PREFIX)).isPresent();
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        String operation = request.header("x-amz-target").orElseThrow().substring(TARGET_PREFIX.length());
        boolean inSourceRegion = CredentialScope.of(request).map(CredentialScope::region).map(sourceRegion::equals).orElse(true);
        try {
            JsonNode body = request.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(request.bodyText());
            ObjectNode answer = switch (operation) {
                case "DescribeInstanceInformation" -> describeInstanceInformation(body, inSourceRegion);
                case "SendCommand" -> sendCommand(body, inSourceRegion);
                case "GetCommandInvocation" -> getCommandInvocation(body, inSourceRegion);
                case "ListCommands" -> listCommands(body, inSourceRegion);
                default -> throw new SsmException("UnknownOperationException", "The rehearsal's Systems Manager answers "
                        + "DescribeInstanceInformation, SendCommand, GetCommandInvocation and ListCommands, not " + operation);
            };
            return LocalResponse.of(200, CONTENT_TYPE, answer.toString());
        } catch (JsonProcessingException e) {
            return error(new SsmException("SerializationException", "The request body is not JSON: " + e.getOriginalMessage()));
        } catch (SsmException e) {
            return error(e);
        }
    }

    /** Every command on every instance so far, in the order sent. */
    public synchronized List<InvocationRecord> invocations() {
        List<InvocationRecord> records = new ArrayList<>();
        for (SentCommand command : commands) {
            for (CommandInvocation invocation : command.invocations().values()) {
                records.add(new InvocationRecord(command.commandId(), invocation.instanceId(), command.documentName(),
                        command.comment(), command.parameters().getOrDefault("commands", List.of()),
                        command.requestedAt(), invocation.status(), invocation.statusDetails(),
                        invocation.responseCode(), invocation.output(), invocation.error()));
            }
        }
        return records;
    }

    private synchronized ObjectNode describeInstanceInformation(JsonNode body, boolean inSourceRegion) {
        Predicate<ManagedInstanceSpec> selected = InstanceFilters.of(body);
        List<ManagedInstanceSpec> matching = (inSourceRegion ? instances.values().stream() : Stream.<ManagedInstanceSpec>empty())
                .filter(selected).toList();
        int pageSize = pageSize(body, "MaxResults", 5, 50, DEFAULT_INSTANCE_PAGE);
        int from = offset(body);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode list = answer.putArray("InstanceInformationList");
        Instant now = scheduler.clock().instant();
        matching.stream().skip(from).limit(pageSize).forEach(instance -> writeInstance(list.addObject(), instance, now));
        if (from + pageSize < matching.size()) {
            answer.put("NextToken", Integer.toString(from + pageSize));
        }
        return answer;
    }

    private static void writeInstance(ObjectNode node, ManagedInstanceSpec instance, Instant now) {
        boolean linux = instance.platform() == SsmPlatform.LINUX;
        node.put("InstanceId", instance.instanceId());
        node.put("PingStatus", instance.pingStatus().wireName());
        node.put("LastPingDateTime", epochSeconds(instance.pingStatus() == PingStatus.ONLINE ? now : now.minus(Duration.ofHours(1))));
        node.put("AgentVersion", "3.3.1142.0");
        node.put("IsLatestVersion", true);
        node.put("PlatformType", instance.platform().platformType());
        node.put("PlatformName", linux ? "Ubuntu" : "Microsoft Windows Server 2019 Datacenter");
        node.put("PlatformVersion", linux ? "22.04" : "10.0.17763");
        node.put("ResourceType", "EC2Instance");
        node.put("ComputerName", instance.instanceId() + (linux ? ".ec2.internal" : ""));
        node.put("SourceId", instance.instanceId());
        node.put("SourceType", "AWS::EC2::Instance");
    }

    private ObjectNode sendCommand(JsonNode body, boolean inSourceRegion) {
        SendCommandRequest request = SendCommandRequest.of(body);
        SsmPlatform documentPlatform = SsmPlatform.ofScriptDocument(request.documentName()).orElseThrow(() ->
                new SsmException("InvalidDocument", "Document " + request.documentName() + " does not exist in your "
                        + "account or this region (the rehearsal's Systems Manager knows AWS-RunShellScript and "
                        + "AWS-RunPowerShellScript)"));
        SentCommand command;
        synchronized (this) {
            List<String> unmanaged = request.instanceIds().stream()
                    .filter(id -> !inSourceRegion || !instances.containsKey(id)).toList();
            if (!unmanaged.isEmpty()) {
                throw new SsmException("InvalidInstanceId", "Instances " + unmanaged + " not in a valid state for "
                        + "account: they are not managed by Systems Manager in this region");
            }
            Map<String, CommandInvocation> invocations = new LinkedHashMap<>();
            for (String instanceId : request.instanceIds()) {
                ManagedInstanceSpec instance = instances.get(instanceId);
                invocations.put(instanceId, new CommandInvocation(instanceId, instance.platform(),
                        scripts.interpret(instance, documentPlatform, request.commands())));
            }
            Map<String, List<String>> parameters = new LinkedHashMap<>(request.parameters());
            parameters.put("commands", RunCommandScripts.redacted(request.commands()));
            command = new SentCommand(commandId(), request.documentName(), request.comment(), parameters,
                    scheduler.clock().instant(), request.deliveryTimeout(), request.executionTimeout(), invocations);
            commands.add(command);
        }
        // Taken up just after the answer: a GetCommandInvocation in the same instant finds nothing yet, as in AWS.
        scheduler.schedule(command.requestedAt(), () -> takeUp(command));
        ObjectNode answer = JSON.createObjectNode();
        synchronized (this) {
            writeCommand(answer.putObject("Command"), command);
        }
        return answer;
    }

    private void takeUp(SentCommand command) {
        synchronized (this) {
            command.invocations().values().forEach(CommandInvocation::show);
        }
        for (CommandInvocation invocation : command.invocations().values()) {
            if (instances.get(invocation.instanceId()).pingStatus() == PingStatus.ONLINE) {
                scheduler.schedule(command.requestedAt().plus(DELIVERY), () -> start(command, invocation));
            } else {
                scheduler.schedule(command.expiresAfter(), () -> end(invocation, InvocationStatus.TIMED_OUT,
                        "DeliveryTimedOut", -1, "", ""));
            }
        }
    }

    private void start(SentCommand command, CommandInvocation invocation) {
        Instant now = scheduler.clock().instant();
        synchronized (this) {
            invocation.start(now);
        }
        ScriptRun run = invocation.run();
        if (run.runTime().compareTo(command.executionTimeout()) > 0) {
            scheduler.schedule(now.plus(command.executionTimeout()), () -> end(invocation, InvocationStatus.TIMED_OUT,
                    "ExecutionTimedOut", -1, "", "The script ran longer than its execution timeout of "
                            + command.executionTimeout().toSeconds() + " seconds and was stopped.\n"));
        } else {
            scheduler.schedule(now.plus(run.runTime()), () -> finish(invocation));
        }
    }

    private void finish(CommandInvocation invocation) {
        ScriptRun run = invocation.run();
        if (!run.registersAgent()) {
            end(invocation, run.endStatus(), run.endDetails(), run.exitCode(), run.output(), run.error());
            return;
        }
        try {
            String sourceServerId = registration.register(invocation.instanceId());
            end(invocation, InvocationStatus.SUCCESS, "Success", 0,
                    run.output().isEmpty() ? InstallerOutput.registered(sourceServerId) : run.output(), "");
        } catch (IllegalArgumentException | IllegalStateException refused) {
            end(invocation, InvocationStatus.FAILED, "Failed", 1, InstallerOutput.failedBeforeRegistering(),
                    "The agent could not register with the Application Migration Service: " + refused.getMessage() + "\n");
        }
    }

    private synchronized void end(CommandInvocation invocation, InvocationStatus status, String details, int exitCode,
                                  String output, String error) {
        invocation.end(scheduler.clock().instant(), status, details, exitCode, output, error);
    }

    private synchronized ObjectNode getCommandInvocation(JsonNode body, boolean inSourceRegion) {
        String commandId = requiredText(body, "CommandId");
        String instanceId = requiredText(body, "InstanceId");
        Optional<SentCommand> command = inSourceRegion ? find(commandId) : Optional.empty();
        CommandInvocation invocation = command.map(sent -> sent.invocations().get(instanceId))
                .filter(CommandInvocation::visible)
                .orElseThrow(() -> new SsmException("InvocationDoesNotExist", "Command " + commandId
                        + " has no invocation on " + instanceId));
        String plugin = body.path("PluginName").asText(invocation.platform().pluginName());
        if (!plugin.equals(invocation.platform().pluginName())) {
            throw new SsmException("InvalidPluginName", "The document of command " + commandId + " has no plugin " + plugin);
        }
        SentCommand sent = command.get();
        ObjectNode answer = JSON.createObjectNode();
        answer.put("CommandId", commandId);
        answer.put("InstanceId", instanceId);
        answer.put("Comment", sent.comment());
        answer.put("DocumentName", sent.documentName());
        answer.put("DocumentVersion", "$DEFAULT");
        answer.put("PluginName", plugin);
        answer.put("ResponseCode", invocation.responseCode());
        answer.put("ExecutionStartDateTime", invocation.startedAt() == null ? "" : invocation.startedAt().toString());
        answer.put("ExecutionElapsedTime", invocation.startedAt() == null ? "" : Duration.between(invocation.startedAt(),
                invocation.endedAt() == null ? scheduler.clock().instant() : invocation.endedAt()).toString());
        answer.put("ExecutionEndDateTime", invocation.endedAt() == null ? "" : invocation.endedAt().toString());
        answer.put("Status", invocation.status().wireName());
        answer.put("StatusDetails", invocation.statusDetails());
        answer.put("StandardOutputContent", capped(invocation.output()));
        answer.put("StandardOutputUrl", "");
        answer.put("StandardErrorContent", capped(invocation.error()));
        answer.put("StandardErrorUrl", "");
        answer.putObject("CloudWatchOutputConfig").put("CloudWatchOutputEnabled", false);
        return answer;
    }

    private synchronized ObjectNode listCommands(JsonNode body, boolean inSourceRegion) {
        Predicate<SentCommand> filter = CommandFilters.of(body);
        String commandId = optionalText(body, "CommandId");
        if (commandId != null && (!inSourceRegion || find(commandId).isEmpty())) {
            throw new SsmException("InvalidCommandId", "No command " + commandId);
        }
        String instanceId = optionalText(body, "InstanceId");
        List<SentCommand> matching = (inSourceRegion ? commands : List.<SentCommand>of()).stream()
                .filter(command -> commandId == null || command.commandId().equals(commandId))
                .filter(command -> instanceId == null || command.invocations().containsKey(instanceId))
                .filter(filter)
                .sorted(Comparator.comparing(SentCommand::requestedAt).reversed())
                .toList();
        int pageSize = pageSize(body, "MaxResults", 1, MAX_COMMAND_PAGE, MAX_COMMAND_PAGE);
        int from = offset(body);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode list = answer.putArray("Commands");
        matching.stream().skip(from).limit(pageSize).forEach(command -> writeCommand(list.addObject(), command));
        if (from + pageSize < matching.size()) {
            answer.put("NextToken", Integer.toString(from + pageSize));
        }
        return answer;
    }

    private static void writeCommand(ObjectNode node, SentCommand command) {
        node.put("CommandId", command.commandId());
        node.put("DocumentName", command.documentName());
        node.put("DocumentVersion", "$DEFAULT");
        node.put("Comment", command.comment());
        node.put("ExpiresAfter", epochSeconds(command.expiresAfter()));
        ObjectNode parameters = node.putObject("Parameters");
        command.parameters().forEach((name, values) -> values.forEach(parameters.putArray(name)::add));
        command.instanceIds().forEach(node.putArray("InstanceIds")::add);
        node.putArray("Targets");
        node.put("RequestedDateTime", epochSeconds(command.requestedAt()));
        InvocationStatus status = command.status();
        node.put("Status", status.wireName());
        node.put("StatusDetails", status.wireName());
        node.put("OutputS3Region", "");
        node.put("MaxConcurrency", "50");
        node.put("MaxErrors", "0");
        node.put("TargetCount", command.invocations().size());
        node.put("CompletedCount", command.invocations().values().stream().filter(i -> i.status().finished()).count());
        node.put("ErrorCount", command.count(InvocationStatus.FAILED));
        node.put("DeliveryTimedOutCount", command.invocations().values().stream()
                .filter(i -> "DeliveryTimedOut".equals(i.statusDetails())).count());
        node.put("TimeoutSeconds", command.deliveryTimeout().toSeconds());
        node.put("ServiceRole", "");
        node.putObject("NotificationConfig");
        node.putObject("CloudWatchOutputConfig").put("CloudWatchOutputEnabled", false);
    }

    private Optional<SentCommand> find(String commandId) {
        return commands.stream().filter(command -> command.commandId().equals(commandId)).findFirst();
    }

    private String commandId() {
        return UUID.randomUUID().toString();
    }

    private static String capped(String output) {
        return output.length() <= MAX_OUTPUT_CHARACTERS ? output : output.substring(0, MAX_OUTPUT_CHARACTERS);
    }

    static double epochSeconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    static String requiredText(JsonNode body, String field) {
        String value = optionalText(body, field);
        if (value == null) {
            throw new SsmException("ValidationException", "1 validation error detected: Value null at '"
                    + Character.toLowerCase(field.charAt(0)) + field.substring(1)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    static String optionalText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static int pageSize(JsonNode body, String field, int minimum, int maximum, int defaultSize) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return defaultSize;
        }
        if (!value.canConvertToInt() || value.intValue() < minimum || value.intValue() > maximum) {
            throw new SsmException("ValidationException", "1 validation error detected: Value '" + value.asText()
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value between " + minimum
                    + " and " + maximum);
        }
        return value.intValue();
    }

    private static int offset(JsonNode body) {
        String token = optionalText(body, "NextToken");
        if (token == null) {
            return 0;
        }
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw new SsmException("InvalidNextToken", "The specified token is not valid: " + token);
        }
    }

    private static LocalResponse error(SsmException e) {
        ObjectNode error = JSON.createObjectNode();
        error.put("__type", e.code());
        error.put("message", e.getMessage());
        return LocalResponse.of(400, CONTENT_TYPE, error.toString());
    }
}
