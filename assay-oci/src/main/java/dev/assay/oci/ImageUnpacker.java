package dev.assay.oci;

import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.Limits;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an image's layers, in order, to a directory, the way a container runtime's snapshotter would,
 * but treating every layer as hostile:
 *
 * <ul>
 *   <li>Entry names are cleaned as paths rooted at {@code /}: {@code ../../etc/passwd} and
 *       {@code /etc/passwd} both land on the rootfs's own {@code etc/passwd}, as containerd does.
 *   <li>Parents are resolved inside the rootfs, following the image's own symlinks confined to it, and
 *       every directory on the way is checked not to be a link before anything is written. An entry
 *       {@code a/b} after {@code a -> /etc} therefore writes the rootfs's {@code etc/b}, never the host's.
 *       The final component is never followed: an existing link there is replaced.
 *   <li>Symlinks are created verbatim (their targets are only ever interpreted relative to the rootfs by
 *       Assay's file resolvers); hard links must point at a file already in the rootfs.
 *   <li>Devices and FIFOs are skipped; setuid, setgid and sticky bits are dropped; files and directories
 *       are made readable and writable by the owner so they can be read and cleaned up.
 *   <li>Whiteouts ({@code .wh.name}) and opaque markers ({@code .wh..wh..opq}) remove only what lower layers
 *       wrote, as the OCI image spec requires; content written earlier in the same layer survives.
 *   <li>Content bytes across all layers are bounded by {@link Limits#maxExpandedBytes()}, entries per layer
 *       by {@link Limits#maxArchiveEntries()}; a declared size past the budget fails before anything is
 *       written. Layers are streamed, never held in memory.
 *   <li>Each layer's uncompressed stream must hash to its diff_id and its blob to its digest.
 * </ul>
 *
 * Layer attribution uses the diff_id (the digest of the uncompressed layer): it is what {@code docker
 * inspect} shows as {@code RootFS.Layers}, what syft reports, and, unlike the blob digest, it is the same
 * whether the image came from a registry (compressed blobs), a legacy {@code docker save} (uncompressed)
 * or an OCI layout.
 */
public final class ImageUnpacker {
    private static final Logger LOG = LoggerFactory.getLogger(ImageUnpacker.class);
    private static final String WHITEOUT_PREFIX = ".wh.";
    private static final String OPAQUE_MARKER = ".wh..wh..opq";
    private static final int MAX_LINK_HOPS = 40;
    private static final int MAX_LAYERS = 512;
    private static final long PROGRESS_STEP = 1L << 20;

    private final Path root;
    private final Limits limits;
    private final ImageProgress progress;
    private final TreeMap<String, String> layerByPath = new TreeMap<>();
    private final byte[] buffer = new byte[64 * 1024];
    private Set<String> writtenThisLayer = new HashSet<>();
    private long bytesWritten;
    private long totalEntries;

    private ImageUnpacker(Path root, Limits limits, ImageProgress progress) {
        this.root = root;
        this.limits = limits;
        this.progress = progress;
    }

    /** Unpacks all layers of an image into {@code rootfs}, which must be an empty or missing directory. */
    public static UnpackedImage unpack(ContainerImage image, Path rootfs, Limits limits, ImageProgress progress) {
        if (image.layers().size() > MAX_LAYERS) {
            throw new InputTooLargeException(
                    image.source() + " has " + image.layers().size() + " layers, more than " + MAX_LAYERS,
                    image.source());
        }
        Path root;
        try {
            Files.createDirectories(rootfs);
            root = rootfs.toRealPath();
        } catch (IOException e) {
            throw new InvalidInputException("cannot create " + rootfs + ": " + e.getMessage(), rootfs.toString(), e);
        }
        ImageUnpacker unpacker = new ImageUnpacker(root, limits, progress);
        int count = image.layers().size();
        for (ImageLayer layer : image.layers()) {
            String label = "layer " + (layer.index() + 1) + "/" + count + " (" + layer.diffId() + ")";
            try (InputStream raw = image.openLayer(layer, progress)) {
                progress.phase(
                        "unpacking layer " + (layer.index() + 1) + "/" + count,
                        layer.blob().size());
                unpacker.applyLayer(raw, layer, label);
            } catch (IOException e) {
                throw new InvalidInputException(
                        image.source() + ": cannot unpack " + label + ": " + e.getMessage(), image.source(), e);
            }
        }
        return new UnpackedImage(root, unpacker.layerByPath, unpacker.bytesWritten, unpacker.totalEntries);
    }

    private void applyLayer(InputStream raw, ImageLayer layer, String label) throws IOException {
        writtenThisLayer = new HashSet<>();
        ProgressStream counted = new ProgressStream(raw, progress);
        VerifiedInputStream uncompressed =
                new VerifiedInputStream(Compression.decompressing(counted), layer.diffId(), -1, label + " content");
        String diffId = layer.diffId().toString();
        int entries = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(uncompressed)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (++entries > limits.maxArchiveEntries()) {
                    throw new InputTooLargeException(
                            label + " has more than " + limits.maxArchiveEntries() + " entries", label);
                }
                totalEntries++;
                try {
                    apply(entry, tar, diffId, label);
                } catch (java.nio.file.InvalidPathException e) {
                    LOG.debug("{}: skipping {}: {}", label, entry.getName(), e.getMessage());
                }
            }
            uncompressed.drainAndVerify();
            counted.transferTo(OutputStream.nullOutputStream());
        }
    }

    private void apply(TarArchiveEntry entry, InputStream content, String diffId, String label) throws IOException {
        List<String> parts = clean(entry.getName());
        if (parts.isEmpty()) {
            return;
        }
        String base = parts.getLast();
        List<String> parentParts = parts.subList(0, parts.size() - 1);
        if (base.startsWith(WHITEOUT_PREFIX)) {
            applyWhiteout(parentParts, base);
            return;
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            return;
        }
        if (!entry.isDirectory() && !entry.isFile() && !entry.isSymbolicLink() && !entry.isLink()) {
            LOG.debug("{}: skipping {} of tar type {}", label, entry.getName(), (char) entry.getLinkFlag());
            return;
        }
        List<String> parent = resolveInside(parentParts, true);
        if (parent == null) {
            LOG.debug("{}: skipping {}: its parent is not a directory inside the image", label, entry.getName());
            return;
        }
        Path target = host(parent).resolve(base);
        String relative = relative(parent, base);
        if (entry.isDirectory()) {
            BasicFileAttributes existing = attributes(target);
            if (existing == null || !existing.isDirectory()) {
                remove(target, relative);
                Files.createDirectory(target);
            }
            setPermissions(target, entry.getMode(), true);
            writtenThisLayer.add(relative);
        } else if (entry.isSymbolicLink()) {
            remove(target, relative);
            if (entry.getLinkName().isEmpty() || entry.getLinkName().indexOf('\0') >= 0) {
                LOG.debug("{}: skipping symlink {} with an empty or invalid target", label, entry.getName());
                return;
            }
            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
            writtenThisLayer.add(relative);
        } else if (entry.isLink()) {
            applyHardLink(entry, target, relative, diffId, label);
        } else {
            long size = entry.getSize();
            if (size < 0 || size > limits.maxExpandedBytes() - bytesWritten) {
                throw new InputTooLargeException(
                        label + ": " + entry.getName() + " (" + size + " bytes) would take the image past "
                                + limits.maxExpandedBytes() + " expanded bytes",
                        label);
            }
            remove(target, relative);
            try (OutputStream output = Files.newOutputStream(
                    target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                long copied = 0;
                int read;
                while ((read = content.read(buffer)) != -1) {
                    output.write(buffer, 0, read);
                    copied += read;
                }
                if (copied != size) {
                    throw new InvalidInputException(label + " is truncated inside " + entry.getName(), label);
                }
                bytesWritten += copied;
            }
            setPermissions(target, entry.getMode(), false);
            layerByPath.put(relative, diffId);
            writtenThisLayer.add(relative);
        }
    }

    private void applyHardLink(TarArchiveEntry entry, Path target, String relative, String diffId, String label)
            throws IOException {
        List<String> linkParts = clean(entry.getLinkName());
        if (linkParts.isEmpty()) {
            return;
        }
        List<String> linkParent = resolveInside(linkParts.subList(0, linkParts.size() - 1), false);
        Path source = linkParent == null ? null : host(linkParent).resolve(linkParts.getLast());
        BasicFileAttributes sourceAttributes = source == null ? null : attributes(source);
        if (sourceAttributes == null || sourceAttributes.isDirectory() || source.equals(target)) {
            LOG.debug(
                    "{}: skipping hard link {} to missing or unsuitable {}",
                    label,
                    entry.getName(),
                    entry.getLinkName());
            return;
        }
        remove(target, relative);
        if (sourceAttributes.isSymbolicLink()) {
            Files.createSymbolicLink(target, Files.readSymbolicLink(source));
        } else if (sourceAttributes.isRegularFile()) {
            try {
                Files.createLink(target, source);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(source, target, LinkOption.NOFOLLOW_LINKS);
            }
            layerByPath.put(relative, diffId);
        }
        writtenThisLayer.add(relative);
    }

    private void applyWhiteout(List<String> parentParts, String base) throws IOException {
        List<String> parent = resolveInside(parentParts, false);
        if (parent == null) {
            return;
        }
        Path directory = host(parent);
        if (base.equals(OPAQUE_MARKER)) {
            if (isDirectory(directory)) {
                String prefix = parent.isEmpty() ? "" : String.join("/", parent) + "/";
                try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
                    for (Path child : children) {
                        removeLower(child, prefix + child.getFileName());
                    }
                }
            }
            return;
        }
        if (base.startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX)) {
            return; // other aufs metadata (.wh..wh.plnk, .wh..wh.aufs) carries no content
        }
        String name = base.substring(WHITEOUT_PREFIX.length());
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return;
        }
        removeLower(directory.resolve(name), relative(parent, name));
    }

    /** Removes what lower layers left at a path, keeping whatever this layer wrote there. */
    private void removeLower(Path path, String relative) throws IOException {
        BasicFileAttributes attributes = attributes(path);
        if (attributes == null) {
            return;
        }
        boolean writtenNow = writtenThisLayer.contains(relative);
        if (attributes.isDirectory()) {
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(path)) {
                stream.forEach(children::add);
            }
            boolean keptChild = false;
            for (Path child : children) {
                String childRelative = relative + "/" + child.getFileName();
                removeLower(child, childRelative);
                keptChild |= attributes(child) != null;
            }
            if (!writtenNow && !keptChild) {
                Files.deleteIfExists(path);
            }
        } else if (!writtenNow) {
            Files.deleteIfExists(path);
            layerByPath.remove(relative);
        }
    }

    /** Removes whatever is at a path, without following links, so a new entry can take its place. */
    private void remove(Path path, String relative) throws IOException {
        BasicFileAttributes attributes = attributes(path);
        if (attributes == null) {
            return;
        }
        if (attributes.isDirectory()) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
                for (Path child : children) {
                    remove(child, relative + "/" + child.getFileName());
                }
            }
        }
        Files.delete(path);
        layerByPath.remove(relative);
    }

    /**
     * Resolves parent components inside the root, following the image's symlinks as if the root were
     * {@code /}, and returns the resolved components, each a real directory (or null when a component is
     * a file, or links loop). Missing directories are created when asked.
     */
    private List<String> resolveInside(List<String> parts, boolean create) throws IOException {
        Deque<String> pending = new ArrayDeque<>(parts);
        List<String> resolved = new ArrayList<>();
        int hops = 0;
        while (!pending.isEmpty()) {
            String part = pending.pop();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!resolved.isEmpty()) {
                    resolved.removeLast();
                }
                continue;
            }
            Path candidate = host(resolved).resolve(part);
            BasicFileAttributes attributes = attributes(candidate);
            if (attributes == null) {
                if (!create) {
                    return null;
                }
                Files.createDirectory(candidate);
                setPermissions(candidate, 0755, true);
                resolved.add(part);
            } else if (attributes.isSymbolicLink()) {
                if (++hops > MAX_LINK_HOPS) {
                    return null;
                }
                String linkTarget = Files.readSymbolicLink(candidate).toString();
                if (linkTarget.startsWith("/")) {
                    resolved.clear();
                }
                String[] targetParts = linkTarget.split("/");
                for (int index = targetParts.length - 1; index >= 0; index--) {
                    pending.push(targetParts[index]);
                }
            } else if (attributes.isDirectory()) {
                resolved.add(part);
            } else {
                return null;
            }
        }
        return resolved;
    }

    /** A tar entry name as path components rooted at {@code /}: no empty, {@code .} or {@code ..} parts. */
    static List<String> clean(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
                continue;
            }
            if (part.indexOf('\0') >= 0) {
                return List.of();
            }
            parts.add(part);
        }
        return parts;
    }

    private Path host(List<String> parts) {
        Path path = root;
        for (String part : parts) {
            path = path.resolve(part);
        }
        return path;
    }

    private static String relative(List<String> parent, String base) {
        return parent.isEmpty() ? base : String.join("/", parent) + "/" + base;
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static boolean isDirectory(Path path) {
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** The entry's permission bits without setuid/setgid/sticky, and always readable and writable by us. */
    private static void setPermissions(Path path, int mode, boolean directory) throws IOException {
        int sane = (mode & 0777) | (directory ? 0700 : 0600);
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((sane & (1 << bit)) != 0) {
                permissions.add(order[bit]);
            }
        }
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the defaults are readable by us already
        }
    }

    /** Reports raw bytes read to the progress listener, about once per MiB. */
    private static final class ProgressStream extends FilterInputStream {
        private final ImageProgress progress;
        private long count;
        private long reported;

        ProgressStream(InputStream input, ImageProgress progress) {
            super(input);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            if (value >= 0) {
                counted(1);
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                counted(read);
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long bytes) {
            count += bytes;
            if (count - reported >= PROGRESS_STEP) {
                reported = count;
                progress.advance(count);
            }
        }
    }
}
