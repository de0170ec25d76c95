package dev.ferry.local.mgn.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * MGN's waves and applications: a wave groups applications, an application groups source servers;
 * each application is in at most one wave, each server in at most one application. The quotas are
 * MGN's published ones (none adjustable); the archival rules, which MGN's documentation does not
 * spell out, are kept strict: an application is archived only once every server in it is, a wave
 * once every application in it is. MGN does not require names to be unique, and neither does this.
 * Not thread-safe on its own: {@link MgnService} calls it under its lock.
 */
public final class Planning {

    public static final int MAX_ACTIVE_WAVES = 200;
    public static final int MAX_ACTIVE_APPLICATIONS = 200;
    public static final int MAX_ARCHIVED_WAVES = 10_000;
    public static final int MAX_ARCHIVED_APPLICATIONS = 10_000;
    public static final int MAX_APPLICATIONS_PER_WAVE = 1_000;
    public static final int MAX_SERVERS_PER_APPLICATION = 200;

    /** A wave or application: what both have in common. */
    public static final class Group {
        private final String id;
        private final String arn;
        private final String name;
        private final String description;
        private final Map<String, String> tags;
        private final Instant createdAt;
        private Instant modifiedAt;
        private boolean archived;
        private String waveId;

        Group(String id, String arn, String name, String description, Map<String, String> tags, Instant at) {
            this.id = id;
            this.arn = arn;
            this.name = name;
            this.description = description;
            this.tags = Map.copyOf(tags);
            this.createdAt = at;
            this.modifiedAt = at;
        }

        public String id() {
            return id;
        }

        public String arn() {
            return arn;
        }

        public String name() {
            return name;
        }

        public String description() {
            return description;
        }

        public Map<String, String> tags() {
            return tags;
        }

        public Instant createdAt() {
            return createdAt;
        }

        public Instant modifiedAt() {
            return modifiedAt;
        }

        public boolean archived() {
            return archived;
        }

        /** For an application, the wave it is in, or null. */
        public String waveId() {
            return waveId;
        }
    }

    /** Its own generator, so that the IDs of source servers, jobs and instances stay what they were without it. */
    private final Random random = new Random(0x57415645L);
    private final String arnPrefix;
    private final Function<String, SourceServer> servers;
    private final Map<String, Group> waves = new LinkedHashMap<>();
    private final Map<String, Group> applications = new LinkedHashMap<>();

    /**
     * @param arnPrefix {@code arn:aws:mgn:<region>:<account>:}
     * @param servers   the registered server of an ID (throwing ResourceNotFound when there is none)
     */
    Planning(String arnPrefix, Function<String, SourceServer> servers) {
        this.arnPrefix = arnPrefix;
        this.servers = servers;
    }

    public List<Group> waves() {
        return List.copyOf(waves.values());
    }

    public List<Group> applications() {
        return List.copyOf(applications.values());
    }

    Group createWave(String name, String description, Map<String, String> tags, Instant now) {
        requireRoom(waves.values(), MAX_ACTIVE_WAVES, MAX_ARCHIVED_WAVES, "waves");
        String id = "wave-" + alphanumeric();
        Group wave = new Group(id, arnPrefix + "wave/" + id, name, description, tags, now);
        waves.put(id, wave);
        return wave;
    }

    Group createApplication(String name, String description, Map<String, String> tags, Instant now) {
        requireRoom(applications.values(), MAX_ACTIVE_APPLICATIONS, MAX_ARCHIVED_APPLICATIONS, "applications");
        String id = "app-" + alphanumeric();
        Group application = new Group(id, arnPrefix + "application/" + id, name, description, tags, now);
        applications.put(id, application);
        return application;
    }

    void associateApplications(String waveId, List<String> applicationIds, Instant now) {
        Group wave = active(wave(waveId), "WAVE", "have applications added");
        List<Group> toAdd = new ArrayList<>();
        for (String id : applicationIds) {
            Group application = active(application(id), "APPLICATION", "be added to a wave");
            if (application.waveId != null && !application.waveId.equals(waveId)) {
                throw MgnApiException.conflict("APPLICATION", id, "Application " + id + " is already in wave "
                        + application.waveId);
            }
            toAdd.add(application);
        }
        long after = applications.values().stream().filter(app -> waveId.equals(app.waveId)).count()
                + toAdd.stream().filter(app -> app.waveId == null).count();
        if (after > MAX_APPLICATIONS_PER_WAVE) {
            throw MgnApiException.quotaExceeded("L-CBE9E36A", MAX_APPLICATIONS_PER_WAVE, "Wave " + waveId
                    + " would hold " + after + " applications; the quota is " + MAX_APPLICATIONS_PER_WAVE);
        }
        toAdd.forEach(application -> {
            application.waveId = waveId;
            application.modifiedAt = now;
        });
        wave.modifiedAt = now;
    }

