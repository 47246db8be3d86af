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
import dev.assay.model.Component;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YarnLockCatalogerTest {
    /** Per-test copies of corpus files, deleted after each test. */
    @TempDir
    Path scratch;

    private static final Cataloger CATALOGER = JavaScriptCatalogers.yarnLock();

    @Test
    void catalog_classic_resolvesDescriptorsAliasesAndDevOnlyTransitives() {
        CatalogResult result =
                CatalogTesting.catalogDirectory(CATALOGER, Fixtures.path(getClass(), "javascript/yarn-classic"));

        assertThat(CatalogTesting.purls(result))
                .containsExactly(
                        "pkg:npm/%40acme/util@1.1.0",
                        "pkg:npm/fsevents@2.3.3",
                        "pkg:npm/helper@1.0.0",
                        "pkg:npm/left-pad@1.3.0",
                        "pkg:npm/prettier-fork@2.1.0",
                        "pkg:npm/shop@1.0.0",
                        "pkg:npm/tester@3.0.0");
        assertThat(edges(result))
                .containsExactly(
                        "pkg:npm/left-pad@1.3.0 -> pkg:npm/%40acme/util@1.1.0",
                        "pkg:npm/shop@1.0.0 -> pkg:npm/left-pad@1.3.0",
                        "pkg:npm/shop@1.0.0 -> pkg:npm/prettier-fork@2.1.0",
                        "pkg:npm/shop@1.0.0 -> pkg:npm/tester@3.0.0",
                        "pkg:npm/tester@3.0.0 -> pkg:npm/fsevents@2.3.3",
                        "pkg:npm/tester@3.0.0 -> pkg:npm/helper@1.0.0",
                        "pkg:npm/tester@3.0.0 -> pkg:npm/left-pad@1.3.0");
        assertThat(scopes(result))
                .containsEntry("pkg:npm/shop@1.0.0", Scope.REQUIRED)
                .containsEntry("pkg:npm/left-pad@1.3.0", Scope.REQUIRED)
                .containsEntry("pkg:npm/%40acme/util@1.1.0", Scope.REQUIRED)
                .containsEntry("pkg:npm/prettier-fork@2.1.0", Scope.REQUIRED)
                .containsEntry("pkg:npm/tester@3.0.0", Scope.EXCLUDED)
                .containsEntry("pkg:npm/helper@1.0.0", Scope.EXCLUDED)
                .containsEntry("pkg:npm/fsevents@2.3.3", Scope.EXCLUDED);

        Component root = component(result, "pkg:npm/shop@1.0.0");
        assertThat(root.kind()).isEqualTo(ComponentKind.APPLICATION);
        assertThat(root.licenses()).containsExactly("MIT");
        assertThat(component(result, "pkg:npm/left-pad@1.3.0").hashes())
                .containsExactly(new Hash(HashAlgorithm.SHA512, digestHex("SHA-512", "left-pad")));
        // No integrity field: the SHA-1 in the resolved URL's fragment is the tarball's digest.
        assertThat(component(result, "pkg:npm/%40acme/util@1.1.0").hashes())
                .containsExactly(new Hash(HashAlgorithm.SHA1, digestHex("SHA-1", "acme-util")));
    }

    @Test
    void catalog_berry_handlesWorkspacesPatchesAndMemberDevDependencies() {
        CatalogResult result =
                CatalogTesting.catalogDirectory(CATALOGER, Fixtures.path(getClass(), "javascript/yarn-berry"));

        assertThat(CatalogTesting.purls(result))
                .containsExactly(
                        "pkg:npm/%40acme/web@0.1.0",
                        "pkg:npm/left-pad@1.3.0",
                        "pkg:npm/resolve@1.22.8",
                        "pkg:npm/shop@2.0.0",
                        "pkg:npm/tester@3.0.0");
        assertThat(edges(result))
                .containsExactly(
                        "pkg:npm/%40acme/web@0.1.0 -> pkg:npm/left-pad@1.3.0",
                        "pkg:npm/%40acme/web@0.1.0 -> pkg:npm/tester@3.0.0",
                        "pkg:npm/shop@2.0.0 -> pkg:npm/%40acme/web@0.1.0",
                        "pkg:npm/shop@2.0.0 -> pkg:npm/resolve@1.22.8",
                        "pkg:npm/shop@2.0.0 -> pkg:npm/tester@3.0.0",
                        "pkg:npm/tester@3.0.0 -> pkg:npm/left-pad@1.3.0");
        assertThat(scopes(result))
                .containsEntry("pkg:npm/%40acme/web@0.1.0", Scope.REQUIRED)
                .containsEntry("pkg:npm/left-pad@1.3.0", Scope.REQUIRED)
                .containsEntry("pkg:npm/resolve@1.22.8", Scope.REQUIRED)
                .containsEntry("pkg:npm/tester@3.0.0", Scope.EXCLUDED);
        Component web = component(result, "pkg:npm/%40acme/web@0.1.0");
        assertThat(web.property("assay:workspace")).contains("packages/web");
        assertThat(web.licenses()).containsExactly("Apache-2.0");
        Component leftPad = component(result, "pkg:npm/left-pad@1.3.0");
        // Berry's checksum is of Yarn's cache archive, so it is kept as a property and never as a hash.
        assertThat(leftPad.hashes()).isEmpty();
        assertThat(leftPad.property("assay:yarn-checksum")).contains("10c0/5d1720961877a769");
    }

    @Test
    void catalog_syftBerryDevDependencies_excludesDevOnlyTransitives() {
        Path directory = Corpora.require("lockfiles/syft-test-fixtures/javascript/testdata/yarn-berry-dev-deps");

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(scopes(result))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                        "pkg:npm/test-project@1.0.0", Scope.REQUIRED,
                        "pkg:npm/prod-pkg@1.0.0", Scope.REQUIRED,
                        "pkg:npm/shared-pkg@1.0.0", Scope.REQUIRED,
                        "pkg:npm/dev-pkg@1.0.0", Scope.EXCLUDED,
                        "pkg:npm/dev-only-transitive@1.0.0", Scope.EXCLUDED));
    }

    @Test
    void catalog_syftClassicDuplicates_keepsRegistryNameOfForks() {
        Path directory = Corpora.require("lockfiles/syft-test-fixtures/javascript/testdata/yarn-dups");

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(CatalogTesting.purls(result))
                .contains(
                        "pkg:npm/async@0.9.2",
                        "pkg:npm/async@3.2.3",
                        "pkg:npm/%404lolo/resize-observer-polyfill@1.5.2",
                        "pkg:npm/should-type@1.3.0");
    }

    /**
     * Snyk's goof (Yarn Berry) resolves lodash twice: 4.17.4 directly and 4.17.21 through ^4.17.15. Only the
     * first is affected by GHSA-jf85-cpcp-j695, so both must be present and the root must point at 4.17.4.
     */
    @Test
    void catalog_goof_keepsBothLodashVersionsAndTheDirectOne() throws IOException {
        Path directory = copyAs(Corpora.require("lockfiles/cdxgen-test-data/yarn_locks/yarnv2.lock"));

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(CatalogTesting.purls(result)).contains("pkg:npm/lodash@4.17.4", "pkg:npm/lodash@4.17.21");
        assertThat(edges(result)).contains("pkg:npm/goof -> pkg:npm/lodash@4.17.4");
        assertThat(edges(result)).doesNotContain("pkg:npm/goof -> pkg:npm/lodash@4.17.21");
    }

    /**
     * index.csv counts entries (Berry: plus {@code __metadata}); components are the distinct name@version
     * pairs plus the root workspace, counted independently by a script. Classic files merged by hand hold
     * duplicate entries (yarn6: 1,492 entries, 1,469 distinct).
     */
    @ParameterizedTest
    @CsvSource({
        "yarn_locks/yarn.lock, 2029",
        "yarn_locks/yarn-light.lock, 315",
        "yarn_locks/yarn-multi.lock, 1909",
        "yarn_locks/yarn4.lock, 1",
        "yarn_locks/yarn5.lock, 1962",
        "yarn_locks/yarn6.lock, 1469",
        "yarn_locks/yarnv1-empty.lock, 770",
        "yarn_locks/yarnv1-fs.lock, 882",
        "yarn_locks/yarn-at.lock, 4",
        "yarn_locks/yarn3.lock, 5",
        "yarn_locks/yarn7.lock, 1347",
        "yarn_locks/yarnv2.lock, 1088",
        "yarn_locks/yarnv3.lock, 363",
        "yarn_locks/yarnv4.1.lock, 858",
        "yarn_locks/yarnv4.lock, 1851"
    })
    void catalog_cdxgenCorpus_findsEveryDistinctPackage(String file, int components) throws IOException {
        Path directory = copyAs(Corpora.require("lockfiles/cdxgen-test-data/" + file));

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(result.components()).hasSize(components);
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void catalog_classicWorkspaces_findsMembersThroughTheRootGlobs() {
        Path directory = Corpora.require("lockfiles/cdxgen-test-data/yarn-workspaces-same-version-demo");

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(CatalogTesting.purls(result)).contains("pkg:npm/app-a@1.0.0", "pkg:npm/app-b@1.0.0");
        assertThat(edges(result))
                .contains(
                        "pkg:npm/yarn-workspaces-same-version-demo -> pkg:npm/app-a@1.0.0",
                        "pkg:npm/yarn-workspaces-same-version-demo -> pkg:npm/app-b@1.0.0");
        assertThat(component(result, "pkg:npm/app-a@1.0.0").property("assay:workspace"))
                .contains("packages/app-a");
    }

    @Test
    void catalog_truncatedClassicEntry_keepsCompleteEntriesAndReportsTheBrokenOne(@TempDir Path directory) {
        write(directory, "yarn.lock", """
                # yarn lockfile v1

                a@^1.0.0:
                  version "1.0.0"

                b@^2.0.0:
                  resol""");

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(CatalogTesting.purls(result)).containsExactly("pkg:npm/a@1.0.0");
        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo("yarn.lock");
            assertThat(unknown.reason()).contains("b@^2.0.0").contains("no version");
        });
    }

    @Test
    void catalog_binaryGarbage_isAnUnknown(@TempDir Path directory) {
        write(directory, "yarn.lock", new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2, (byte) 0xC3, (byte) 0x28});

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns()).hasSize(1);
    }

    @Test
    void catalog_invalidUtf8InClassicEntry_keepsTheEntryWithReplacementCharacters(@TempDir Path directory) {
        byte[] head = "# yarn lockfile v1\n\nok@^1.0.0:\n  version \"1.0.0\"\n\nbad"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = "@^1.0.0:\n  version \"1.0.0\"\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] content = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, content, 0, head.length);
        content[head.length] = (byte) 0xC3;
        System.arraycopy(tail, 0, content, head.length + 1, tail.length);
        write(directory, "yarn.lock", content);

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(CatalogTesting.purls(result)).contains("pkg:npm/ok@1.0.0").hasSize(2);
    }

    @Test
    void catalog_berryAliasBomb_isAnUnknown(@TempDir Path directory) {
        write(directory, "yarn.lock", YamlBombs.billionLaughs("__metadata:\n  version: 6\n", 60));

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.reason()).contains("yarn.lock"));
    }

    @Test
    void catalog_berryAliasBombUnderTheAliasLimit_isAnUnknownNotAHang(@TempDir Path directory) {
        // Ten levels of nine aliases stay under the alias count limit, but expand to billions of nodes:
        // SafeYaml's expansion budget refuses the document before any consumer walks it.
        write(directory, "yarn.lock", YamlBombs.billionLaughs("__metadata:\n  version: 6\n", 9) + """
                "x@npm:^1.0.0":
                  version: 1.0.0
                  resolution: "x@npm:1.0.0"
                  dependencies: *j
                  dependenciesMeta: *j
                """);

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.reason()).contains("yarn.lock"));
    }

    @Test
    void catalog_dependencyCycle_terminates(@TempDir Path directory) {
        write(
                directory,
                "package.json",
                "{\"name\": \"loop\", \"version\": \"1.0.0\", \"dependencies\": {\"a\": \"^1\"}}");
        write(directory, "yarn.lock", """
                # yarn lockfile v1

                a@^1:
                  version "1.0.0"
                  dependencies:
                    b "^1"

                b@^1:
                  version "1.0.0"
                  dependencies:
                    a "^1"
                """);

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(edges(result))
                .containsExactly(
                        "pkg:npm/a@1.0.0 -> pkg:npm/b@1.0.0",
                        "pkg:npm/b@1.0.0 -> pkg:npm/a@1.0.0",
                        "pkg:npm/loop@1.0.0 -> pkg:npm/a@1.0.0");
    }

    @Test
    void catalog_fileOverTheSizeLimit_isAnUnknown() {
        Path directory = Fixtures.path(getClass(), "javascript/yarn-classic");

        CatalogResult result =
                CatalogTesting.catalogDirectory(CATALOGER, directory, Limits.DEFAULT.withMaxFileBytes(256));

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.reason()).contains("limit of 256 bytes"));
    }

    private Path copyAs(Path source) throws IOException {
        Path directory = Files.createTempDirectory(scratch, "yarn-");
        Files.copy(source, directory.resolve("yarn.lock"));
        return directory;
    }
}
