package dev.assay.catalog.python;

import static dev.assay.catalog.python.PythonTestResults.component;
import static dev.assay.catalog.python.PythonTestResults.hashes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.catalog.CatalogTesting;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.model.Component;
import dev.assay.model.Scope;
import dev.assay.testkit.Corpora;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipfileLockParserTest {
    private final Cataloger cataloger = PythonCatalogers.pipfileLock();

    @TempDir
    Path temp;

    @Test
    void parse_defaultAndDevelop_scopesVersionsAndHashes() {
        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, Fixtures.path(getClass(), "python/pipfile"));

        assertThat(CatalogTesting.purls(result))
                .containsExactly(
                        "pkg:pypi/aio-pika@6.8.0",
                        "pkg:pypi/aiodns@2.0.0",
                        "pkg:pypi/aiohttp-jinja2@1.4.2",
                        "pkg:pypi/aiohttp@3.7.4.post0",
                        "pkg:pypi/astroid@2.5.2",
                        "pkg:pypi/autopep8@1.5.6");
        assertThat(component(result, "pkg:pypi/aiohttp@3.7.4.post0").scope()).isEqualTo(Scope.REQUIRED);
        assertThat(component(result, "pkg:pypi/astroid@2.5.2").scope()).isEqualTo(Scope.EXCLUDED);
        Component pika = component(result, "pkg:pypi/aio-pika@6.8.0");
        assertThat(hashes(pika))
                .containsExactly(
                        "SHA256:1d4305a5f78af3857310b4fe48348cdcf6c097e0e275ea88c2cd08570531a369",
                        "SHA256:e69afef8695f47c5d107bbdba21bdb845d5c249acb3be53ef5c2d497b02657c0");
        assertThat(pika.evidence().first().versionSource()).isEqualTo("Pipfile.lock");
        assertThat(component(result, "pkg:pypi/aiodns@2.0.0").property("assay:package-index"))
                .contains("test");
        assertThat(result.relationships()).isEmpty();
    }

    @Test
    void parse_realLockfile_defaultAndDevelopCounts() throws IOException {
        Path corpus = Corpora.require("lockfiles/cdxgen-test-data/Pipfile.lock");
        Files.copy(corpus, temp.resolve("Pipfile.lock"));

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp);

        assertThat(result.unknowns()).isEmpty();
        // index.csv: default=9 develop=37; packages in both sections merge into one required component.
        long required = result.components().stream()
                .filter(c -> c.scope() == Scope.REQUIRED)
                .count();
        assertThat(required).isEqualTo(9);
        // 9 + 37 entries, 7 of them in both sections at the same version.
        assertThat(result.components()).hasSize(39);
    }

    @Test
    void parse_vcsAndPathEntries_skippedWithoutVersion() throws IOException {
        Files.writeString(temp.resolve("Pipfile.lock"), """
                {"default": {
                  "mypkg": {"editable": true, "path": "."},
                  "other": {"git": "https://github.com/x/other.git", "ref": "abc"},
                  "ranged": {"version": ">=1.0"},
                  "six": {"version": "==1.16.0", "markers": "python_version >= '2.7'"}
                }, "develop": []}
                """);

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp);

        assertThat(CatalogTesting.purls(result)).containsExactly("pkg:pypi/six@1.16.0");
        assertThat(component(result, "pkg:pypi/six@1.16.0").property("assay:environment-marker"))
                .contains("python_version >= '2.7'");
    }

    @Test
    void parse_truncatedJson_unknownNamingTheFile() throws IOException {
        String whole = Files.readString(Fixtures.path(getClass(), "python/pipfile/Pipfile.lock"));
        Files.writeString(temp.resolve("Pipfile.lock"), whole.substring(0, whole.length() / 2));

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo("Pipfile.lock");
            assertThat(unknown.reason()).contains("not valid JSON");
        });
    }

    @Test
    void parse_wrongShapes_ignoredNotCrashing() throws IOException {
        Files.writeString(temp.resolve("Pipfile.lock"), """
                {"default": {"a": 1, "b": {"version": 3, "hashes": "x"}, "c": {"version": "==1", "hashes": [1, "md5:zz", "sha256:00ff"]}}, "develop": "x"}
                """);

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp);

        assertThat(CatalogTesting.purls(result)).containsExactly("pkg:pypi/c@1");
        assertThat(hashes(component(result, "pkg:pypi/c@1"))).containsExactly("SHA256:00ff");
        assertThat(result.unknowns()).isEmpty();
    }
}
