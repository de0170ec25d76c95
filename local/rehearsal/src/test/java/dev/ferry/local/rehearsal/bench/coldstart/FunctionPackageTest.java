package dev.ferry.local.rehearsal.bench.coldstart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionPackageTest {

    @TempDir
    Path folder;

    @Test
    void unzippedIsWhatThePackagesFilesTakeAndZippedIsTheArchivesSize() throws IOException {
        Path lib = Files.createDirectories(folder.resolve("lib"));
        Files.write(lib.resolve("ferry-functions.jar"), new byte[1_500]);
        Files.write(lib.resolve("sdk.jar"), new byte[2_000]);

        FunctionPackage pack = FunctionPackage.of(folder);

        assertThat(pack.unzippedBytes()).isEqualTo(3_500);
        // Zeros compress: the archive is far smaller than its files, and not empty.
        assertThat(pack.zippedBytes()).isPositive().isLessThan(3_500);
        assertThat(pack.jars()).containsExactly("ferry-functions.jar", "sdk.jar");
        // As Lambda's Java runtime reads /var/task: the folder, then every jar in its lib/.
        assertThat(pack.classPath()).isEqualTo(folder + java.io.File.pathSeparator + lib.resolve("*"));
    }

    @Test
    void aPackageNotBuiltSaysHowToBuildIt() {
        assertThatThrownBy(() -> FunctionPackage.of(folder.resolve("ReconcilerFunction/target/lambda")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bin/ferry bench --cold-start");
    }

    @Test
    void aFunctionsPackageIsBuiltInItsOwnModuleNamedAsInTheTemplate() {
        assertThat(FunctionPackage.folderOf(folder, "ReconcilerFunction"))
                .isEqualTo(folder.resolve("functions/packages/ReconcilerFunction/target/lambda"));
    }

    @Test
    void spreadsAreTheLeastTheLowerMiddleAndTheGreatest() {
        assertThat(Spread.of(List.of(30L, 10L, 20L))).isEqualTo(new Spread(10, 20, 30));
        assertThat(Spread.of(List.of(40L, 10L, 30L, 20L))).isEqualTo(new Spread(10, 20, 40));
        assertThat(Spread.of(List.of(7L))).isEqualTo(new Spread(7, 7, 7));
    }
}
