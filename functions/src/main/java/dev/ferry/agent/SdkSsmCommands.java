package dev.ferry.agent;

import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.CommandFilter;
import software.amazon.awssdk.services.ssm.model.CommandFilterKey;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationRequest;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationResponse;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationRequest;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;
import software.amazon.awssdk.services.ssm.model.ListCommandsRequest;
import software.amazon.awssdk.services.ssm.model.ListCommandsResponse;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link SsmCommands} on an SSM client of the source region. */
public class SdkSsmCommands implements SsmCommands {

    /** Instance IDs per DescribeInstanceInformation filter. */
    static final int INSTANCE_BATCH = 50;
    static final int MAX_COMMENT_LENGTH = 100;
    /** ListCommands returns at most 50 commands per page. */
    static final int COMMANDS_PER_PAGE = 50;

    private static final Comparator<Command> LATEST_FIRST = Comparator.comparing(Command::requestedDateTime,
            Comparator.nullsLast(Comparator.reverseOrder()));

    private final SsmClient ssm;

    /** @param ssm a client of the source region */
    public SdkSsmCommands(SsmClient ssm) {
        this.ssm = ssm;
    }

    @Override
    public Map<String, ManagedInstance> managedInstances(Collection<String> instanceIds) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(instanceIds));
        Map<String, ManagedInstance> found = new LinkedHashMap<>();
        for (int start = 0; start < distinct.size(); start += INSTANCE_BATCH) {
            List<String> batch = distinct.subList(start, Math.min(start + INSTANCE_BATCH, distinct.size()));
            DescribeInstanceInformationRequest request = DescribeInstanceInformationRequest.builder()
                    .filters(InstanceInformationStringFilter.builder().key("InstanceIds").values(batch).build())
                    .build();
            while (true) {
                DescribeInstanceInformationResponse response = ssm.describeInstanceInformation(request);
                for (InstanceInformation instance : response.instanceInformationList()) {
                    found.put(instance.instanceId(), new ManagedInstance(instance.instanceId(),
                            instance.pingStatusAsString(), instance.platformTypeAsString()));
                }
                if (response.nextToken() == null || response.nextToken().isEmpty()) {
                    break;
                }
                request = request.toBuilder().nextToken(response.nextToken()).build();
            }
        }
        return found;
    }

    @Override
    public String send(String instanceId, RunCommandScript script, String comment, Duration executionTimeout) {
        try {
            return ssm.sendCommand(SendCommandRequest.builder()
                            .instanceIds(instanceId)
                            .documentName(script.document().documentName())
                            .comment(cut(comment))
                            .parameters(Map.of(
                                    "commands", script.commands(),
                                    "executionTimeout", List.of(Long.toString(executionTimeout.toSeconds()))))
                            .build())
                    .command()
                    .commandId();
        } catch (InvalidInstanceIdException e) {
            throw new InstanceNotManagedException("Systems Manager cannot run commands on " + instanceId
                    + ": it is not managed by SSM, not online, or not in this region", e);
        }
    }

    @Override
    public Optional<String> findSent(String instanceId, String documentName, String comment) {
        String sentComment = cut(comment);
        ListCommandsRequest request = ListCommandsRequest.builder()
                .instanceId(instanceId)
                .filters(CommandFilter.builder().key(CommandFilterKey.DOCUMENT_NAME).value(documentName).build())
                .maxResults(COMMANDS_PER_PAGE)
                .build();
        Command latest = null;
        while (true) {
            ListCommandsResponse response = ssm.listCommands(request);
            for (Command command : response.commands()) {
                // Matched here again: the comment exactly, and the document in case an endpoint ignores the filter.
                if (documentName.equals(command.documentName()) && sentComment.equals(command.comment())
                        && (latest == null || LATEST_FIRST.compare(command, latest) < 0)) {
                    latest = command;
                }
            }
            if (response.nextToken() == null || response.nextToken().isEmpty()) {
                return Optional.ofNullable(latest).map(Command::commandId);
            }
            request = request.toBuilder().nextToken(response.nextToken()).build();
        }
    }

    @Override
    public CommandResult result(String commandId, String instanceId) {
        try {
            GetCommandInvocationResponse invocation = ssm.getCommandInvocation(GetCommandInvocationRequest.builder()
                    .commandId(commandId)
                    .instanceId(instanceId)
                    .build());
            CommandStatus status = CommandStatus.fromSsm(invocation.statusAsString());
            // SSM reports -1 until the script has ended.
            Integer exitCode = status.finished() && invocation.responseCode() != null && invocation.responseCode() >= 0
                    ? invocation.responseCode()
                    : null;
            return new CommandResult(commandId, instanceId, status, exitCode,
                    CommandResult.excerpt(invocation.standardOutputContent()),
                    CommandResult.excerpt(invocation.standardErrorContent()));
        } catch (InvocationDoesNotExistException notYet) {
            // Right after SendCommand, the invocation may not be visible yet.
            return new CommandResult(commandId, instanceId, CommandStatus.PENDING, null, "", "");
        }
    }

    /** SSM keeps at most 100 characters of a comment. */
    static String cut(String comment) {
        return comment.length() <= MAX_COMMENT_LENGTH ? comment : comment.substring(0, MAX_COMMENT_LENGTH);
    }
}
