package dev.assay.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the checkout's root (the directory holding {@code mvnw}) from wherever a test runs. */
public final class ProjectRoot {
    private ProjectRoot() {}

    public static Optional<Path> find() {
        Path directory = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (directory != null) {
            if (Files.exists(directory.resolve("mvnw")) && Files.exists(directory.resolve("assay-model"))) {
                return Optional.of(directory);
            }
            directory = directory.getParent();
        }
        return Optional.empty();
    }

    public static Path require() {
        return find().orElseThrow(() ->
                new IllegalStateException("not inside the Assay checkout: " + System.getProperty("user.dir")));
    }
}
