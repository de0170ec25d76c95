package dev.ferry.agent.testing;

import dev.ferry.agent.CommandResult;
import dev.ferry.agent.CommandStatus;
import dev.ferry.agent.InstanceNotManagedException;
import dev.ferry.agent.ManagedInstance;
import dev.ferry.agent.RunCommandScript;
import dev.ferry.agent.SsmCommands;
import dev.ferry.testing.SimulatedCrash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Systems Manager of the source region in memory: the instances it manages, the commands sent
 * (recorded in order), and each command's result as a test sets it. A test can make the function
 * die right after a command was sent, as a Lambda that crashes before it stores the command ID.
 */
public final class FakeSsmCommands implements SsmCommands {

    /** A command as SendCommand received it. */
    public record Sent(String commandId, String instanceId, RunCommandScript script, String comment,
                       Duration executionTimeout) {
    }

    private final Map<String, ManagedInstance> managed = new HashMap<>();
    private final List<Sent> sent = new ArrayList<>();
    private final Map<String, CommandResult> results = new HashMap<>();
    private boolean crashAfterNextSend;

    /** The instance is managed by SSM and online. */
    public synchronized FakeSsmCommands online(String instanceId) {
        managed.put(instanceId, new ManagedInstance(instanceId, "Online", "Linux"));
        return this;
    }

    /** The next command is sent, then the caller dies before it learns the command ID. */
    public synchronized void crashAfterNextSend() {
        crashAfterNextSend = true;
    }

    /** The command on the instance ends this way. */
    public synchronized void finish(String commandId, CommandStatus status, Integer exitCode, String output,
                                    String error) {
        Sent command = sent.stream().filter(candidate -> candidate.commandId().equals(commandId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no command " + commandId));
        results.put(commandId, new CommandResult(commandId, command.instanceId(), status, exitCode, output, error));
    }

    /** Every command sent, in order. */
    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The last command sent to the instance. */
    public synchronized Sent lastSentTo(String instanceId) {
        return sent.reversed().stream().filter(command -> command.instanceId().equals(instanceId)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing was sent to " + instanceId));
    }

    @Override
    public synchronized Map<String, ManagedInstance> managedInstances(Collection<String> instanceIds) {
        Map<String, ManagedInstance> found = new LinkedHashMap<>();
        instanceIds.stream().filter(managed::containsKey).forEach(id -> found.put(id, managed.get(id)));
        return found;
    }

    @Override
    public synchronized String send(String instanceId, RunCommandScript script, String comment,
                                    Duration executionTimeout) {
        ManagedInstance instance = managed.get(instanceId);
        if (instance == null || !instance.online()) {
            throw new InstanceNotManagedException("Systems Manager cannot run commands on " + instanceId, null);
        }
        String commandId = "cmd-%04d".formatted(sent.size() + 1);
        sent.add(new Sent(commandId, instanceId, script, comment, executionTimeout));
        if (crashAfterNextSend) {
            crashAfterNextSend = false;
            throw new SimulatedCrash("after sending " + commandId);
        }
        return commandId;
    }

    @Override
    public synchronized Optional<String> findSent(String instanceId, String documentName, String comment) {
        return sent.reversed().stream()
                .filter(command -> command.instanceId().equals(instanceId)
                        && command.script().document().documentName().equals(documentName)
                        && command.comment().equals(comment))
                .map(Sent::commandId)
                .findFirst();
    }

    @Override
    public synchronized CommandResult result(String commandId, String instanceId) {
        return results.getOrDefault(commandId,
                new CommandResult(commandId, instanceId, CommandStatus.IN_PROGRESS, null, "", ""));
    }
}
