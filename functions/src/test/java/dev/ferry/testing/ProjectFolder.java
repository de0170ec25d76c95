package dev.ferry.testing;

import java.nio.file.Path;

/** The project folder the tests run against (template.yaml, statemachine/, events/). */
public final class ProjectFolder {

    private ProjectFolder() {
    }

    /** The root, from the {@code ferry.projectRoot} property the build sets. */
    public static Path root() {
        String root = System.getProperty("ferry.projectRoot");
        if (root == null) {
            throw new IllegalStateException("ferry.projectRoot is not set; run the tests with Maven");
        }
        return Path.of(root).toAbsolutePath().normalize();
    }

    /** A file of the project's events folder. */
    public static Path event(String name) {
        return root().resolve("events").resolve(name);
    }
}
