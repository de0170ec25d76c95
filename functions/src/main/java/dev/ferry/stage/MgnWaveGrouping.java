package dev.ferry.stage;

import dev.ferry.mgn.MgnApplication;
import dev.ferry.mgn.MgnConflictException;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.mgn.MgnWave;
import dev.ferry.mgn.SourceServer;
import dev.ferry.wave.MgnWaveSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The MGN wave and application a Ferry wave asks for in {@code mgnWave}, so that the MGN console's
 * Waves and Applications pages show the wave's servers together: found by name (MGN lists waves
 * and applications by ID or archival only, so the names are matched here) or created, the
 * application put in the wave, the servers in the application, and both archived once every
 * server of them is.
 *
 * <p>Safe to run again after a crash at any point: each step first reads what is there. A create
 * whose answer was lost is found by name on the retry, so no second wave or application is made;
 * when several active ones share the name (made by hand, or by two racing attempts), the oldest is
 * used, always the same one. A server already in the application is left as it is; a server in
 * another application is a preflight problem, never moved, because that application is someone
 * else's plan.
 */
public final class MgnWaveGrouping {

    /** MGN's quota of source servers per application (not adjustable). */
    public static final int MAX_SERVERS_PER_APPLICATION = 200;
    /** MGN's quotas of active (not archived) applications and waves per account and region (not adjustable). */
    public static final int MAX_ACTIVE_APPLICATIONS = 200;
    public static final int MAX_ACTIVE_WAVES = 200;

    private static final Logger LOG = LoggerFactory.getLogger(MgnWaveGrouping.class);
    /** Oldest first; MGN's IDs break ties so that every attempt picks the same one. */
    private static final Comparator<Instant> OLDEST_FIRST = Comparator.nullsLast(Comparator.naturalOrder());

    private final MgnGateway mgn;

    public MgnWaveGrouping(MgnGateway mgn) {
        this.mgn = mgn;
    }

    /**
     * A server of the wave as MGN knows it.
     *
     * @param label  how the wave names it (its name, else its source server ID)
     * @param server what MGN says of it
     */
    public record Member(String label, SourceServer server) {
    }

    /**
     * The MGN wave and application the servers are in, and how many servers this call put there.
     *
     * @param associated servers added to the application by this call (0 when they all were already)
     */
    public record Grouping(MgnWave wave, MgnApplication application, int associated) {
    }

    /** What {@link #archiveWhenDone} did: each of application and wave is archived, already was, or is kept. */
    public enum Archival { ARCHIVED, ALREADY_ARCHIVED, KEPT }

    /**
     * Why the wave cannot have its MGN wave and application, one problem a line; none when it can.
     * Reads MGN only.
     */
    public List<String> problems(String waveId, MgnWaveSettings settings, List<Member> members) {
        List<String> problems = new ArrayList<>();
        String waveName = settings.waveName(waveId);
        String applicationName = settings.applicationName(waveId);
        List<MgnApplication> applications = mgn.activeApplications();
        Map<String, MgnApplication> applicationsById = byId(applications, MgnApplication::id);
        Optional<MgnApplication> application = oldestApplicationNamed(applications, applicationName);
        for (Member member : members) {
            String in = member.server().applicationId();
            if (in != null && application.map(ours -> !ours.id().equals(in)).orElse(true)) {
                MgnApplication other = applicationsById.get(in);
                problems.add("mgnWave: server " + member.label() + " (" + member.server().id() + ") is in MGN application "
                        + (other != null ? "\"" + other.name() + "\" (" + in + ")" : in) + "; Ferry does not take a "
                        + "server out of another application: remove it from there, or name that application in "
                        + "mgnWave.application");
            }
        }
        if (members.size() > MAX_SERVERS_PER_APPLICATION) {
            problems.add("mgnWave: an MGN application holds at most " + MAX_SERVERS_PER_APPLICATION
                    + " source servers and this wave has " + members.size() + " in MGN; split the wave, or leave "
                    + "mgnWave out");
        }
        List<MgnWave> waves = mgn.activeWaves();
        Optional<MgnWave> wave = oldestWaveNamed(waves, waveName);
        application.filter(ours -> ours.waveId() != null
                        && wave.map(named -> !named.id().equals(ours.waveId())).orElse(true))
                .ifPresent(ours -> {
                    MgnWave other = byId(waves, MgnWave::id).get(ours.waveId());
                    problems.add("mgnWave.application: MGN application \"" + applicationName + "\" (" + ours.id()
                            + ") is in MGN wave " + (other != null ? "\"" + other.name() + "\" (" + ours.waveId() + ")"
                            : ours.waveId()) + ", not in \"" + waveName + "\"; name that wave in mgnWave.name, or "
                            + "give the application another name");
                });
        if (application.isEmpty() && applications.size() >= MAX_ACTIVE_APPLICATIONS) {
            problems.add("mgnWave: MGN has " + applications.size() + " active applications in the region, its limit "
                    + "(" + MAX_ACTIVE_APPLICATIONS + "), so \"" + applicationName + "\" cannot be created; archive "
                    + "finished applications, or name an existing one in mgnWave.application");
        }
        if (wave.isEmpty() && waves.size() >= MAX_ACTIVE_WAVES) {
            problems.add("mgnWave: MGN has " + waves.size() + " active waves in the region, its limit ("
                    + MAX_ACTIVE_WAVES + "), so \"" + waveName + "\" cannot be created; archive finished waves, or "
                    + "name an existing one in mgnWave.name");
        }
        return problems;
    }

