package dev.ferry.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test: functions/Makefile run as {@code sam build} runs it for one function: in a copy
 * of the functions folder alone (so nothing from the repository around it is reachable), with
 * ARTIFACTS_DIR set, Maven (the project's wrapper) building the code and the function's package.
 */
class MakefileBuildIntegrationTest {

    @TempDir
    Path folder;

    @Test
    void theApprovalPagesPackageIsItsLibFolderWithTheControllerAndOnlyTheClientsItCalls() throws Exception {
        Path copy = folder.resolve("source");
        copyWithoutBuildOutput(ProjectFiles.path("functions"), copy);
        Path artifacts = Files.createDirectories(folder.resolve("artifacts"));

        String makeCommand = ExternalTool.require("make", null).executable().toString();
        ProcessBuilder make = new ProcessBuilder(makeCommand, "build-ApprovalApiFunction", "ARTIFACTS_DIR=" + artifacts,
                "MVN=" + ProjectFiles.path("mvnw")).directory(copy.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("make.log").toFile());
        make.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = make.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(Files.readString(folder.resolve("make.log"))).isZero();
        try (Stream<Path> top = Files.list(artifacts); Stream<Path> lib = Files.list(artifacts.resolve("lib"))) {
            assertThat(top.map(path -> path.getFileName().toString())).containsExactly("lib");
            List<String> jars = lib.map(path -> path.getFileName().toString()).toList();
            assertThat(jars).contains("ferry-functions-0.1.0-SNAPSHOT.jar", "dynamodb-2.40.2.jar", "sfn-2.40.2.jar",
                    "url-connection-client-2.40.2.jar", "aws-lambda-java-core-1.4.0.jar");
            assertThat(jars).noneMatch(jar -> jar.startsWith("ec2-") || jar.startsWith("mgn-") || jar.startsWith("s3-")
                    || jar.startsWith("apache-client-") || jar.startsWith("netty-nio-client-"));
        }
    }

    private static void copyWithoutBuildOutput(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(file);
                if (isBuildOutput(relative)) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    /** A module's target folder, the functions' or a package's. */
    private static boolean isBuildOutput(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals("target")) {
                return true;
            }
        }
        return false;
    }
}
