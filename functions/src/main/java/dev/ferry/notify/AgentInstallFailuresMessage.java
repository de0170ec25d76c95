package dev.ferry.notify;

import dev.ferry.agent.AgentInstallRecord;

import java.util.List;

import static dev.ferry.notify.Wording.servers;

/** The one message about the agent installations that failed, sent when every installation has finished. */
public final class AgentInstallFailuresMessage {

    private AgentInstallFailuresMessage() {
    }

    /**
     * @param waveName    the wave
     * @param failed      the failed installations, each with its reason
     * @param waveStops   whether the wave stops because of them (policy STOP)
     * @param stillActive how many servers go on with the wave
     */
    public static Notification of(String waveName, List<AgentInstallRecord> failed, boolean waveStops,
                                  int stillActive) {
        String subject = "Ferry wave " + waveName + ": the replication agent could not be installed on "
                + servers(failed.size());
        TextTable table = new TextTable("Server", "Instance", "Command", "Reason");
        for (AgentInstallRecord install : failed) {
            table.row(install.label(), install.instanceId(), install.commandId(), install.failure());
        }
        String body = "The replication agent could not be installed on " + servers(failed.size()) + " of wave "
                + waveName + ".\n\n"
                + table.render() + "\n"
                + "These servers do not move with this wave. No credential was created for them; the final report"
                + " lists any change Ferry made to their instance profile or role.\n"
                + (waveStops
                    ? "The wave stops: its policy is to stop when a server fails."
                    : "The wave goes on with the " + servers(stillActive) + " still active.")
                + "\n";
        return new Notification(subject, body);
    }
}