    /**
     * Finds or creates the MGN wave and application, puts the application in the wave and the
     * servers in the application. Call it after {@link #problems} found none.
     *
     * @throws MgnConflictException when MGN refuses an association (a person changed the grouping meanwhile)
     */
    public Grouping prepare(String waveId, MgnWaveSettings settings, List<SourceServer> servers) {
        String description = "Servers Ferry moves in wave " + waveId;
        String waveName = settings.waveName(waveId);
        String applicationName = settings.applicationName(waveId);
        MgnWave wave = oldestWaveNamed(mgn.activeWaves(), waveName).orElseGet(() -> {
            LOG.info("Creating MGN wave {}", waveName);
            return mgn.createWave(waveName, description);
        });
        MgnApplication application = oldestApplicationNamed(mgn.activeApplications(), applicationName)
                .orElseGet(() -> {
                    LOG.info("Creating MGN application {}", applicationName);
                    return mgn.createApplication(applicationName, description);
                });
        if (application.waveId() == null) {
            mgn.associateApplication(wave.id(), application.id());
        } else if (!application.waveId().equals(wave.id())) {
            throw new MgnConflictException("MGN application " + application.id() + " moved to MGN wave "
                    + application.waveId() + " while preflight ran; it is not in " + wave.id(), null);
        }
        List<String> outside = servers.stream()
                .filter(server -> !application.id().equals(server.applicationId()))
                .map(SourceServer::id)
                .toList();
        if (!outside.isEmpty()) {
            mgn.associateSourceServers(application.id(), outside);
        }
        LOG.info("MGN wave {} ({}) holds application {} ({}): {} servers, {} added now", waveName, wave.id(),
                applicationName, application.id(), servers.size(), outside.size());
        return new Grouping(wave, application, outside.size());
    }

    /**
     * Archives the application once every server in it is archived, then the wave once every
     * application in it is, as MGN archives only what no longer migrates. A second call finds them
     * archived and changes nothing.
     *
     * @return what became of the application and of the wave, in that order
     */
    public List<Archival> archiveWhenDone(String waveId, MgnWaveSettings settings) {
        String applicationName = settings.applicationName(waveId);
        Optional<MgnApplication> application = oldestApplicationNamed(mgn.activeApplications(), applicationName);
        Archival applicationArchival = Archival.ALREADY_ARCHIVED;
        if (application.isPresent()) {
            String id = application.get().id();
            long unarchived = mgn.sourceServersInApplication(id).stream().filter(server -> !server.archived()).count();
            if (unarchived > 0) {
                LOG.info("MGN application {} ({}) kept: {} of its servers are not archived", applicationName, id,
                        unarchived);
                return List.of(Archival.KEPT, Archival.KEPT);
            }
            archive(() -> mgn.archiveApplication(id),
                    () -> mgn.activeApplications().stream().noneMatch(active -> active.id().equals(id)));
            applicationArchival = Archival.ARCHIVED;
        }
        String waveName = settings.waveName(waveId);
        Optional<MgnWave> wave = oldestWaveNamed(mgn.activeWaves(), waveName);
        if (wave.isEmpty()) {
            return List.of(applicationArchival, Archival.ALREADY_ARCHIVED);
        }
        String id = wave.get().id();
        long active = mgn.applicationsInWave(id).stream().filter(inWave -> !inWave.archived()).count();
        if (active > 0) {
            LOG.info("MGN wave {} ({}) kept: {} of its applications are not archived", waveName, id, active);
            return List.of(applicationArchival, Archival.KEPT);
        }
        archive(() -> mgn.archiveWave(id), () -> mgn.activeWaves().stream().noneMatch(w -> w.id().equals(id)));
        LOG.info("Archived MGN wave {} ({})", waveName, id);
        return List.of(applicationArchival, Archival.ARCHIVED);
    }

    /** Archives; a conflict from an archive an earlier attempt already made is no failure. */
    private static void archive(Runnable archive, BooleanSupplier isArchived) {
        try {
            archive.run();
        } catch (MgnConflictException conflict) {
            if (!isArchived.getAsBoolean()) {
                throw conflict;
            }
        }
    }

    private static Optional<MgnWave> oldestWaveNamed(Collection<MgnWave> waves, String name) {
        return waves.stream()
                .filter(wave -> wave.name().equals(name))
                .min(Comparator.comparing(MgnWave::created, OLDEST_FIRST).thenComparing(MgnWave::id));
    }

    private static Optional<MgnApplication> oldestApplicationNamed(Collection<MgnApplication> applications,
                                                                   String name) {
        return applications.stream()
                .filter(application -> application.name().equals(name))
                .min(Comparator.comparing(MgnApplication::created, OLDEST_FIRST).thenComparing(MgnApplication::id));
    }

    private static <T> Map<String, T> byId(Collection<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (first, second) -> first));
    }
}
