package dev.assay.oci;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Files of an OCI layout directory. Only regular files reached without symbolic links are served: a
 * hostile layout could otherwise link a "blob" to any file on the host.
 */
final class DirectoryStoreFiles implements StoreFiles {
    private final Path root;

    DirectoryStoreFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Optional<Long> size(String path) {
        Path file = confined(path);
        if (file == null || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || hasLinkedParent(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.size(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        if (size(path).isEmpty()) {
            throw new IOException("no regular file " + path + " in " + root);
        }
        return Files.newInputStream(confined(path), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public String describe() {
        return root.toString();
    }

    private Path confined(String path) {
        Path file = root.resolve(path).normalize();
        return file.startsWith(root) ? file : null;
    }

    private boolean hasLinkedParent(Path file) {
        for (Path parent = file.getParent(); parent != null && !parent.equals(root); parent = parent.getParent()) {
            if (Files.isSymbolicLink(parent)) {
                return true;
            }
        }
        return false;
    }
}
