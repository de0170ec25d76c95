package dev.ferry.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages of the functions form layers, and a package imports only from layers below its own:
 * the domain and the ports at the bottom, the services above them, the adapters and the wiring
 * above those, the handlers on top. docs/design.md draws the same picture.
 */
class PackageLayersTest {

    /** Each package's layer; 0 is the bottom. */
    private static final Map<String, Integer> LAYERS = Map.ofEntries(
            Map.entry("retry", 0), Map.entry("wave", 0), Map.entry("sfn", 0), Map.entry("probe", 0),
            Map.entry("quota", 0), Map.entry("ec2", 0),
            Map.entry("mgn", 1), Map.entry("network", 1), Map.entry("dns", 1),
            Map.entry("agent", 2),
            Map.entry("server", 3),
            Map.entry("json", 4), Map.entry("notify", 4), Map.entry("metrics", 4),
            Map.entry("export", 5), Map.entry("approval", 5), Map.entry("waits", 5),
            Map.entry("stage", 6), Map.entry("store", 6), Map.entry("events", 6),
            Map.entry("config", 7),
            Map.entry("handler", 8));
    private static final Pattern STAGE_IMPORT =
            Pattern.compile("^import (?:static )?dev\\.ferry\\.stage\\.(?:([a-z]+)\\.)?[A-Z]", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.ferry\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void noPackageImportsOneOfItsOwnLayerOrAbove() throws IOException {
        Path sources = ProjectFiles.path("functions/src/main/java/dev/ferry");
        List<String> upward = new ArrayList<>();
        TreeSet<String> packages = new TreeSet<>();
        for (Path file : javaFiles(sources)) {
            String from = sources.relativize(file).getName(0).toString();
            packages.add(from);
            Matcher imported = IMPORT.matcher(Files.readString(file));
            while (imported.find()) {
                String to = imported.group(1);
                if (!to.equals(from) && LAYERS.containsKey(from) && LAYERS.containsKey(to)
                        && LAYERS.get(to) >= LAYERS.get(from)) {
                    upward.add(sources.relativize(file) + " imports " + to);
                }
            }
        }

        assertThat(LAYERS.keySet()).as("every package has a layer").containsAll(packages);
        assertThat(upward).isEmpty();
    }

    /**
     * Each part of the wave has its own package under stage (preflight, agents, launch...); they share
     * the helpers in stage itself and never reach into one another, so one stage's code reads alone.
     */
    @Test
    void stagePackagesImportOnlyTheSharedStageHelpers() throws IOException {
        Path stage = ProjectFiles.path("functions/src/main/java/dev/ferry/stage");
        List<String> crossing = new ArrayList<>();
        TreeSet<String> stages = new TreeSet<>();
        for (Path file : javaFiles(stage)) {
            Path relative = stage.relativize(file);
            String from = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
            if (!from.isEmpty()) {
                stages.add(from);
            }
            Matcher imported = STAGE_IMPORT.matcher(Files.readString(file));
            while (imported.find()) {
                String to = imported.group(1) == null ? "" : imported.group(1);
                if (!to.equals(from) && (from.isEmpty() || !to.isEmpty())) {
                    crossing.add(relative + " imports stage." + to);
                }
            }
        }

        assertThat(stages).contains("preflight", "agents", "network", "launch", "approval", "dns", "finalize");
        assertThat(crossing).isEmpty();
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".java")).sorted().toList();
        }
    }
}
