package dev.ferry.local.rehearsal.bench.coldstart;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One function's deployment package as {@code sam build} makes it (functions/Makefile): a folder
 * whose {@code lib/} holds the controller's jar and the jars of the clients that function uses.
 * Its sizes are Lambda's: unzipped is what the package's files take (jars as they are), zipped is
 * the archive uploaded.
 *
 * @param folder        the package's folder (Lambda's {@code /var/task})
 * @param unzippedBytes the files' total size
 * @param zippedBytes   the size of the zip of them
 */
public record FunctionPackage(Path folder, long unzippedBytes, long zippedBytes) {

    /** Where the build leaves the package of {@code function} (its logical ID in template.yaml). */
    public static Path folderOf(Path projectRoot, String function) {
        return projectRoot.resolve("functions/packages").resolve(function).resolve("target/lambda");
    }

    /**
     * Measures the package in {@code folder}.
     *
     * @throws IllegalStateException when it has no {@code lib/}: the package has not been built
     */
    public static FunctionPackage of(Path folder) {
        if (!Files.isDirectory(folder.resolve("lib"))) {
            throw new IllegalStateException("The function's package is not built (" + folder
                    + "): run bin/ferry bench --cold-start, which builds it");
        }
        List<Path> files = filesOf(folder);
        long unzipped = 0;
        CountingStream counted = new CountingStream();
        try (ZipOutputStream zip = new ZipOutputStream(counted)) {
            for (Path file : files) {
                unzipped += Files.size(file);
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the function's package: " + e.getMessage(), e);
        }
        return new FunctionPackage(folder, unzipped, counted.count);
    }

    /** The class path Lambda's Java runtime gives the package: the folder, then every jar in its lib/. */
    public String classPath() {
        return folder + File.pathSeparator + folder.resolve("lib").resolve("*");
    }

    /** The file names of the jars in its lib/. */
    public List<String> jars() {
        try (Stream<Path> jars = Files.list(folder.resolve("lib"))) {
            return jars.map(jar -> jar.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the function's package: " + e.getMessage(), e);
        }
    }

    private static List<Path> filesOf(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the function's package: " + e.getMessage(), e);
        }
    }

    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}
