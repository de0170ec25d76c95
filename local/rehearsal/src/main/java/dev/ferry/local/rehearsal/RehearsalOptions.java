package dev.ferry.local.rehearsal;

import dev.ferry.local.cloud.lambda.LambdaFaults;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * How to run one rehearsal. Build with {@link #builder(Path)}.
 *
 * @param projectRoot       the project folder (template.yaml, statemachine/)
 * @param wave              the wave file
 * @param environment       the environment file
 * @param approval          who decides the cutover
 * @param speed             virtual seconds per real second, when given; else as fast as possible, or
 *                          {@value #LINK_SPEED} with {@link ApprovalMode#LINK} so a person has time to click
 * @param runFolder         where the log and the outbox go
 * @param display           where progress and the summary are printed
 * @param captureConsole    whether the JVM's standard output and error (handler logs, metrics) go to
 *                          the run folder's log file for the length of the rehearsal
 * @param start             the virtual time the rehearsal starts at
 * @param virtualTimeLimit  how much virtual time the wave may take before the rehearsal stops it
 * @param chaosSeed         when given, Lambda, service and event faults at their chaos rates
 *                          ({@link LambdaFaults#chaos} and the others) from this seed, in place of the
 *                          environment file's, and a hasty approver
 * @param laterWaves        further waves started in the same local cloud while this one runs, as
 *                          another team would start them in the same account
 * @param beforeClose       given the local cloud once every wave has ended and been checked, before
 *                          the cloud stops: for a tool that works against the state the waves left
 */
public record RehearsalOptions(Path projectRoot, Path wave, Path environment, ApprovalMode approval, OptionalDouble speed,
                               Path runFolder, PrintStream display, boolean captureConsole, Instant start,
                               Duration virtualTimeLimit, OptionalLong chaosSeed, List<LaterWave> laterWaves,
                               Consumer<LocalCloud> beforeClose) {

    /** The pace of {@link ApprovalMode#LINK} when no speed is given: a virtual minute per real second. */
    public static final double LINK_SPEED = 60;

    public RehearsalOptions {
        Objects.requireNonNull(projectRoot, "projectRoot");
        Objects.requireNonNull(wave, "wave");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(runFolder, "runFolder");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(virtualTimeLimit, "virtualTimeLimit");
        Objects.requireNonNull(chaosSeed, "chaosSeed");
        laterWaves = List.copyOf(laterWaves);
        Objects.requireNonNull(beforeClose, "beforeClose");
        if (speed.isPresent() && !(speed.getAsDouble() > 0)) {
            throw new IllegalArgumentException("--speed must be a positive number, not " + speed.getAsDouble());
        }
    }

    /**
     * Another wave, started {@code after} the rehearsed one started, in the same account and region.
     *
     * @param wave  its wave file, for servers of the same environment file
     * @param after how long after the rehearsed wave's start it is started (virtual time)
     */
    public record LaterWave(Path wave, Duration after) {

        public LaterWave {
            Objects.requireNonNull(wave, "wave");
            if (after.isNegative()) {
                throw new IllegalArgumentException("A later wave starts after the rehearsed one, not " + after);
            }
        }
    }

    /** Options for the project at {@code projectRoot}: the demo wave and environment, approved automatically. */
    public static Builder builder(Path projectRoot) {
        return new Builder(projectRoot);
    }

    /** The pace the scheduler runs at. */
    public double effectiveSpeed() {
        return speed.orElse(approval == ApprovalMode.LINK ? LINK_SPEED : Double.POSITIVE_INFINITY);
    }

    /** Builds {@link RehearsalOptions}; every option has a default. */
    public static final class Builder {
        private final Path projectRoot;
        private Path wave;
        private Path environment;
        private ApprovalMode approval = ApprovalMode.AUTO;
        private OptionalDouble speed = OptionalDouble.empty();
        private Path runFolder;
        private PrintStream display = ConsoleCapture.console();
        private boolean captureConsole = true;
        private Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        private Duration virtualTimeLimit = Duration.ofDays(30);
        private OptionalLong chaosSeed = OptionalLong.empty();
        private final List<LaterWave> laterWaves = new ArrayList<>();
        private Consumer<LocalCloud> beforeClose = cloud -> { };

        private Builder(Path projectRoot) {
            this.projectRoot = projectRoot;
            this.wave = projectRoot.resolve("events/demo-wave.json");
            this.environment = projectRoot.resolve("events/demo-environment.json");
        }

        public Builder wave(Path wave) {
            this.wave = wave;
            return this;
        }

        public Builder environment(Path environment) {
            this.environment = environment;
            return this;
        }

        public Builder approval(ApprovalMode approval) {
            this.approval = approval;
            return this;
        }

        public Builder speed(double speed) {
            this.speed = OptionalDouble.of(speed);
            return this;
        }

        /** Default: {@code .ferry/rehearsals/<start time>/} in the project. */
        public Builder runFolder(Path runFolder) {
            this.runFolder = runFolder;
            return this;
        }

        public Builder display(PrintStream display) {
            this.display = display;
            return this;
        }

        public Builder captureConsole(boolean captureConsole) {
            this.captureConsole = captureConsole;
            return this;
        }

        public Builder start(Instant start) {
            this.start = start;
            return this;
        }

        public Builder virtualTimeLimit(Duration virtualTimeLimit) {
            this.virtualTimeLimit = virtualTimeLimit;
            return this;
        }

        /** Every fault at its chaos rates, from this seed. */
        public Builder chaos(long seed) {
            this.chaosSeed = OptionalLong.of(seed);
            return this;
        }

        /** Starts the wave of {@code wave} {@code after} the rehearsed wave started, in the same local cloud. */
        public Builder laterWave(Path wave, Duration after) {
            laterWaves.add(new LaterWave(wave, after));
            return this;
        }

        public Builder beforeClose(Consumer<LocalCloud> beforeClose) {
            this.beforeClose = beforeClose;
            return this;
        }

        public RehearsalOptions build() {
            Path folder = runFolder != null ? runFolder
                    : projectRoot.resolve(".ferry/rehearsals").resolve(RunFolders.nameFor(Instant.now()));
            return new RehearsalOptions(projectRoot, wave, environment, approval, speed, folder, display, captureConsole,
                    start, virtualTimeLimit, chaosSeed, laterWaves, beforeClose);
        }
    }
}
