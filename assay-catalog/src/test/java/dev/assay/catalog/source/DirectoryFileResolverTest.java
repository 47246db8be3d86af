package dev.assay.catalog.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.catalog.spi.PathPattern;
import dev.assay.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryFileResolverTest {
    @TempDir
    Path root;

    @TempDir
    Path outside;

    @Test
    void files_indexesRegularFilesAndSkipsVcsAndPseudoFileSystems() throws IOException {
        write("app/package-lock.json", "{}");
        write(".git/config", "x");
        write("proc/1/status", "x");

        DirectoryFileResolver resolver = DirectoryFileResolver.of(root);

        assertThat(resolver.files(PathPattern.glob("**/*")))
                .extracting(Location::path)
                .containsExactly("app/package-lock.json");
    }

    @Test
    void resolve_absoluteSymlink_staysInsideTheRoot() throws IOException {
        write("usr/lib/os-release", "ID=debian\n");
        Files.createDirectories(root.resolve("etc"));
        Files.createSymbolicLink(root.resolve("etc/os-release"), Path.of("/usr/lib/os-release"));

        DirectoryFileResolver resolver = DirectoryFileResolver.of(root);

        assertThat(resolver.resolve("etc/os-release")).map(Location::path).contains("usr/lib/os-release");
    }

    @Test
    void resolve_linkClimbingOutOfTheRoot_neverReachesTheHost() throws IOException {
        Files.writeString(outside.resolve("secret"), "host secret", StandardCharsets.UTF_8);
        Files.createSymbolicLink(root.resolve("escape"), Path.of("../../../../../../" + outside + "/secret"));
        Files.createSymbolicLink(root.resolve("absolute"), outside.resolve("secret"));

        DirectoryFileResolver resolver = DirectoryFileResolver.of(root);

        assertThat(resolver.resolve("escape")).isEmpty();
        assertThat(resolver.resolve("absolute")).isEmpty();
        assertThat(resolver.files(PathPattern.glob("**/*"))).isEmpty();
    }

    @Test
    void resolve_symlinkLoop_terminates() throws IOException {
        Files.createSymbolicLink(root.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(root.resolve("b"), Path.of("a"));

        assertThat(DirectoryFileResolver.of(root).resolve("a")).isEmpty();
    }

    @Test
    void open_pathWithDotDot_isRefused() {
        DirectoryFileResolver resolver = DirectoryFileResolver.of(root);

        assertThatThrownBy(() -> resolver.open(Location.of("../../etc/passwd")))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void files_carryTheLayerThatWroteThem() throws IOException {
        write("app/package.json", "{}");

        DirectoryFileResolver resolver = DirectoryFileResolver.of(root, Map.of("app/package.json", "sha256:abc"));

        Location location = resolver.files(PathPattern.glob("**/package.json")).get(0);
        assertThat(location.layer()).contains("sha256:abc");
        try (InputStream stream = resolver.open(location)) {
            assertThat(new String(stream.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("{}");
        }
    }

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
