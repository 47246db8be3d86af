package dev.assay.catalog.python;

import static dev.assay.catalog.python.PythonTestResults.component;
import static dev.assay.catalog.python.PythonTestResults.edges;
import static dev.assay.catalog.python.PythonTestResults.hashes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.catalog.CatalogTesting;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.model.Scope;
import dev.assay.testkit.Corpora;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdmLockParserTest {
    private final Cataloger cataloger = PythonCatalogers.pdmLock();

    @TempDir
    Path temp;

    @Test
    void parse_extrasEntries_mergedIntoOneComponentPerRelease() {
        CatalogResult result =
                CatalogTesting.catalogDirectory(cataloger, Fixtures.path(getClass(), "python/pdm/extras"));

        assertThat(result.components().stream().filter(c -> c.name().equals("coverage")))
                .hasSize(1);
        assertThat(hashes(component(result, "pkg:pypi/coverage@7.4.1")))
                .containsExactly(
                        "SHA256:077d366e724f24fc02dbfe9d946534357fda71af9764ff99d73c3c596001bbd7",
                        "SHA256:1ed4b95480952b1a26d863e546fa5094564aa0065e1e5f0d4d0041f293251d04");
        assertThat(result.components())
                .allSatisfy(component -> assertThat(component.scope()).isEqualTo(Scope.EXCLUDED));
        assertThat(edges(result)).noneMatch(edge -> edge.startsWith("pkg:pypi/coverage@7.4.1 -> pkg:pypi/coverage@"));
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void parse_realLockfile_legacyMetadataFilesAndGraph() throws IOException {
        Files.copy(Corpora.require("lockfiles/cdxgen-test-data/pdm.lock"), temp.resolve("pdm.lock"));

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp);

        assertThat(result.unknowns()).isEmpty();
        // Entries for extras combinations (cachecontrol[filecache]) are the same release.
        assertThat(result.components()).hasSize(distinctReleases(temp.resolve("pdm.lock")));
        assertThat(component(result, "pkg:pypi/blinker@1.6.2").hashes()).hasSize(2);
        assertThat(edges(result)).contains("pkg:pypi/cachecontrol@0.13.1 -> pkg:pypi/msgpack@1.0.5");
    }

    private static int distinctReleases(Path lock) throws IOException {
        java.util.Set<String> releases = new java.util.TreeSet<>();
        for (String block : Files.readString(lock).split("\\[\\[package]]")) {
            java.util.regex.Matcher name =
                    java.util.regex.Pattern.compile("(?m)^name = \"([^\"]+)\"").matcher(block);
            java.util.regex.Matcher version = java.util.regex.Pattern.compile("(?m)^version = \"([^\"]+)\"")
                    .matcher(block);
            if (name.find() && version.find()) {
                releases.add(name.group(1) + "@" + version.group(1));
            }
        }
        return releases.size();
    }
}
