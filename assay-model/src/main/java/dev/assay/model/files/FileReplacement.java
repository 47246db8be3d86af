package dev.assay.model.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * How Assay writes a file it produces (an SBOM, a report, an advisory bundle). A regular file is written
 * beside its final name and renamed into place when complete, so a failed run never leaves half a file
 * under that name; it keeps the permissions of the file it replaces (a new one is readable by all, like a
 * shell redirection's). Anything else that exists under the name (a device such as {@code /dev/null} or
 * {@code /dev/stdout}, a FIFO, a symbolic link) is written through, never replaced: renaming onto
 * {@code /dev/null} as root would turn it into a regular file for the whole machine.
 */
public final class FileReplacement {
    /** The content, written to the stream it is given (which the caller closes). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private FileReplacement() {}

    /**
     * @throws FileSystemException the target is a directory
     * @throws IOException the content's own failure, or the file system's; the target is then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new FileSystemException(absolute.toString(), null, "is a directory");
        }
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
            try (OutputStream out = Files.newOutputStream(absolute)) {
                content.writeTo(out);
            }
            return;
        }
        Path directory = absolute.getParent();
        Path partial = Files.createTempFile(directory, "." + absolute.getFileName(), ".partial");
        try {
            keepOrOpenPermissions(partial, absolute);
            try (OutputStream out = Files.newOutputStream(partial)) {
                content.writeTo(out);
            }
            try {
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** createTempFile makes an owner-only file; the result gets the replaced file's mode, or rw-r--r--. */
    private static void keepOrOpenPermissions(Path partial, Path target) throws IOException {
        if (!Files.getFileStore(partial).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(partial, permissions);
    }
}
