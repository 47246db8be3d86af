package dev.assay.policy.document;

import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.BoundedInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds and reads policy, resource and test files, each with a size bound named in the error: files given
 * by name are read as they are; directories are walked (not following links) for {@code .yaml}, {@code .yml}
 * and {@code .json} files, in name order, skipping hidden entries and test files.
 */
public final class PolicyFiles {
    /** Policies and test files are hand-written; a megabyte is already a thousand rules. */
    public static final long MAX_POLICY_BYTES = 1024L * 1024;

    /** Resources include SBOMs and scan results of large images. */
    public static final long MAX_RESOURCE_BYTES = 32L * 1024 * 1024;

    /** The names {@code assay policy test} looks for. */
    public static final List<String> TEST_FILE_NAMES = List.of("assay-test.yaml", "assay-test.yml");

    private static final int MAX_DEPTH = 32;

    private PolicyFiles() {}

    /**
     * The files named, with directories replaced by the YAML and JSON files under them.
     *
     * @throws InvalidInputException when a path does not exist or a directory holds none
     */
    public static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (Files.isDirectory(path)) {
                List<Path> found = walk(path, PolicyFiles::isDocument);
                if (found.isEmpty()) {
                    throw new InvalidInputException("no .yaml, .yml or .json files under " + path, path.toString());
                }
                files.addAll(found);
            } else {
                throw new InvalidInputException("no such file or directory: " + path, path.toString());
            }
        }
        return List.copyOf(files);
    }

    /** The test files ({@link #TEST_FILE_NAMES}) at or under {@code path}. */
    public static List<Path> testFiles(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new InvalidInputException("no such file or directory: " + path, path.toString());
        }
        return walk(path, file -> TEST_FILE_NAMES.contains(file.getFileName().toString()));
    }

    private static List<Path> walk(Path directory, java.util.function.Predicate<Path> accept) {
        try (Stream<Path> entries = Files.walk(directory, MAX_DEPTH)) {
            return entries.filter(Files::isRegularFile)
                    .filter(file -> !hidden(directory, file))
                    .filter(accept)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException(
                    "cannot list " + directory + ": " + e.getMessage(), directory.toString(), e);
        }
    }

    private static boolean hidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDocument(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return !TEST_FILE_NAMES.contains(name)
                && (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json"));
    }

    /**
     * The whole file, at most {@code limit} bytes.
     *
     * @param what what the file should be, for the error ("a policy")
     */
    public static byte[] read(Path file, long limit, String what) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException("no such file: " + file, file.toString());
            }
            if (Files.size(file) > limit) {
                throw new InputTooLargeException(
                        file + " is larger than " + limit / (1024 * 1024) + " MiB, too large for " + what,
                        file.toString());
            }
            // Bounded again while reading: the file can grow between the size check and the read.
            try (InputStream in = Files.newInputStream(file)) {
                return BoundedInput.readAll(in, limit, file.toString());
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), file.toString(), e);
        }
    }
}
