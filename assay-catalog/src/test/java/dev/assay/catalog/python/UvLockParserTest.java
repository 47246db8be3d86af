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

class UvLockParserTest {
    private final Cataloger cataloger = PythonCatalogers.uvLock();

    @TempDir
    Path temp;

    @Test
    void parse_virtualRoot_applicationWithGraphAndHashes() {
        CatalogResult result =
                CatalogTesting.catalogDirectory(cataloger, Fixtures.path(getClass(), "python/uv/simple-deps"));

        assertThat(CatalogTesting.purls(result))
                .containsExactly(
                        "pkg:pypi/certifi@2025.1.31",
                        "pkg:pypi/charset-normalizer@3.4.1",
                        "pkg:pypi/idna@3.10",
                        "pkg:pypi/requests@2.32.3",
                        "pkg:pypi/testpkg@0.1.0",
                        "pkg:pypi/urllib3@2.3.0");
        assertThat(component(result, "pkg:pypi/testpkg@0.1.0").kind()).isEqualTo(ComponentKind.APPLICATION);
        assertThat(component(result, "pkg:pypi/requests@2.32.3").kind()).isEqualTo(ComponentKind.LIBRARY);
        assertThat(edges(result))
                .containsExactly(
                        "pkg:pypi/requests@2.32.3 -> pkg:pypi/certifi@2025.1.31",
                        "pkg:pypi/requests@2.32.3 -> pkg:pypi/charset-normalizer@3.4.1",
                        "pkg:pypi/requests@2.32.3 -> pkg:pypi/idna@3.10",
                        "pkg:pypi/requests@2.32.3 -> pkg:pypi/urllib3@2.3.0",
                        "pkg:pypi/testpkg@0.1.0 -> pkg:pypi/requests@2.32.3");
        assertThat(hashes(component(result, "pkg:pypi/certifi@2025.1.31")))
                .containsExactly(
                        "SHA256:3d5da6925056f6f18f119200434a4780a94263f10d1c21d032a6f6b2baa20651",
                        "SHA256:ca78db4565a652026a4db2bcdf68f2fb589ea80d0be70e03929ed730746b84fe");
        assertThat(component(result, "pkg:pypi/charset-normalizer@3.4.1").hashes())
                .hasSize(41);
        assertThat(result.components())
                .allSatisfy(component -> assertThat(component.scope()).isEqualTo(Scope.REQUIRED));
    }

    @Test
    void parse_workspace_membersDevScopeAndEdges() {
        CatalogResult result =
                CatalogTesting.catalogDirectory(cataloger, Fixtures.path(getClass(), "python/uv/workspace"));

        assertThat(result.components()).hasSize(10);
        Component app = component(result, "pkg:pypi/my-app@0.1.0");
        assertThat(app.kind()).isEqualTo(ComponentKind.APPLICATION);
        Component lib = component(result, "pkg:pypi/my-lib@0.1.0");
        assertThat(lib.kind()).isEqualTo(ComponentKind.LIBRARY);
        assertThat(lib.scope()).isEqualTo(Scope.REQUIRED);
        assertThat(lib.property("assay:source-type")).contains("editable");
        assertThat(component(result, "pkg:pypi/pytest@8.3.4").scope()).isEqualTo(Scope.EXCLUDED);
        assertThat(component(result, "pkg:pypi/pluggy@1.5.0").scope()).isEqualTo(Scope.EXCLUDED);
        assertThat(edges(result))
                .contains(
                        "pkg:pypi/my-app@0.1.0 -> pkg:pypi/my-lib@0.1.0",
                        "pkg:pypi/my-app@0.1.0 -> pkg:pypi/pytest@8.3.4",
                        "pkg:pypi/my-lib@0.1.0 -> pkg:pypi/ruff@0.8.5",
                        "pkg:pypi/pytest@8.3.4 -> pkg:pypi/pluggy@1.5.0")
                .hasSize(11);
    }

    @Test
    void parse_realLockfile_allPackagesRootAndExtras() throws IOException {
        Files.copy(Corpora.require("lockfiles/cdxgen-test-data/uv.lock"), temp.resolve("uv.lock"));

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp);

        assertThat(result.unknowns()).isEmpty();
        assertThat(result.components()).hasSize(63);
        Component root = component(result, "pkg:pypi/appthreat-vulnerability-db@6.0.14");
        assertThat(root.kind()).isEqualTo(ComponentKind.APPLICATION);
        // pydantic[email] activates pydantic's "email" extra: the edge to email-validator exists.
        assertThat(edges(result))
                .anyMatch(edge -> edge.startsWith("pkg:pypi/pydantic@") && edge.contains("email-validator"));
        // Extras of the project itself are optional unless also needed at runtime.
        assertThat(component(result, "pkg:pypi/oras@0.1.30").scope()).isEqualTo(Scope.OPTIONAL);
        assertThat(result.components().stream().filter(c -> c.scope() == Scope.REQUIRED))
                .anyMatch(c -> c.name().equals("httpx"));
    }

    @Test
    void parse_forkedVersions_edgeToTheVersionNamed() throws IOException {
        Files.writeString(temp.resolve("uv.lock"), """
                version = 1
                [[package]]
                name = "app"
                version = "1.0"
                source = { editable = "." }
                dependencies = [
                    { name = "numpy", version = "1.26.4", source = { registry = "https://pypi.org/simple" }, marker = "python_version < '3.10'" },
                    { name = "numpy", version = "2.1.0", source = { registry = "https://pypi.org/simple" }, marker = "python_version >= '3.10'" },
                ]
                [[package]]
                name = "numpy"
                version = "1.26.4"
                source = { registry = "https://pypi.org/simple" }
                [[package]]
                name = "numpy"
                version = "2.1.0"
                source = { registry = "https://pypi.org/simple" }
                [[package]]
                name = "lib"
                version = "0.1"
                source = { git = "https://github.com/x/lib?rev=abc#abc" }
                dependencies = [{ name = "numpy", version = "2.1.0" }]
                """);

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp);

        assertThat(edges(result))
                .containsExactly(
                        "pkg:pypi/app@1.0 -> pkg:pypi/numpy@1.26.4",
                        "pkg:pypi/app@1.0 -> pkg:pypi/numpy@2.1.0",
                        "pkg:pypi/lib@0.1 -> pkg:pypi/numpy@2.1.0");
        assertThat(component(result, "pkg:pypi/lib@0.1").property("assay:source-type"))
                .contains("git");
    }

    @Test
    void parse_truncatedToml_unknownNamingTheFile() throws IOException {
        String whole = Files.readString(Fixtures.path(getClass(), "python/uv/simple-deps/uv.lock"));
        Files.writeString(
                temp.resolve("uv.lock"), whole.substring(0, whole.indexOf("[[package]]\nname = \"idna\"") + 30));

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo("uv.lock");
            assertThat(unknown.reason()).contains("not valid TOML");
        });
    }
}
