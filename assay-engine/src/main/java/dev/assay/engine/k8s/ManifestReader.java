package dev.assay.engine.k8s;

import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.BoundedInput;
import dev.assay.report.ManifestIssue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads Kubernetes manifests from files, directories and content already read. A directory contributes its
 * {@code *.yaml}, {@code *.yml} and {@code *.json} files, recursively and in name order, leaving out hidden
 * directories ({@code .git}, {@code .github}) and not following links to directories; a file named on its
 * own is read whatever its name. A file over the size limit or unreadable is an error for that file only;
 * a path that does not exist is an input error for the whole run, because a typo must not pass as a clean
 * scan.
 */
public final class ManifestReader {
    /** Rendered manifests of big charts and CRD bundles run to a few MiB; this leaves room without risk. */
    public static final long DEFAULT_MAX_FILE_BYTES = 32L * 1024 * 1024;

    private final long maxFileBytes;

    public ManifestReader(long maxFileBytes) {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
        }
        this.maxFileBytes = maxFileBytes;
    }

    public static ManifestReader withDefaults() {
        return new ManifestReader(DEFAULT_MAX_FILE_BYTES);
    }

    /**
     * Everything the sources hold, in the order given.
     *
     * @throws InvalidInputException when a named path does not exist
     */
    public ManifestSet read(List<ManifestSource> sources) {
        List<ManifestDocument> documents = new ArrayList<>();
        List<ManifestIssue> errors = new ArrayList<>();
        List<ManifestIssue> skipped = new ArrayList<>();
        int files = 0;
        for (ManifestSource source : sources) {
            switch (source) {
                case ManifestSource.Content content -> {
                    files++;
                    if (content.bytes().length > maxFileBytes) {
                        errors.add(tooLarge(content.name()));
                        continue;
                    }
                    add(ManifestParser.parse(content.name(), content.bytes()), documents, errors, skipped);
                }
                case ManifestSource.FileOrDirectory path -> {
                    for (Path file : files(path.path(), errors)) {
                        files++;
                        try {
                            add(ManifestParser.parse(file.toString(), read(file)), documents, errors, skipped);
                        } catch (InputTooLargeException e) {
                            errors.add(tooLarge(file.toString()));
                        } catch (IOException e) {
                            errors.add(new ManifestIssue(file.toString(), 0, 0, "cannot read: " + e.getMessage()));
                        }
                    }
                }
            }
        }
        return new ManifestSet(files, documents, errors, skipped);
    }

    private static void add(
            ManifestParser.Parsed parsed,
            List<ManifestDocument> documents,
            List<ManifestIssue> errors,
            List<ManifestIssue> skipped) {
        documents.addAll(parsed.documents());
        errors.addAll(parsed.errors());
        skipped.addAll(parsed.skipped());
    }

    private ManifestIssue tooLarge(String file) {
        return new ManifestIssue(
                file, 0, 0, "larger than the limit of " + maxFileBytes + " bytes; raise it only for input you trust");
    }

    private byte[] read(Path file) throws IOException {
        if (Files.size(file) > maxFileBytes) {
            throw new InputTooLargeException(file + " is too large", file.toString());
        }
        try (InputStream in = Files.newInputStream(file)) {
            return BoundedInput.readAll(in, maxFileBytes, file.toString());
        }
    }

    /** The manifest files a path stands for, in a stable order. */
    static List<Path> files(Path path, List<ManifestIssue> errors) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new InvalidInputException("no such file or directory: " + path, path.toString());
        }
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                    boolean hidden = !directory.equals(path)
                            && directory.getFileName() != null
                            && directory.getFileName().toString().startsWith(".");
                    return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    // A link to a regular file counts; links to directories are not followed at all.
                    if (isManifestName(file) && Files.isRegularFile(file)) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException error) {
                    errors.add(new ManifestIssue(file.toString(), 0, 0, "cannot read: " + error.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new InvalidInputException("cannot list " + path + ": " + e.getMessage(), path.toString(), e);
        }
        files.sort(null);
        return files;
    }

    private static boolean isManifestName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }
}
