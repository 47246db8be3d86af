package dev.assay.catalog.python;

import static dev.assay.catalog.python.PythonTestResults.component;
import static dev.assay.catalog.python.PythonTestResults.edges;
import static dev.assay.catalog.python.PythonTestResults.hashes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.catalog.CatalogTesting;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Scope;
import dev.assay.testkit.Corpora;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoetryLockParserTest {
    private final Cataloger cataloger = PythonCatalogers.poetryLock();

    @TempDir
    Path temp;

    private CatalogResult catalog(String fixture) {
        return CatalogTesting.catalogDirectory(cataloger, Fixtures.path(getClass(), "python/poetry/" + fixture));
    }

    @Test
    void parse_lockWithPyproject_rootGraphAndHashes() {
        CatalogResult result = catalog("simple-deps");

        assertThat(CatalogTesting.purls(result))
                .containsExactly(
                        "pkg:pypi/certifi@2024.2.2",
                        "pkg:pypi/charset-normalizer@3.3.2",
                        "pkg:pypi/idna@3.7",
                        "pkg:pypi/requests@2.32.2",
                        "pkg:pypi/testpkg@0.1.0",
                        "pkg:pypi/urllib3@2.2.1");
        assertThat(edges(result))
                .containsExactly(
                        "pkg:pypi/requests@2.32.2 -> pkg:pypi/certifi@2024.2.2",
                        "pkg:pypi/requests@2.32.2 -> pkg:pypi/charset-normalizer@3.3.2",
                        "pkg:pypi/requests@2.32.2 -> pkg:pypi/idna@3.7",
                        "pkg:pypi/requests@2.32.2 -> pkg:pypi/urllib3@2.2.1",
                        "pkg:pypi/testpkg@0.1.0 -> pkg:pypi/requests@2.32.2");
        Component root = component(result, "pkg:pypi/testpkg@0.1.0");
        assertThat(root.kind()).isEqualTo(ComponentKind.APPLICATION);
        assertThat(hashes(component(result, "pkg:pypi/certifi@2024.2.2")))
                .containsExactly(
                        "SHA256:0569859f95fc761b18b45ef421b1290a0f65f147e92a1e5eb3e635f9a5e4e66f",
                        "SHA256:dc383c07b76109f368f6106eee2b593b04a011ea4d55f652c6ca24a754d1cdd1");
        assertThat(result.components())
                .allSatisfy(component -> assertThat(component.scope()).isEqualTo(Scope.REQUIRED));
        assertThat(component(result, "pkg:pypi/idna@3.7").evidence().first().versionSource())
                .isEqualTo("poetry.lock");
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void parse_legacyCategoryDev_excludedWithMetadataFileHashes() {
        CatalogResult result = catalog("dev-deps");

        assertThat(CatalogTesting.purls(result))
                .containsExactly(
                        "pkg:pypi/added-value@0.14.2",
                        "pkg:pypi/alabaster@0.7.12",
                        "pkg:pypi/appnope@0.1.0",
                        "pkg:pypi/asciitree@0.3.3");
        assertThat(result.components())
                .allSatisfy(component -> assertThat(component.scope()).isEqualTo(Scope.EXCLUDED));
        assertThat(hashes(component(result, "pkg:pypi/added-value@0.14.2")))
                .containsExactly(
                        "SHA256:8c886aee74635cec15beb64c28a90ae664526f331c1a4941e4d6ab98af232028",
                        "SHA256:b25fcb86f9bfad9a40adf4d344322690e312741556c7b75681bc948380a251e6");
        assertThat(component(result, "pkg:pypi/added-value@0.14.2").property("assay:source-url"))
                .contains("https://test.pypi.org/simple");
    }

    @Test
    void parse_poetry2Groups_scopesOptionalAndRootFromPep621() {
        CatalogResult result = catalog("groups");

        assertThat(component(result, "pkg:pypi/flask@3.0.0").scope()).isEqualTo(Scope.REQUIRED);
        assertThat(component(result, "pkg:pypi/flask@3.0.0").name()).isEqualTo("Flask");
        assertThat(component(result, "pkg:pypi/werkzeug@3.0.1").scope()).isEqualTo(Scope.REQUIRED);
        assertThat(component(result, "pkg:pypi/zope-interface@6.1").scope()).isEqualTo(Scope.OPTIONAL);
        assertThat(component(result, "pkg:pypi/pytest@7.4.3").scope()).isEqualTo(Scope.EXCLUDED);
        Component root = component(result, "pkg:pypi/my-app@1.2.0");
        assertThat(root.name()).isEqualTo("My_App");
        assertThat(root.kind()).isEqualTo(ComponentKind.APPLICATION);
        assertThat(edges(result))
                .containsExactly(
                        "pkg:pypi/flask@3.0.0 -> pkg:pypi/werkzeug@3.0.1",
                        "pkg:pypi/flask@3.0.0 -> pkg:pypi/zope-interface@6.1",
                        "pkg:pypi/my-app@1.2.0 -> pkg:pypi/flask@3.0.0",
                        "pkg:pypi/my-app@1.2.0 -> pkg:pypi/pytest@7.4.3",
                        "pkg:pypi/pytest@7.4.3 -> pkg:pypi/werkzeug@3.0.1");
    }

    @Test
    void parse_lock20WithoutCategories_scopeFromPyprojectGroups() throws IOException {
        Files.writeString(temp.resolve("poetry.lock"), """
                [[package]]
                name = "requests"
                version = "2.32.2"
                [package.dependencies]
                idna = ">=2.5"

                [[package]]
                name = "idna"
                version = "3.7"

                [[package]]
                name = "black"
                version = "24.1.0"
                [package.dependencies]
                click = "*"
                idna = "*"

                [[package]]
                name = "click"
                version = "8.1.7"

                [metadata]
                lock-version = "2.0"
                """);
        Files.writeString(temp.resolve("pyproject.toml"), """
                [tool.poetry]
                name = "app"
                version = "0.1.0"
                [tool.poetry.dependencies]
                python = "^3.11"
                requests = "^2.32"
                [tool.poetry.group.lint.dependencies]
                black = "*"
                """);

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp);

        assertThat(component(result, "pkg:pypi/requests@2.32.2").scope()).isEqualTo(Scope.REQUIRED);
        assertThat(component(result, "pkg:pypi/idna@3.7").scope()).isEqualTo(Scope.REQUIRED);
        assertThat(component(result, "pkg:pypi/black@24.1.0").scope()).isEqualTo(Scope.EXCLUDED);
        assertThat(component(result, "pkg:pypi/click@8.1.7").scope()).isEqualTo(Scope.EXCLUDED);
    }

    @Test
    void parse_mixedCaseDependencyNames_edgesResolved() {
        CatalogResult result = catalog("case-sensitivity");

        assertThat(edges(result))
                .containsExactly(
                        "pkg:pypi/dj-rest-auth@7.0.1 -> pkg:pypi/django@5.2.6",
                        "pkg:pypi/dj-rest-auth@7.0.1 -> pkg:pypi/djangorestframework@3.16.1",
                        "pkg:pypi/djangorestframework@3.16.1 -> pkg:pypi/django@5.2.6");
    }

    @Test
    void parse_realLockfiles_everyPackage() throws IOException {
        assertThat(catalogCorpus("poetry1.lock").components()).hasSize(68);
        assertThat(catalogCorpus("poetry-cpggen.lock").components()).hasSize(69);
        CatalogResult old = catalogCorpus("poetry.lock");
        assertThat(old.components()).hasSize(distinctPackages("poetry.lock"));
        CatalogResult lock11 = catalogCorpus("poetry1.lock");
        assertThat(lock11.components().stream().filter(c -> c.scope() == Scope.EXCLUDED))
                .hasSize(25);
        assertThat(lock11.relationships()).isNotEmpty();
        assertThat(lock11.components())
                .allSatisfy(component -> assertThat(component.hashes()).isNotEmpty());
    }

    @Test
    void parse_brokenPyproject_lockStillReadAndManifestReported() throws IOException {
        Files.copy(Fixtures.path(getClass(), "python/poetry/simple-deps/poetry.lock"), temp.resolve("poetry.lock"));
        Files.writeString(temp.resolve("pyproject.toml"), "[tool.poetry\nname = ");

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp);

        assertThat(result.components()).hasSize(5);
        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.location().path()).isEqualTo("pyproject.toml"));
    }

    private CatalogResult catalogCorpus(String name) throws IOException {
        Path corpus = Corpora.require("lockfiles/cdxgen-test-data/" + name);
        Path directory = Files.createTempDirectory(temp, "corpus");
        Files.copy(corpus, directory.resolve("poetry.lock"));
        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, directory);
        assertThat(result.unknowns()).isEmpty();
        return result;
    }

    /** Distinct name/version pairs counted with plain text matching, independently of the parser. */
    private static int distinctPackages(String name) throws IOException {
        String text = Files.readString(Corpora.require("lockfiles/cdxgen-test-data/" + name));
        java.util.Set<String> packages = new java.util.TreeSet<>();
        for (String block : text.split("\\[\\[package]]")) {
            java.util.regex.Matcher packageName =
                    java.util.regex.Pattern.compile("(?m)^name = \"([^\"]+)\"").matcher(block);
            java.util.regex.Matcher version = java.util.regex.Pattern.compile("(?m)^version = \"([^\"]+)\"")
                    .matcher(block);
            if (packageName.find() && version.find()) {
                packages.add(PypiPackages.normalize(packageName.group(1)) + "@" + version.group(1));
            }
        }
        return packages.size();
    }
}
