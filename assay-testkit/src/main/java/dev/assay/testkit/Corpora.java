package dev.assay.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Access to the shared public test corpora ({@code ../shared/corpora} next to the project root, or the
 * directory named by {@code ASSAY_CORPORA}). A test that needs them is skipped, with the path it looked at,
 * when they are absent.
 */
public final class Corpora {
    private Corpora() {}

    /** The corpus file or folder at a path relative to the corpora root; skips the test when absent. */
    public static Path require(String relativePath) {
        Optional<Path> root = root();
        Assumptions.assumeTrue(
                root.isPresent(),
                "shared corpora not found (looked for ../shared/corpora and $ASSAY_CORPORA); skipping");
        Path path = root.get().resolve(relativePath);
        Assumptions.assumeTrue(Files.exists(path), "corpus entry missing: " + path + "; skipping");
        return path;
    }

    public static Optional<Path> root() {
        String configured = System.getenv("ASSAY_CORPORA");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        return ProjectRoot.find()
                .map(project -> project.resolve("../shared/corpora").normalize())
                .filter(Files::isDirectory);
    }
}
