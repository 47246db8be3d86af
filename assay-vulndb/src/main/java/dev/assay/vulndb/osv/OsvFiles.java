package dev.assay.vulndb.osv;

import dev.assay.model.InputTooLargeException;
import dev.assay.model.Location;
import dev.assay.model.UnableToParseException;
import dev.assay.model.untrusted.BoundedInput;
import dev.assay.model.untrusted.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Reads OSV records from where they are published: a directory tree of {@code .json}/{@code .yaml} files
 * (the upstream git repositories) or a zip with one JSON file per record (the OSV bucket's
 * {@code all.zip} and per-ecosystem dumps).
 *
 * <p>Each document is read, converted and handed to the sink before the next is opened. A document that
 * fails costs only itself: it reaches the sink as an error with its location. Only a failure of the
 * container (an unreadable directory, a zip that is no zip or that exceeds the archive limits) ends the
 * read with an exception.
 *
 * <p>Zip entry names are used for two things only, choosing JSON vs YAML and locating messages; they
 * never become file system paths, so {@code ../} names are harmless. They are decoded leniently, and
 * every entry is read through a bound on its expanded size, a bound on the archive's total and a bound
 * on the compression ratio.
 */
public final class OsvFiles {
    /**
     * Limits for OSV input: a record up to 32 MiB (the largest real records, distribution advisories with
     * thousands of versions, are a few MiB), archives of up to 2 million entries and 32 GiB expanded (the
     * full OSV dump is several GB), and at most 200:1 compression for entries past 1 MiB.
     */
    public static final Limits DEFAULT_LIMITS = new Limits(32L << 20, 32L << 30, 1, 2_000_000, 200);

    private static final long RATIO_CHECK_FLOOR = 1L << 20;

    private OsvFiles() {}

    /**
     * Reads every {@code *.json}, {@code *.yaml} and {@code *.yml} file under {@code root} in path order.
     * Symbolic links are not followed and hidden directories ({@code .git}) are not entered.
     */
    public static void readTree(Path root, Limits limits, String source, OsvSink sink) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                Path name = dir.getFileName();
                boolean hidden =
                        !dir.equals(root) && name != null && name.toString().startsWith(".");
                return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                sink.error(location(root, file), "cannot read: " + e.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
        Collections.sort(files);
        try (ParallelConversion conversion = new ParallelConversion(sink, source)) {
            readFiles(root, files, limits, conversion, sink);
            conversion.finish();
        }
    }

    private static void readFiles(
            Path root, List<Path> files, Limits limits, ParallelConversion conversion, OsvSink sink) {
        for (Path file : files) {
            Location location = location(root, file);
            Optional<OsvRecordReader.Format> format =
                    OsvRecordReader.Format.ofFileName(file.getFileName().toString());
            if (format.isEmpty()) {
                // Not a document: no ordering to keep with the converted ones.
                sink.ignored(location);
                continue;
            }
            byte[] content;
            try {
                if (Files.size(file) > limits.maxFileBytes()) {
                    conversion.error(location, "larger than the limit of " + limits.maxFileBytes() + " bytes");
                    continue;
                }
                try (InputStream input = Files.newInputStream(file)) {
                    content = BoundedInput.readAll(input, limits.maxFileBytes(), location.path());
                }
            } catch (InputTooLargeException e) {
                conversion.error(location, "larger than the limit of " + limits.maxFileBytes() + " bytes");
                continue;
            } catch (IOException e) {
                conversion.error(location, "cannot read: " + e.getMessage());
                continue;
            }
            conversion.submit(content, format.get(), location);
        }
    }

    /** Reads one file as an OSV document. */
    public static void readFile(Path file, Limits limits, String source, OsvSink sink) throws IOException {
        Location location = Location.of(file.toString());
        OsvRecordReader.Format format =
                OsvRecordReader.Format.ofFileName(file.getFileName().toString()).orElse(OsvRecordReader.Format.JSON);
        byte[] content;
        try (InputStream input = Files.newInputStream(file)) {
            content = BoundedInput.readAll(input, limits.maxFileBytes(), file.toString());
        }
        try (ParallelConversion conversion = new ParallelConversion(sink, source)) {
            conversion.submit(content, format, location);
            conversion.finish();
        }
    }