    void associateSourceServers(String applicationId, List<String> sourceServerIds, Collection<SourceServer> registered,
                                Instant now) {
        Group application = active(application(applicationId), "APPLICATION", "have source servers added");
        List<SourceServer> toAdd = new ArrayList<>();
        for (String id : sourceServerIds) {
            SourceServer server = servers.apply(id);
            if (server.archived()) {
                throw MgnApiException.conflict("SOURCE_SERVER", id, "Source server " + id
                        + " is archived and cannot be added to an application");
            }
            server.applicationId().filter(in -> !in.equals(applicationId)).ifPresent(in -> {
                throw MgnApiException.conflict("SOURCE_SERVER", id, "Source server " + id
                        + " is already in application " + in);
            });
            toAdd.add(server);
        }
        long after = registered.stream().filter(server -> server.applicationId().filter(applicationId::equals)
                .isPresent()).count()
                + toAdd.stream().filter(server -> server.applicationId().isEmpty()).map(SourceServer::id).distinct()
                .count();
        if (after > MAX_SERVERS_PER_APPLICATION) {
            throw MgnApiException.quotaExceeded("L-90A3F9F5", MAX_SERVERS_PER_APPLICATION,
                    "Application " + applicationId + " would hold " + after + " source servers; the quota is "
                            + MAX_SERVERS_PER_APPLICATION);
        }
        toAdd.forEach(server -> server.putInApplication(applicationId));
        application.modifiedAt = now;
    }

    Group archiveApplication(String applicationId, Collection<SourceServer> registered, Instant now) {
        Group application = active(application(applicationId), "APPLICATION", "be archived");
        long unarchived = registered.stream()
                .filter(server -> server.applicationId().filter(applicationId::equals).isPresent())
                .filter(server -> !server.archived())
                .count();
        if (unarchived > 0) {
            throw MgnApiException.conflict("APPLICATION", applicationId, "Application " + applicationId + " holds "
                    + unarchived + " source servers that are not archived");
        }
        application.archived = true;
        application.modifiedAt = now;
        return application;
    }

    Group archiveWave(String waveId, Instant now) {
        Group wave = active(wave(waveId), "WAVE", "be archived");
        long active = applications.values().stream().filter(app -> waveId.equals(app.waveId) && !app.archived).count();
        if (active > 0) {
            throw MgnApiException.conflict("WAVE", waveId, "Wave " + waveId + " holds " + active
                    + " applications that are not archived");
        }
        wave.archived = true;
        wave.modifiedAt = now;
        return wave;
    }

    Group wave(String waveId) {
        Group wave = waves.get(waveId);
        if (wave == null) {
            throw MgnApiException.notFound("Wave", waveId);
        }
        return wave;
    }

    Group application(String applicationId) {
        Group application = applications.get(applicationId);
        if (application == null) {
            throw MgnApiException.notFound("Application", applicationId);
        }
        return application;
    }

    /** How many applications are in the wave. */
    public long applicationsIn(String waveId) {
        return applications.values().stream().filter(app -> waveId.equals(app.waveId)).count();
    }

    private static Group active(Group group, String type, String what) {
        if (group.archived) {
            throw MgnApiException.conflict(type, group.id, type.charAt(0) + type.substring(1).toLowerCase()
                    + " " + group.id + " is archived and cannot " + what);
        }
        return group;
    }

    private static void requireRoom(Collection<Group> groups, int activeQuota, int archivedQuota, String what) {
        long archived = groups.stream().filter(Group::archived).count();
        long active = groups.size() - archived;
        if (active >= activeQuota) {
            throw MgnApiException.quotaExceeded(activeQuota, "The account has " + active + " active " + what
                    + "; the quota is " + activeQuota + ": archive some first");
        }
        if (archived >= archivedQuota) {
            throw MgnApiException.quotaExceeded(archivedQuota, "The account has " + archived + " archived "
                    + what + "; the quota is " + archivedQuota);
        }
    }

    private String alphanumeric() {
        byte[] bytes = new byte[9];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, 17);
    }
}
