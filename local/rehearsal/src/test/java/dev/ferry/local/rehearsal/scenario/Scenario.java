package dev.ferry.local.rehearsal.scenario;

import dev.ferry.local.rehearsal.ApprovalMode;
import dev.ferry.local.rehearsal.Rehearsal;
import dev.ferry.local.rehearsal.RehearsalOptions;
import dev.ferry.local.rehearsal.RehearsalResult;
import dev.ferry.testing.ProjectFolder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A rehearsal scenario of {@code events/rehearsal/}: {@code <name>-wave.json} and
 * {@code <name>-environment.json}, rehearsed as fast as the machine allows from a fixed virtual
 * start, so that two scenarios with the same servers follow the same timeline.
 */
public final class Scenario {

    /** Every scenario starts at this virtual time: the reconciler's schedule lines up across runs. */
    public static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    /** media-server: 8 GiB, in every scenario. */
    public static final String MEDIA_SERVER = "s-13a5b49c3810fa449";
    /** media-proxy: 8 GiB, the server a scenario's fault is given to. */
    public static final String MEDIA_PROXY = "s-9f0a1b2c3d4e5f607";
    /** media-worker-1: 16 GiB, the last to finish its initial sync. */
    public static final String MEDIA_WORKER = "s-5e6f708192a3b4c5d";
    /** The servers of the three-server scenarios. */
    public static final List<String> THREE_SERVERS = List.of(MEDIA_SERVER, MEDIA_PROXY, MEDIA_WORKER);

    /** Agent-install scenarios, media-server's instance: the installer succeeds and registers {@link #MEDIA_SERVER}. */
    public static final String INSTALLS = "i-0a1b2c3d4e5f60718";
    /** Agent-install scenarios, media-transcoder's instance: the installer exits 3, unable to reach MGN's bucket. */
    public static final String INSTALLER_FAILS = "i-0b2c3d4e5f6071829";
    /** Agent-install scenarios, media-encoder's instance: the installer exits 0 but no server appears in MGN. */
    public static final String NEVER_REGISTERS = "i-0c3d4e5f60718293a";
    /** Agent-install scenarios, media-proxy's instance: SSM has lost it although its role has the SSM policy. */
    public static final String SSM_CONNECTION_LOST = "i-0d4e5f60718293a4b";
    /** Agent-install scenarios, media-worker-1's instance: no instance profile, and the wave may not give it one. */
    public static final String NO_INSTANCE_PROFILE = "i-0e5f60718293a4b5c";
    /** The agent-install scenarios' instances that Ferry finds ready for the installer. */
    public static final List<String> READY_FOR_INSTALLER = List.of(INSTALLS, INSTALLER_FAILS, NEVER_REGISTERS);

    private static ScenarioRun happyPath;

    private final String name;

    private Scenario(String name) {
        this.name = name;
    }

    /** The scenario whose files are named {@code name-wave.json} and {@code name-environment.json}. */
    public static Scenario named(String name) {
        return new Scenario(name);
    }

    public Path wave() {
        return ProjectFolder.root().resolve("events/rehearsal").resolve(name + "-wave.json");
    }

    public Path environment() {
        return ProjectFolder.root().resolve("events/rehearsal").resolve(name + "-environment.json");
    }

    /**
     * The happy path, rehearsed once per test run: the baseline the event-fault scenarios are
     * compared with (same servers, same start, no faults).
     */
    public static synchronized ScenarioRun happyPath() {
        if (happyPath == null) {
            happyPath = named("happy-path").rehearse(ApprovalMode.AUTO);
        }
        return happyPath;
    }

    /** Rehearses the scenario with the given approval. */
    public ScenarioRun rehearse(ApprovalMode approval) {
        return rehearse(options -> options.approval(approval));
    }

    /** Rehearses the scenario with further options (approval, speed...) set by {@code adjust}. */
    public ScenarioRun rehearse(UnaryOperator<RehearsalOptions.Builder> adjust) {
        Path runFolder = freshRunFolder(name);
        RehearsalOptions.Builder options = RehearsalOptions.builder(ProjectFolder.root())
                .wave(wave())
                .environment(environment())
                .runFolder(runFolder)
                .display(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .start(START);
        RehearsalResult result = Rehearsal.run(adjust.apply(options).build());
        return new ScenarioRun(result, WaitReleases.fromLog(runFolder.resolve("rehearsal.log")));
    }

    /**
     * Rehearses these files, approved automatically, from {@link #START}, with further options set
     * by {@code adjust}; the log and emails go to {@link #freshRunFolder} of {@code name}.
     */
    public static RehearsalResult rehearseFiles(Path wave, Path environment, String name,
                                                UnaryOperator<RehearsalOptions.Builder> adjust) {
        return Rehearsal.run(adjust.apply(RehearsalOptions.builder(ProjectFolder.root())
                .wave(wave)
                .environment(environment)
                .approval(ApprovalMode.AUTO)
                .runFolder(freshRunFolder(name))
                .display(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .start(START)).build());
    }

    /**
     * {@code target/rehearsals/<name>} of this module, emptied: the log and the emails of the
     * last run of each scenario stay there to be read when an assertion fails.
     */
    static Path freshRunFolder(String name) {
        Path folder = Path.of("target", "rehearsals", name).toAbsolutePath();
        try {
            if (Files.exists(folder)) {
                try (Stream<Path> paths = Files.walk(folder)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the run folder " + folder, e);
        }
    }
}
