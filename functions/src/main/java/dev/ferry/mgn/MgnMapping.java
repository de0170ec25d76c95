package dev.ferry.mgn;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.mgn.model.DataReplicationError;
import software.amazon.awssdk.services.mgn.model.DataReplicationInfo;
import software.amazon.awssdk.services.mgn.model.IdentificationHints;
import software.amazon.awssdk.services.mgn.model.ParticipatingServer;
import software.amazon.awssdk.services.mgn.model.SourceProperties;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Maps the MGN SDK's response types to the controller's records. */
final class MgnMapping {

    private static final Logger LOG = LoggerFactory.getLogger(MgnMapping.class);

    private MgnMapping() {
    }

    static SourceServer sourceServer(software.amazon.awssdk.services.mgn.model.SourceServer server) {
        Optional<IdentificationHints> hints = Optional.ofNullable(server.sourceProperties())
                .map(SourceProperties::identificationHints);
        Optional<DataReplicationInfo> replication = Optional.ofNullable(server.dataReplicationInfo());
        return new SourceServer(
                server.sourceServerID(),
                server.arn(),
                hints.map(IdentificationHints::hostname).orElse(null),
                hints.map(IdentificationHints::awsInstanceID).orElse(null),
                LifecycleState.fromWire(server.lifeCycle() == null ? null : server.lifeCycle().stateAsString()),
                replication.map(DataReplicationInfo::dataReplicationStateAsString).orElse(null),
                replication.map(DataReplicationInfo::dataReplicationError).map(DataReplicationError::errorAsString).orElse(null),
                replication.map(DataReplicationInfo::lagDuration).map(lag -> lag(server.sourceServerID(), lag)).orElse(null),
                Boolean.TRUE.equals(server.isArchived()),
                server.launchedInstance() == null ? null : server.launchedInstance().ec2InstanceID(),
                server.applicationID());
    }

    static MgnWave wave(software.amazon.awssdk.services.mgn.model.Wave wave) {
        return new MgnWave(wave.waveID(), wave.name(), Boolean.TRUE.equals(wave.isArchived()),
                instant(wave.creationDateTime()));
    }

    static MgnWave wave(software.amazon.awssdk.services.mgn.model.CreateWaveResponse wave) {
        return new MgnWave(wave.waveID(), wave.name(), Boolean.TRUE.equals(wave.isArchived()),
                instant(wave.creationDateTime()));
    }

    static MgnApplication application(software.amazon.awssdk.services.mgn.model.CreateApplicationResponse application) {
        return new MgnApplication(application.applicationID(), application.name(), application.waveID(),
                Boolean.TRUE.equals(application.isArchived()), instant(application.creationDateTime()));
    }

    static MgnApplication application(software.amazon.awssdk.services.mgn.model.Application application) {
        return new MgnApplication(application.applicationID(), application.name(), application.waveID(),
                Boolean.TRUE.equals(application.isArchived()), instant(application.creationDateTime()));
    }

    private static Instant instant(String isoDateTime) {
        return isoDateTime == null ? null : Instant.parse(isoDateTime);
    }

    static Job job(software.amazon.awssdk.services.mgn.model.Job job) {
        return new Job(
                job.jobID(),
                job.typeAsString(),
                job.initiatedByAsString(),
                job.statusAsString(),
                job.creationDateTime() == null ? null : Instant.parse(job.creationDateTime()),
                job.participatingServers().stream().map(MgnMapping::participant).toList());
    }

    private static Job.Participant participant(ParticipatingServer server) {
        return new Job.Participant(server.sourceServerID(), server.launchStatusAsString(),
                server.launchedEc2InstanceID());
    }

    /**
     * {@code lagDuration} as a duration. Its mere presence is what makes a server launchable, so
     * a value in a form this cannot read (a date-based period in years or months, say) is read as
     * its nearest duration, and junk as zero rather than as "no lag".
     */
    static Duration lag(String sourceServerId, String isoDuration) {
        try {
            return Duration.parse(isoDuration);
        } catch (DateTimeParseException notTimeBased) {
            try {
                LocalDate epoch = LocalDate.EPOCH;
                return Duration.between(epoch.atStartOfDay(), epoch.plus(Period.parse(isoDuration)).atStartOfDay());
            } catch (DateTimeParseException unreadable) {
                LOG.warn("Unreadable lagDuration {} of source server {}; taking it as zero", isoDuration, sourceServerId);
                return Duration.ZERO;
            }
        }
    }
}
