package dev.assay.sigstore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a bundle signs: a file, read as a stream (artifacts may be large), or bytes already in memory (an
 * image manifest or signed payload fetched from a registry, which has no file to name).
 */
record Artifact(String name, Opener opener) {
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    static Artifact of(Path file) {
        return new Artifact(file.toString(), () -> Files.newInputStream(file));
    }

    static Artifact of(byte[] content, String name) {
        byte[] copy = content.clone();
        return new Artifact(name, () -> new ByteArrayInputStream(copy));
    }

    InputStream open() throws IOException {
        return opener.open();
    }
}
