package dev.assay.catalog.javascript;

import static dev.assay.catalog.javascript.JavaScriptTesting.component;
import static dev.assay.catalog.javascript.JavaScriptTesting.digestHex;
import static dev.assay.catalog.javascript.JavaScriptTesting.edges;
import static dev.assay.catalog.javascript.JavaScriptTesting.scopes;
import static dev.assay.catalog.javascript.JavaScriptTesting.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.catalog.CatalogTesting;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.model.ComponentKind;
import dev.assay.model.Hash;
import dev.assay.model.HashAlgorithm;
import dev.assay.model.Scope;
import dev.assay.model.untrusted.Limits;
import dev.assay.testkit.Corpora;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PnpmLockCatalogerTest {
    /** Per-test copies of corpus files, deleted after each test. */
    @TempDir
    Path scratch;

    private static final Cataloger CATALOGER = JavaScriptCatalogers.pnpmLock();

    @Test
    void catalog_version9Workspace_buildsGraphFromSnapshotsAndImporters() {
        CatalogResult result =
                CatalogTesting.catalogDirectory(CATALOGER, Fixtures.path(getClass(), "javascript/pnpm-v9"));

        assertThat(CatalogTesting.purls(result))
                .containsExactly(
                        "pkg:npm/%40acme/util@1.1.0",
                        "pkg:npm/%40acme/web@0.1.0",
                        "pkg:npm/fsevents@2.3.3",
                        "pkg:npm/left-pad@1.3.0",
                        "pkg:npm/prettier-fork@2.1.0",
                        "pkg:npm/shop@1.0.0",
                        "pkg:npm/tester@3.0.0");
        assertThat(edges(result))
                .containsExactly(
                        "pkg:npm/%40acme/web@0.1.0 -> pkg:npm/%40acme/util@1.1.0",
                        "pkg:npm/%40acme/web@0.1.0 -> pkg:npm/prettier-fork@2.1.0",
                        "pkg:npm/left-pad@1.3.0 -> pkg:npm/%40acme/util@1.1.0",
                        "pkg:npm/shop@1.0.0 -> pkg:npm/%40acme/web@0.1.0",
                        "pkg:npm/shop@1.0.0 -> pkg:npm/left-pad@1.3.0",
                        "pkg:npm/shop@1.0.0 -> pkg:npm/tester@3.0.0",
                        "pkg:npm/tester@3.0.0 -> pkg:npm/fsevents@2.3.3",
                        "pkg:npm/tester@3.0.0 -> pkg:npm/left-pad@1.3.0");
        assertThat(scopes(result))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "pkg:npm/shop@1.0.0", Scope.REQUIRED,
                        "pkg:npm/%40acme/web@0.1.0", Scope.REQUIRED,
                        "pkg:npm/%40acme/util@1.1.0", Scope.REQUIRED,
                        "pkg:npm/left-pad@1.3.0", Scope.REQUIRED,
                        "pkg:npm/prettier-fork@2.1.0", Scope.REQUIRED,
                        "pkg:npm/tester@3.0.0", Scope.EXCLUDED,
                        // optional: true in the snapshot, but only a dev tool needs it.
                        "pkg:npm/fsevents@2.3.3", Scope.EXCLUDED));
        assertThat(component(result, "pkg:npm/shop@1.0.0").kind()).isEqualTo(ComponentKind.APPLICATION);
        assertThat(component(result, "pkg:npm/left-pad@1.3.0").hashes())
                .containsExactly(new Hash(HashAlgorithm.SHA512, digestHex("SHA-512", "left-pad")));
        assertThat(component(result, "pkg:npm/%40acme/web@0.1.0").property("assay:workspace"))
                .contains("packages/web");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript/pnpm-v5", "javascript/pnpm-v6"})
    void catalog_versions5And6_parseKeysWithPeerSuffixesAndDevFlags(String fixture) {
        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, Fixtures.path(getClass(), fixture));

        assertThat(scopes(result))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "pkg:npm/%40acme/util@1.1.0", Scope.REQUIRED,
                        "pkg:npm/left-pad@1.3.0", Scope.REQUIRED,
                        "pkg:npm/tester@3.0.0", Scope.EXCLUDED));
        assertThat(edges(result))
                .containsExactly(
                        "pkg:npm/left-pad@1.3.0 -> pkg:npm/%40acme/util@1.1.0",
                        "pkg:npm/tester@3.0.0 -> pkg:npm/left-pad@1.3.0");
        assertThat(component(result, "pkg:npm/tester@3.0.0").hashes())
                .containsExactly(new Hash(HashAlgorithm.SHA512, digestHex("SHA-512", "tester")));
    }

    /**
     * index.csv's package counts are the {@code packages} entries; every one is a distinct name@version
     * here (peer variants live in v9's snapshots). Excluded counts were computed independently: the v5/v6
     * {@code dev: true} flags, and for v9 a reachability walk from the importers.
     */
    @ParameterizedTest
    @CsvSource({
        "pnpm-lock.yaml, 318, 312",
        "pnpm-lock2.yaml, 7, 0",
        "pnpm-lock3.yaml, 449, 60",
        "pnpm-lock4.yaml, 1, 0",
        "pnpm-lock6.yaml, 200, 199",
        "pnpm-lock6a.yaml, 234, 196",
        "pnpm-lock6b.yaml, 17, 15",
        "pnpm-lock9a.yaml, 1005, 1005",
        "pnpm-lock9b.yaml, 1352, 1340",
        "pnpm-lock9c.yaml, 461, 458",
        "pnpm_locks/bytemd-pnpm-lock.yaml, 1189, 888"
    })
    void catalog_cdxgenCorpus_findsEveryPackageWithItsScope(String file, int components, int excluded)
            throws IOException {
        Path directory = Files.createTempDirectory(scratch, "pnpm-");
        Files.copy(Corpora.require("lockfiles/cdxgen-test-data/" + file), directory.resolve("pnpm-lock.yaml"));

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(result.components()).hasSize(components);
        assertThat(result.components().stream().filter(c -> c.scope() == Scope.EXCLUDED))
                .hasSize(excluded);
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void catalog_syftMultiDocument_readsBothDocumentsAndTreatsThePackageManagerAsTooling() {
        Path directory = Corpora.require("lockfiles/syft-test-fixtures/javascript/testdata/pnpm-multi-doc");

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(scopes(result))
                .containsEntry("pkg:npm/minimist@1.2.0", Scope.REQUIRED)
                .containsEntry("pkg:npm/pnpm@12.0.0-rc.3", Scope.EXCLUDED);
    }

    @Test
    void catalog_syftVersion5PeerSuffix_stripsTheSuffixFromTheVersion() {
        Path directory = Corpora.require("lockfiles/syft-test-fixtures/javascript/testdata/pnpm-v5-peer-suffix");

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(CatalogTesting.purls(result))
                .containsExactly("pkg:npm/acorn-jsx@5.3.2", "pkg:npm/acorn@8.8.0", "pkg:npm/webpack-cli@4.10.0");
        assertThat(edges(result)).containsExactly("pkg:npm/acorn-jsx@5.3.2 -> pkg:npm/acorn@8.8.0");
    }

    @Test
    void catalog_aliasBomb_isAnUnknownNamingTheFile(@TempDir Path directory) {
        write(directory, "pnpm-lock.yaml", YamlBombs.billionLaughs("lockfileVersion: '9.0'\n", 60));

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo("pnpm-lock.yaml");
            assertThat(unknown.catalogerId()).isEqualTo("javascript-pnpm-lock-cataloger");
        });
    }

    @Test
    void catalog_syftCorruptLockfile_isAnUnknown() {
        Path file = Corpora.require("lockfiles/syft-test-fixtures/javascript/testdata/corrupt/pnpm-lock.yaml");

        CatalogResult result = CatalogTesting.catalogFile(CATALOGER, file);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.reason()).contains("not valid YAML"));
    }

    @Test
    void catalog_deeplyNestedFlowCollections_isAnUnknown(@TempDir Path directory) {
        write(
                directory,
                "pnpm-lock.yaml",
                "lockfileVersion: '9.0'\npackages: " + "[".repeat(50_000) + "]".repeat(50_000));

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns()).hasSize(1);
    }

    @Test
    void catalog_yamlWithoutLockfileVersion_isAnUnknown(@TempDir Path directory) {
        write(directory, "pnpm-lock.yaml", "packages:\n  foo: bar\n");

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.reason()).contains("no lockfileVersion"));
    }

    @Test
    void catalog_invalidUtf8_doesNotCrash(@TempDir Path directory) {
        byte[] head = "lockfileVersion: '9.0'\npackages:\n  ok@1.0.0: {}\n  ba"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] content = java.util.Arrays.copyOf(head, head.length + 8);
        byte[] tail = {(byte) 0xC3, (byte) 0x28, '@', '1', ':', ' ', '{', '}'};
        System.arraycopy(tail, 0, content, head.length, tail.length);
        write(directory, "pnpm-lock.yaml", content);

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(CatalogTesting.purls(result)).contains("pkg:npm/ok@1.0.0");
    }

    @Test
    void catalog_dependencyCycle_terminates(@TempDir Path directory) {
        write(directory, "pnpm-lock.yaml", """
                lockfileVersion: '9.0'
                importers:
                  .:
                    dependencies:
                      a: {specifier: ^1, version: 1.0.0}
                packages:
                  a@1.0.0: {}
                  b@1.0.0: {}
                snapshots:
                  a@1.0.0:
                    dependencies: {b: 1.0.0}
                  b@1.0.0:
                    dependencies: {a: 1.0.0}
                """);

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(edges(result))
                .containsExactly("pkg:npm/a@1.0.0 -> pkg:npm/b@1.0.0", "pkg:npm/b@1.0.0 -> pkg:npm/a@1.0.0");
        assertThat(scopes(result)).containsValues(Scope.REQUIRED).doesNotContainValue(Scope.EXCLUDED);
    }

    @Test
    void catalog_workspaceLinks_becomeEdgesBetweenTheWorkspaceProjects(@TempDir Path directory) {
        write(directory, "package.json", "{\"name\":\"mono\",\"version\":\"1.0.0\"}");
        write(directory, "packages/app/package.json", "{\"name\":\"app\",\"version\":\"2.0.0\"}");
        write(directory, "packages/lib/package.json", "{\"name\":\"@mono/lib\",\"version\":\"0.3.0\"}");
        write(directory, "pnpm-lock.yaml", """
                lockfileVersion: '9.0'
                importers:
                  .:
                    devDependencies:
                      app: {specifier: workspace:*, version: link:packages/app}
                  packages/app:
                    dependencies:
                      '@mono/lib': {specifier: workspace:^, version: link:../lib}
                      ghost: {specifier: workspace:*, version: link:../../../outside}
                  packages/lib:
                    dependencies:
                      left-pad: {specifier: ^1.3.0, version: 1.3.0}
                packages:
                  left-pad@1.3.0: {}
                snapshots:
                  left-pad@1.3.0: {}
                """);

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(edges(result))
                .contains(
                        "pkg:npm/mono@1.0.0 -> pkg:npm/app@2.0.0",
                        "pkg:npm/app@2.0.0 -> pkg:npm/%40mono/lib@0.3.0",
                        "pkg:npm/%40mono/lib@0.3.0 -> pkg:npm/left-pad@1.3.0");
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void catalog_fileOverTheSizeLimit_isAnUnknown() {
        CatalogResult result = CatalogTesting.catalogDirectory(
                CATALOGER, Fixtures.path(getClass(), "javascript/pnpm-v5"), Limits.DEFAULT.withMaxFileBytes(100));

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.reason()).contains("limit of 100 bytes"));
    }
}
