package dev.assay.catalog.javascript;

import static dev.assay.catalog.javascript.JavaScriptTesting.component;
import static dev.assay.catalog.javascript.JavaScriptTesting.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.catalog.CatalogTesting;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.model.Component;
import dev.assay.model.Scope;
import dev.assay.testkit.Corpora;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstalledPackageJsonCatalogerTest {
    private static final Cataloger CATALOGER = JavaScriptCatalogers.installedPackageJson();

    @Test
    void catalog_nodeModulesTree_readsEveryInstalledPackageAndItsLicenseForms(@TempDir Path root) {
        write(root, "usr/lib/app/package.json", "{\"name\": \"app\", \"version\": \"1.0.0\"}");
        write(root, "usr/lib/app/node_modules/left-pad/package.json", """
                {"name": "left-pad", "version": "1.3.0", "license": "WTFPL", "author": "Jane <jane@example.com>"}
                """);
        write(root, "usr/lib/app/node_modules/left-pad/lib/esm/package.json", "{\"type\": \"module\"}");
        write(
                root,
                "usr/lib/app/node_modules/left-pad/test/fixture/package.json",
                "{\"name\": \"fixture\", \"version\": \"0.0.1\"}");
        write(root, "usr/lib/app/node_modules/@acme/util/package.json", """
                {"name": "@acme/util", "version": "1.1.0", "license": {"type": "Apache-2.0"},
                 "author": {"name": "Acme", "email": "dev@acme.example"}}
                """);
        write(root, "usr/lib/app/node_modules/left-pad/node_modules/old/package.json", """
                {"name": "old", "version": "0.1.0", "licenses": [{"type": "MIT"}, {"type": "GPL-2.0"}]}
                """);
        write(root, "usr/lib/app/node_modules/noversion/package.json", "{\"name\": \"noversion\"}");
        write(root, "usr/lib/app/node_modules/.bin/package.json", "{\"name\": \"bin\", \"version\": \"1.0.0\"}");

        CatalogResult result = CatalogTesting.catalogRootfs(CATALOGER, root, null);

        assertThat(CatalogTesting.purls(result))
                .containsExactly("pkg:npm/%40acme/util@1.1.0", "pkg:npm/left-pad@1.3.0", "pkg:npm/old@0.1.0");
        assertThat(result.unknowns()).isEmpty();
        Component leftPad = component(result, "pkg:npm/left-pad@1.3.0");
        assertThat(leftPad.licenses()).containsExactly("WTFPL");
        assertThat(leftPad.property("assay:author")).contains("Jane <jane@example.com>");
        assertThat(leftPad.scope()).isEqualTo(Scope.REQUIRED);
        assertThat(leftPad.evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.catalogerId()).isEqualTo("javascript-package-json-cataloger");
            assertThat(evidence.location().path()).isEqualTo("usr/lib/app/node_modules/left-pad/package.json");
            assertThat(evidence.versionSource()).isEqualTo("package.json");
        });
        Component util = component(result, "pkg:npm/%40acme/util@1.1.0");
        assertThat(util.licenses()).containsExactly("Apache-2.0");
        assertThat(util.property("assay:author")).contains("Acme <dev@acme.example>");
        assertThat(component(result, "pkg:npm/old@0.1.0").licenses()).containsExactly("GPL-2.0", "MIT");
    }

    @ParameterizedTest
    @CsvSource({
        "node_modules/a/package.json, true",
        "x/node_modules/@s/a/package.json, true",
        "x/node_modules/a/node_modules/b/package.json, true",
        "package.json, false",
        "x/package.json, false",
        "node_modules/a/lib/package.json, false",
        "node_modules/@s/package.json, false",
        "node_modules/.bin/package.json, false",
        "node_modules/@s/a/b/package.json, false"
    })
    void isInstalledManifest_path_matchesOnlyPackageFolders(String path, boolean expected) {
        assertThat(InstalledPackageJsonParser.isInstalledManifest(path)).isEqualTo(expected);
    }

    @Test
    void catalog_truncatedManifest_isAnUnknownNamingTheFile(@TempDir Path root) {
        write(root, "node_modules/broken/package.json", "{\"name\": \"broken\", \"vers");

        CatalogResult result = CatalogTesting.catalogRootfs(CATALOGER, root, null);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns())
                .singleElement()
                .satisfies(
                        unknown -> assertThat(unknown.location().path()).isEqualTo("node_modules/broken/package.json"));
    }

    @Test
    void catalog_syftInstalledFixture_findsThePackages() {
        Path directory = Corpora.require("lockfiles/syft-test-fixtures/javascript/testdata/pkg-lock");

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(CatalogTesting.purls(result)).contains("pkg:npm/cowsay@1.4.0");
        assertThat(component(result, "pkg:npm/cowsay@1.4.0").licenses()).containsExactly("MIT");
    }
}
