package dev.assay.engine.k8s;

import java.nio.file.Path;
import java.util.Objects;

/** Where manifests come from: a file or directory, or bytes already read (standard input). */
public sealed interface ManifestSource {
    /** A file (read whatever its name) or a directory (its *.yaml, *.yml and *.json files, recursively). */
    record FileOrDirectory(Path path) implements ManifestSource {
        public FileOrDirectory {
            Objects.requireNonNull(path, "path");
        }
    }

    /** Content read by the caller, under the name reports give it ({@code -} for standard input). */
    final class Content implements ManifestSource {
        private final String name;
        private final byte[] bytes;

        public Content(String name, byte[] bytes) {
            this.name = Objects.requireNonNull(name, "name");
            this.bytes = bytes.clone();
        }

        public String name() {
            return name;
        }

        public byte[] bytes() {
            return bytes.clone();
        }
    }
}
