package dev.ferry.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code detail} of a Ferry event, one record per detail type (docs/events.md documents each,
 * events/ferry-event-*.json shows one). Every field of a type is always present, null when it has
 * no value, so that a type's shape never varies. Lists of servers are bounded ({@link #MAX_SERVERS})
 * so that an event of a 1,000-server wave stays far below PutEvents' 256 KiB.
 */
public sealed interface FerryEventDetail {

    /** The version of these shapes; a field is only ever added within a version. */
    String SCHEMA_VERSION = "1";
    /** The most servers an event lists; {@code serversOmitted} counts the rest. */
    int MAX_SERVERS = 100;

    /** The fields every detail starts with. */
    WaveHeader header();

    /**
     * What identifies the event and its wave.
     *
     * @param schemaVersion {@link #SCHEMA_VERSION}
     * @param eventId       the same for every publication of the same occurrence (a retried stage
     *                      publishes again): consumers de-duplicate on it, not on the envelope's {@code id}
     * @param waveId        the wave (its execution's name)
     * @param waveName      the wave's name in its file
     * @param execution     the ARN of the wave's Step Functions execution
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record WaveHeader(String schemaVersion, String eventId, String waveId, String waveName, String execution) {

        /**
         * The header of an occurrence named by its parts (the wave, the event type, a stage or
         * server): the event ID is a name-based UUID of them, so it is stable across retries.
         */
        public static WaveHeader of(String waveId, String waveName, String execution, FerryEventType type,
                                    String... occurrence) {
            String name = waveId + "/" + type.name() + (occurrence.length == 0 ? "" : "/" + String.join("/", occurrence));
            return new WaveHeader(SCHEMA_VERSION, UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString(),
                    waveId, waveName, execution);
        }
    }

    /**
     * How many of the wave's servers stand where.
     *
     * @param total   servers in the wave
     * @param active  still moving forward
     * @param cutOver cut over (and validated)
     * @param failed  failed a stage
     * @param leftOut left behind without a failure of their own
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Counts(int total, int active, int cutOver, int failed, int leftOut) {
    }

    /**
     * One server as an event lists it.
     *
     * @param sourceServerId   its MGN source server ID
     * @param name             what people call it
     * @param sourceInstanceId its EC2 source instance, or null
     * @param status           ACTIVE, CUT_OVER, FAILED or LEFT_OUT
     * @param stage            the stage it is in, or failed in
     * @param reason           why it failed or was left out, or null
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ServerSummary(String sourceServerId, String name, String sourceInstanceId, String status, String stage,
                         String reason) {
    }

    /**
     * A server as the wave file names it (before agent installation a server has no MGN ID yet).
     *
     * @param sourceServerId   its MGN source server ID, or null when the wave names its instance
     * @param sourceInstanceId its EC2 source instance, or null when the wave names its MGN ID
     * @param name             the wave's name for it, or null
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ServerRef(String sourceServerId, String sourceInstanceId, String name) {
    }

    /**
     * {@code Ferry Wave Started}: the wave passed preflight.
     *
     * @param serverCount the servers the wave names
     * @param servers     the first {@link #MAX_SERVERS} of them, as the wave names them
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"schemaVersion", "eventId", "waveId", "waveName", "execution"})
    record WaveStarted(@JsonUnwrapped WaveHeader header, String sourceRegion, String targetRegion, int serverCount,
                       List<ServerRef> servers, int serversOmitted) implements FerryEventDetail {
    }

    /**
     * {@code Ferry Stage Changed}: a stage of the wave has ended for every server it acts on.
     *
     * @param stage   the state machine's name for the stage, e.g. {@code PrepareLaunch}, {@code SettleTest}
     * @param stopped whether the wave stops (a failure under the STOP policy)
     * @param servers the servers that failed or were left out so far (at most {@link #MAX_SERVERS})
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"schemaVersion", "eventId", "waveId", "waveName", "execution"})
    record StageChanged(@JsonUnwrapped WaveHeader header, String stage, boolean stopped, Counts counts,
                        List<ServerSummary> servers, int serversOmitted) implements FerryEventDetail {
    }

    /**
     * {@code Ferry Server Outcome}: how one server ended the wave; one event per server, sent when the wave ends.
     *
     * @param waveStatus        how the wave ended
     * @param server            the server and its outcome ({@code status})
     * @param testInstanceId    the instance its test launched, or null
     * @param cutoverInstanceId the instance its cutover launched, or null
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"schemaVersion", "eventId", "waveId", "waveName", "execution"})
    record ServerOutcome(@JsonUnwrapped WaveHeader header, String waveStatus, ServerSummary server,
                         String testInstanceId, String cutoverInstanceId) implements FerryEventDetail {
    }

    /**
     * {@code Ferry Approval Requested}: the cutover waits for a person's decision. The approval's
     * own ID is left out on purpose: it is what the approval link carries.
     *
     * @param expiresAt when the request expires (the cutover is then not approved)
     * @param counts    the servers, the active ones being those the approval would cut over
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"schemaVersion", "eventId", "waveId", "waveName", "execution"})
    record ApprovalRequested(@JsonUnwrapped WaveHeader header, Instant expiresAt, Counts counts)
            implements FerryEventDetail {
    }

    /**
     * {@code Ferry Approval Decided}: the cutover was approved, rejected, or not decided in time.
     *
     * @param decision  APPROVED, REJECTED or TIMED_OUT
     * @param approver  who decided, as the approval page recorded it, or null when it timed out
     * @param decidedAt when, or null when it timed out
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"schemaVersion", "eventId", "waveId", "waveName", "execution"})
    record ApprovalDecided(@JsonUnwrapped WaveHeader header, String decision, String approver, Instant decidedAt)
            implements FerryEventDetail {
    }

    /**
     * {@code Ferry Wave Ended}: the wave's report is out.
     *
     * @param status COMPLETED, NOT_APPROVED, STOPPED or FAILED
     * @param reason why it did not complete, or null
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"schemaVersion", "eventId", "waveId", "waveName", "execution"})
    record WaveEnded(@JsonUnwrapped WaveHeader header, String status, String reason, Counts counts)
            implements FerryEventDetail {
    }
}
