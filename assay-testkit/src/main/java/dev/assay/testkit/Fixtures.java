package dev.assay.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test resources by path; a missing fixture fails the test, it is never skipped. */
public final class Fixtures {
    private Fixtures() {}

    public static Path path(Class<?> owner, String resource) {
        URL url = owner.getResource(resource.startsWith("/") ? resource : "/" + resource);
        if (url == null) {
            throw new AssertionError("missing test fixture: " + resource);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError("bad fixture URL " + url, e);
        }
    }

    public static byte[] bytes(Class<?> owner, String resource) {
        try {
            return Files.readAllBytes(path(owner, resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
