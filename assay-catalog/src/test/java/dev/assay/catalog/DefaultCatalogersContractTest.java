package dev.assay.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.assay.catalog.source.DirectoryFileResolver;
import dev.assay.catalog.spi.CatalogContext;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.CatalogTag;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.catalog.spi.SourceKind;
import dev.assay.model.Component;
import dev.assay.model.untrusted.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered cataloger, against the same hostile inputs: files named like what catalogers look for
 * but holding garbage, truncated or empty content, or invalid UTF-8. Each must finish quickly, never throw,
 * and never invent a component out of garbage.
 */
class DefaultCatalogersContractTest {
    private static final List<String> FILE_NAMES = List.of(
            "package-lock.json",
            "npm-shrinkwrap.json",
            "yarn.lock",
            "pnpm-lock.yaml",
            "node_modules/x/package.json",
            "pom.xml",
            "app.jar",
            "app.war",
            "gradle.lockfile",
            "requirements.txt",
            "poetry.lock",
            "Pipfile.lock",
            "uv.lock",
            "site-packages/x-1.0.dist-info/METADATA",
            "go.mod",
            "go.sum",
            "bin/app",
            "Cargo.lock",
            "Gemfile.lock",
            "composer.lock",
            "vendor/composer/installed.json",
            "packages.lock.json",
            "app.deps.json",
            "var/lib/dpkg/status",
            "var/lib/dpkg/status.d/base",
            "lib/apk/db/installed",
            "var/lib/rpm/rpmdb.sqlite",
            "usr/lib/sysimage/rpm/rpmdb.sqlite");

    @TempDir
    Path temp;

    static Stream<Arguments> catalogers() {
        return DefaultCatalogers.all().stream().map(cataloger -> Arguments.of(cataloger.id(), cataloger));
    }

    @Test
    void ids_areUniqueStableKebabCase() {
        Set<String> seen = new HashSet<>();
        for (Cataloger cataloger : DefaultCatalogers.all()) {
            assertThat(cataloger.id()).matches("[a-z0-9]+(-[a-z0-9]+)*-cataloger");
            assertThat(seen.add(cataloger.id()))
                    .as("duplicate id %s", cataloger.id())
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogers")
    void tags_sayWhereTheCatalogerRuns(String id, Cataloger cataloger) {
        assertThat(cataloger.tags()).containsAnyOf(CatalogTag.DIRECTORY, CatalogTag.IMAGE);
    }

    @ParameterizedTest(name = "{0} on garbage")
    @MethodSource("catalogers")
    void catalog_garbageFiles_neverThrowsNorInventsComponents(String id, Cataloger cataloger) throws IOException {
        Path root = temp.resolve("garbage");
        Random random = new Random(42);
        for (String name : FILE_NAMES) {
            byte[] garbage = new byte[4096];
            random.nextBytes(garbage);
            write(root.resolve(name), garbage);
        }

        List<Component> found = runBothWays(cataloger, root);

        assertThat(found).as("components invented from random bytes").isEmpty();
    }

    @ParameterizedTest(name = "{0} on empty and truncated files")
    @MethodSource("catalogers")
    void catalog_emptyAndTruncatedFiles_neverThrows(String id, Cataloger cataloger) throws IOException {
        Path root = temp.resolve("truncated");
        for (String name : FILE_NAMES) {
            write(root.resolve(name), new byte[0]);
            write(root.resolve("t/" + name), "{\"name\": \"x\", \"packages\": {\"a".getBytes(StandardCharsets.UTF_8));
            write(root.resolve("u/" + name), new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n', 'P', ':'});
        }

        runBothWays(cataloger, root);
    }

    private List<Component> runBothWays(Cataloger cataloger, Path root) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            DirectoryFileResolver files = DirectoryFileResolver.of(root);
            Path scratch = Files.createTempDirectory(temp, "scratch");
            CatalogResult asDirectory =
                    cataloger.catalog(new CatalogContext(SourceKind.DIRECTORY, Limits.DEFAULT, null, scratch), files);
            CatalogResult asRootfs =
                    cataloger.catalog(new CatalogContext(SourceKind.ROOTFS, Limits.DEFAULT, null, scratch), files);
            return Stream.concat(asDirectory.components().stream(), asRootfs.components().stream())
                    .toList();
        });
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }
}
