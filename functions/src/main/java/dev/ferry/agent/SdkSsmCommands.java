package dev.ferry.agent;

import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationRequest;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationResponse;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationRequest;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** {@link SsmCommands} on an SSM client of the source region. */
public class SdkSsmCommands implements SsmCommands {

    /** Instance IDs per DescribeInstanceInformation filter. */
    static final int INSTANCE_BATCH = 50;
    static final int MAX_COMMENT_LENGTH = 100;

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
                            .comment(comment.length() <= MAX_COMMENT_LENGTH ? comment : comment.substring(0, MAX_COMMENT_LENGTH))
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
}
