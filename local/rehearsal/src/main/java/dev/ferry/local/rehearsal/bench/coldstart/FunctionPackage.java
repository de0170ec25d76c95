package dev.ferry.local.rehearsal.bench.coldstart;

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
 * A function's deployment package as {@code sam build} makes it for a Maven project: the compiled
 * classes and the runtime dependencies' jars beside them. Its sizes are Lambda's: unzipped is what
 * the package's files take (jars as they are), zipped is the archive uploaded.
 *
 * @param classes       the compiled classes
 * @param libraries     the runtime dependencies' jars
 * @param unzippedBytes the files' total size
 * @param zippedBytes   the size of the zip of them
 */
public record FunctionPackage(Path classes, Path libraries, long unzippedBytes, long zippedBytes) {

    /**
     * Measures the package in {@code classes} and {@code libraries}.
     *
     * @throws IllegalStateException when either is missing: the package has not been built
     */
    public static FunctionPackage of(Path classes, Path libraries) {
        if (!Files.isDirectory(classes) || !Files.isDirectory(libraries)) {
            throw new IllegalStateException("The functions' package is not built (" + classes + " and " + libraries
                    + "): run bin/ferry bench --cold-start, which builds it");
        }
        List<Path> files = filesOf(classes, libraries);
        long unzipped = 0;
        CountingStream counted = new CountingStream();
        try (ZipOutputStream zip = new ZipOutputStream(counted)) {
            for (Path file : files) {
                unzipped += Files.size(file);
                Path base = file.startsWith(classes) ? classes : libraries.getParent();
                zip.putNextEntry(new ZipEntry(base.relativize(file).toString()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the functions' package: " + e.getMessage(), e);
        }
        return new FunctionPackage(classes, libraries, unzipped, counted.count);
    }

    /** The class path a JVM runs the package from. */
    public String classPath() {
        return classes + java.io.File.pathSeparator + libraries.resolve("*");
    }

    private static List<Path> filesOf(Path classes, Path libraries) {
        try (Stream<Path> compiled = Files.walk(classes); Stream<Path> jars = Files.list(libraries)) {
            return Stream.concat(compiled.filter(Files::isRegularFile), jars.filter(Files::isRegularFile)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the functions' package: " + e.getMessage(), e);
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
