package dev.ferry.notify;

import dev.ferry.server.Phase;
import dev.ferry.server.ServerRecord;

import java.util.List;

import static dev.ferry.notify.Wording.servers;

/** The one message about the servers that failed a launch phase, sent when they have been settled. */
public final class FailuresMessage {

    private FailuresMessage() {
    }

    /**
     * @param waveName    the wave
     * @param phase       the phase the servers failed in
     * @param failed      the failed servers, each with its failure
     * @param waveStops   whether the wave stops because of them (policy STOP)
     * @param stillActive how many servers go on with the wave
     */
    public static Notification of(String waveName, Phase phase, List<ServerRecord> failed, boolean waveStops,
                                  int stillActive) {
        String phaseName = phase == Phase.TEST ? "test" : "cutover";
        String subject = "Ferry wave " + waveName + ": " + servers(failed.size()) + " failed the " + phaseName;
        TextTable table = new TextTable("Server", "Source server", "Stage", "Reason");
        for (ServerRecord server : failed) {
            ServerRecord.Failure failure = server.failure();
            table.row(server.label(), server.sourceServerId(),
                    failure == null ? server.stage().name() : failure.stage().name(),
                    failure == null ? null : failure.reason());
        }
        String body = servers(failed.size()) + " failed during the " + phaseName + " of wave " + waveName + ".\n\n"
                + table.render() + "\n"
                + whatWasDone(phase) + "\n"
                + (waveStops
                    ? "The wave stops: its policy is to stop when a server fails."
                    : "The wave goes on with the " + servers(stillActive) + " still active.")
                + "\n";
        return new Notification(subject, body);
    }

    private static String whatWasDone(Phase phase) {
        return phase == Phase.TEST
                ? "Ferry put them back to READY_FOR_TEST and terminated their test instances; they keep replicating"
                        + " and can join a later wave."
                : "Ferry put them back to READY_FOR_CUTOVER and terminated their cutover instances where MGN allows;"
                        + " their source servers were not touched and keep replicating.";
    }
}