    /**
     * Reads every JSON/YAML entry of a zip, in the order they are stored.
     *
     * @throws InputTooLargeException the archive has more entries or expands to more bytes than allowed;
     *     what was read before that point has already reached the sink
     * @throws UnableToParseException the file is not a readable zip
     */
    public static void readZip(Path zip, Limits limits, String source, OsvSink sink) throws IOException {
        Location archive = Location.of(zip.toString());
        try (ZipFile zipFile = openZip(zip);
                ParallelConversion conversion = new ParallelConversion(sink, source)) {
            List<ZipArchiveEntry> entries = Collections.list(entries(zipFile, zip, limits));
            long expanded = 0;
            for (ZipArchiveEntry entry : entries) {
                Location location = archive.nested(entry.getName());
                if (entry.isDirectory() || entry.isUnixSymlink()) {
                    continue;
                }
                Optional<OsvRecordReader.Format> format = OsvRecordReader.Format.ofFileName(entry.getName());
                if (format.isEmpty()) {
                    sink.ignored(location);
                    continue;
                }
                if (!zipFile.canReadEntryData(entry)) {
                    conversion.error(location, "uses an unsupported compression method or encryption");
                    continue;
                }
                long budget = Math.min(limits.maxFileBytes(), limits.maxExpandedBytes() - expanded);
                byte[] content;
                try (InputStream input = zipFile.getInputStream(entry)) {
                    content = BoundedInput.readAll(input, budget, location.path());
                } catch (InputTooLargeException e) {
                    if (budget < limits.maxFileBytes()) {
                        throw archiveTooLarge(zip, "expands to more than " + limits.maxExpandedBytes() + " bytes");
                    }
                    expanded += budget;
                    conversion.error(location, "expands past the limit of " + limits.maxFileBytes() + " bytes");
                    continue;
                } catch (IOException | IllegalArgumentException e) {
                    // A damaged deflate stream or a lying local header: this entry only.
                    conversion.error(location, "cannot be decompressed: " + e.getMessage());
                    continue;
                }
                expanded += content.length;
                long compressed = entry.getCompressedSize();
                if (content.length > RATIO_CHECK_FLOOR
                        && compressed > 0
                        && content.length / compressed > limits.maxCompressionRatio()) {
                    conversion.error(
                            location, "compressed more than " + limits.maxCompressionRatio() + ":1 (a zip bomb?)");
                    continue;
                }
                conversion.submit(content, format.get(), location);
            }
            conversion.finish();
        }
    }

    /** Whether the file starts like a zip (a local file header, or the end record of an empty zip). */
    public static boolean looksLikeZip(byte[] head) {
        return head.length >= 4
                && head[0] == 'P'
                && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
    }

    /** Opens a zip for reading with the lenient name decoding described on this class. */
    public static ZipFile openZip(Path zip) throws IOException {
        try {
            return ZipFile.builder()
                    .setPath(zip)
                    .setCharset(StandardCharsets.UTF_8)
                    .setUseUnicodeExtraFields(false)
                    .get();
        } catch (IOException | IllegalArgumentException e) {
            if (!Files.isRegularFile(zip)) {
                throw e instanceof IOException io ? io : new IOException(e);
            }
            throw new UnableToParseException(zip + " is not a readable zip: " + e.getMessage(), zip.toString(), e);
        }
    }

    private static Enumeration<ZipArchiveEntry> entries(ZipFile zipFile, Path zip, Limits limits) {
        int count = 0;
        for (Enumeration<ZipArchiveEntry> it = zipFile.getEntries(); it.hasMoreElements(); it.nextElement()) {
            if (++count > limits.maxArchiveEntries()) {
                throw archiveTooLarge(zip, "has more than " + limits.maxArchiveEntries() + " entries");
            }
        }
        return zipFile.getEntriesInPhysicalOrder();
    }

    private static InputTooLargeException archiveTooLarge(Path zip, String what) {
        return new InputTooLargeException(zip + " " + what, zip.toString());
    }

    private static Location location(Path root, Path file) {
        Path relative = root.relativize(file);
        String path = relative.toString().isEmpty() ? file.getFileName().toString() : relative.toString();
        return Location.of(path.replace('\\', '/'));
    }
}
