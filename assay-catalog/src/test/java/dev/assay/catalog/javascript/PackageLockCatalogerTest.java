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

class PackageLockCatalogerTest {
    /** Per-test copies of corpus files, deleted after each test. */
    @TempDir
    Path scratch;

    private static final Cataloger CATALOGER = JavaScriptCatalogers.packageLock();

    @Test
    void catalog_lockfileVersion3_resolvesNestedInstallsAliasesAndWorkspaceLinks() {
        CatalogResult result =
                CatalogTesting.catalogDirectory(CATALOGER, Fixtures.path(getClass(), "javascript/package-lock-v3"));

        assertThat(CatalogTesting.purls(result))
                .containsExactly(
                        "pkg:npm/%40acme/util@1.1.0",
                        "pkg:npm/%40acme/util@2.0.0",
                        "pkg:npm/%40acme/web@0.1.0",
                        "pkg:npm/fsevents@2.3.3",
                        "pkg:npm/helper@1.0.0",
                        "pkg:npm/left-pad@1.3.0",
                        "pkg:npm/prettier-fork@2.1.0",
                        "pkg:npm/shop@1.0.0",
                        "pkg:npm/tester@3.0.0");
        assertThat(edges(result))
                .containsExactly(
                        "pkg:npm/%40acme/web@0.1.0 -> pkg:npm/left-pad@1.3.0",
                        "pkg:npm/left-pad@1.3.0 -> pkg:npm/%40acme/util@2.0.0",
                        "pkg:npm/shop@1.0.0 -> pkg:npm/%40acme/util@1.1.0",
                        "pkg:npm/shop@1.0.0 -> pkg:npm/%40acme/web@0.1.0",
                        "pkg:npm/shop@1.0.0 -> pkg:npm/fsevents@2.3.3",
                        "pkg:npm/shop@1.0.0 -> pkg:npm/left-pad@1.3.0",
                        "pkg:npm/shop@1.0.0 -> pkg:npm/prettier-fork@2.1.0",
                        "pkg:npm/shop@1.0.0 -> pkg:npm/tester@3.0.0",
                        "pkg:npm/tester@3.0.0 -> pkg:npm/helper@1.0.0",
                        "pkg:npm/tester@3.0.0 -> pkg:npm/left-pad@1.3.0");
        assertThat(scopes(result))
                .containsEntry("pkg:npm/tester@3.0.0", Scope.EXCLUDED)
                .containsEntry("pkg:npm/helper@1.0.0", Scope.EXCLUDED)
                .containsEntry("pkg:npm/fsevents@2.3.3", Scope.OPTIONAL)
                .containsEntry("pkg:npm/left-pad@1.3.0", Scope.REQUIRED)
                .containsEntry("pkg:npm/%40acme/web@0.1.0", Scope.REQUIRED);

        Component root = component(result, "pkg:npm/shop@1.0.0");
        assertThat(root.kind()).isEqualTo(ComponentKind.APPLICATION);
        assertThat(root.licenses()).containsExactly("MIT");
        Component leftPad = component(result, "pkg:npm/left-pad@1.3.0");
        assertThat(leftPad.hashes()).containsExactly(new Hash(HashAlgorithm.SHA512, digestHex("SHA-512", "left-pad")));
        assertThat(leftPad.licenses()).containsExactly("WTFPL");
        assertThat(leftPad.evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.catalogerId()).isEqualTo("javascript-package-lock-cataloger");
            assertThat(evidence.location().path()).isEqualTo("package-lock.json");
            assertThat(evidence.versionSource()).isEqualTo("package-lock.json");
        });
        Component util = component(result, "pkg:npm/%40acme/util@1.1.0");
        assertThat(util.group()).isEqualTo("@acme");
        assertThat(util.name()).isEqualTo("util");
        assertThat(util.hashes()).containsExactly(new Hash(HashAlgorithm.SHA1, digestHex("SHA-1", "acme-util")));
        assertThat(component(result, "pkg:npm/%40acme/util@2.0.0").licenses()).containsExactly("Apache-2.0");
    }

    @Test
    void catalog_lockfileVersion1_resolvesRequiresUpTheNestingAndUsesPackageJsonForDirectDependencies() {
        CatalogResult result =
                CatalogTesting.catalogDirectory(CATALOGER, Fixtures.path(getClass(), "javascript/package-lock-v1"));

        assertThat(CatalogTesting.purls(result))
                .containsExactly(
                        "pkg:npm/a@1.0.0",
                        "pkg:npm/b@1.0.0",
                        "pkg:npm/c@1.0.0",
                        "pkg:npm/c@2.0.0",
                        "pkg:npm/legacy@0.9.0",
                        "pkg:npm/real-d@3.0.0");
        assertThat(edges(result))
                .containsExactly(
                        "pkg:npm/a@1.0.0 -> pkg:npm/b@1.0.0",
                        "pkg:npm/b@1.0.0 -> pkg:npm/a@1.0.0",
                        "pkg:npm/b@1.0.0 -> pkg:npm/c@2.0.0",
                        "pkg:npm/legacy@0.9.0 -> pkg:npm/a@1.0.0",
                        "pkg:npm/legacy@0.9.0 -> pkg:npm/c@1.0.0",
                        "pkg:npm/legacy@0.9.0 -> pkg:npm/real-d@3.0.0");
        assertThat(scopes(result))
                .containsEntry("pkg:npm/a@1.0.0", Scope.REQUIRED)
                .containsEntry("pkg:npm/c@1.0.0", Scope.EXCLUDED)
                .containsEntry("pkg:npm/c@2.0.0", Scope.EXCLUDED)
                .containsEntry("pkg:npm/real-d@3.0.0", Scope.OPTIONAL);
    }

    @Test
    void catalog_dependencyCycleWithoutManifest_terminatesWithBothEdges(@TempDir Path directory) {
        write(directory, "package-lock.json", """
                {"lockfileVersion": 3, "packages": {
                  "": {"name": "loop", "version": "1.0.0", "dependencies": {"a": "1"}},
                  "node_modules/a": {"version": "1.0.0", "dependencies": {"b": "1"}},
                  "node_modules/b": {"version": "1.0.0", "dependencies": {"a": "1"}}}}
                """);
        write(directory, "v1/package-lock.json", """
                {"lockfileVersion": 1, "dependencies": {
                  "a": {"version": "1.0.0", "requires": {"b": "1"}},
                  "b": {"version": "1.0.0", "requires": {"a": "1"}}}}
                """);

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(edges(result))
                .containsExactly(
                        "pkg:npm/a@1.0.0 -> pkg:npm/b@1.0.0",
                        "pkg:npm/b@1.0.0 -> pkg:npm/a@1.0.0",
                        "pkg:npm/loop@1.0.0 -> pkg:npm/a@1.0.0");
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void catalog_workspaceLinkWithoutTarget_emitsNothingForTheLink(@TempDir Path directory) {
        write(directory, "package-lock.json", """
                {"lockfileVersion": 3, "packages": {
                  "": {"name": "app", "version": "1.0.0", "dependencies": {"gone": "*"}},
                  "node_modules/gone": {"resolved": "packages/gone", "link": true}}}
                """);

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(CatalogTesting.purls(result)).containsExactly("pkg:npm/app@1.0.0");
        assertThat(result.relationships()).isEmpty();
    }

    @Test
    void catalog_lockfileInsideNodeModules_isIgnoredButShrinkwrapIsRead(@TempDir Path directory) {
        String lock = """
                {"lockfileVersion": 3, "packages": {"node_modules/x": {"version": "1.0.0"}}}
                """;
        write(directory, "node_modules/dep/package-lock.json", lock);
        write(directory, "node_modules/dep/npm-shrinkwrap.json", lock.replace("1.0.0", "2.0.0"));

        assertThat(CatalogTesting.purls(CatalogTesting.catalogDirectory(CATALOGER, directory)))
                .containsExactly("pkg:npm/x@2.0.0");
    }

    /**
     * index.csv counts {@code packages} entries including the root; the components are the distinct
     * name@version pairs among the installed folders (links excluded) plus the root project, counted
     * independently with a script over the same files.
     */
    @ParameterizedTest
    @CsvSource({
        "package-json/theia/package-lock.json, 1923, pkg:npm/theia-ide@1.59.0",
        "package-json/v1/package-lock.json, 770, pkg:npm/jsforwp-blocks@2.0.0",
        "package-json/v2-workspace/package-lock.json, 949, pkg:npm/root@0.0.0",
        "package-json/v2/package-lock.json, 134, pkg:npm/shopify-theme-tailwindcss@2.2.1",
        "package-json/v3/package-lock.json, 151, pkg:npm/clase-21---jwt@1.0.0",
        "package-lock-v1.json, 572, pkg:npm/x-tag@2.0.3-beta",
        "package-lock-v2.json, 1280, pkg:npm/flink-dashboard@2.0.0",
        "package-lock-v3.json, 649, pkg:npm/%40cyclonedx/cdxgen@8.4.3",
        "package-lock4.json, 306, pkg:npm/grpc-currency-service@0.1.0",
        "package-lock2.json, 1, pkg:npm/MyProject"
    })
    void catalog_cdxgenCorpus_findsEveryDistinctPackageAndTheRoot(String file, int components, String root)
            throws IOException {
        Path source = Corpora.require("lockfiles/cdxgen-test-data/" + file);
        Path directory = Files.createTempDirectory(scratch, "npm-");
        Files.copy(source, directory.resolve("package-lock.json"));
        Path manifest = source.resolveSibling("package.json");
        if (Files.exists(manifest)) {
            Files.copy(manifest, directory.resolve("package.json"));
        }

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(result.components()).hasSize(components);
        assertThat(result.unknowns()).isEmpty();
        assertThat(component(result, root).kind()).isEqualTo(ComponentKind.APPLICATION);
        // Every package is reachable from the root: the graph is complete, not a flat list.
        assertThat(reachableFrom(result, root)).isEqualTo(components);
    }

    @Test
    void catalog_theiaLockfile_marksDevOnlyPackagesExcluded() {
        Path source = Corpora.require("lockfiles/cdxgen-test-data/package-json/theia/package-lock.json");

        CatalogResult result = CatalogTesting.catalogFile(CATALOGER, source);

        // 1,511 installed folders carry dev or devOptional; as distinct packages (merged with the
        // least restrictive scope) that is 1,124.
        assertThat(result.components().stream().filter(c -> c.scope() == Scope.EXCLUDED))
                .hasSize(1124);
        assertThat(component(result, "pkg:npm/%40theia/core@1.59.0-next.72%2Bf41d8efcd")
                        .scope())
                .isEqualTo(Scope.REQUIRED);
    }

    @Test
    void catalog_syftArrayLicense_keepsEveryLicense() {
        Path source = Corpora.require(
                "lockfiles/syft-test-fixtures/javascript/testdata/pkg-lock/array-license-package-lock.json");
        Path directory = copyAs(source, "package-lock.json");

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(component(result, "pkg:npm/pause-stream@0.0.11").licenses()).containsExactly("Apache2", "MIT");
        assertThat(edges(result))
                .containsExactly(
                        "pkg:npm/pause-stream@0.0.11 -> pkg:npm/through@2.3.8",
                        "pkg:npm/tmp@1.0.0 -> pkg:npm/pause-stream@0.0.11");
    }

    @Test
    void catalog_truncatedJson_isAnUnknownNamingTheFile(@TempDir Path directory) {
        write(directory, "package-lock.json", "{\"lockfileVersion\": 3, \"packages\": {\"node_modules/a\": {\"vers");

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo("package-lock.json");
            assertThat(unknown.catalogerId()).isEqualTo("javascript-package-lock-cataloger");
            assertThat(unknown.reason()).contains("not valid JSON");
        });
    }

    @Test
    void catalog_syftCorruptLockfile_isAnUnknown() {
        Path source = Corpora.require("lockfiles/syft-test-fixtures/javascript/testdata/corrupt/package-lock.json");

        CatalogResult result = CatalogTesting.catalogFile(CATALOGER, source);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns()).hasSize(1);
    }

    @Test
    void catalog_deeplyNestedVersion1Tree_isAnUnknownNotAStackOverflow(@TempDir Path directory) {
        StringBuilder json = new StringBuilder("{\"lockfileVersion\": 1, \"dependencies\": ");
        int depth = 5_000;
        for (int level = 0; level < depth; level++) {
            json.append("{\"p").append(level).append("\": {\"version\": \"1.0.0\", \"dependencies\": ");
        }
        json.append("{}");
        json.append("}}".repeat(depth)).append('}');
        write(directory, "package-lock.json", json.toString());

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.reason()).contains("nesting depth"));
    }

    @Test
    void catalog_nestingWithinTheParserLimit_isReadCompletely(@TempDir Path directory) {
        StringBuilder json = new StringBuilder("{\"lockfileVersion\": 1, \"dependencies\": ");
        int depth = 200;
        for (int level = 0; level < depth; level++) {
            json.append("{\"p").append(level).append("\": {\"version\": \"1.0.0\", \"dependencies\": ");
        }
        json.append("{}");
        json.append("}}".repeat(depth)).append('}');
        write(directory, "package-lock.json", json.toString());

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(result.components()).hasSize(depth);
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void catalog_invalidUtf8_isAnUnknown(@TempDir Path directory) {
        byte[] prefix = "{\"lockfileVersion\": 3, \"packages\": {\"node_modules/"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] suffix = "\": {\"version\": \"1.0.0\"}}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] content = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        content[prefix.length] = (byte) 0xC3;
        content[prefix.length + 1] = (byte) 0x28;
        System.arraycopy(suffix, 0, content, prefix.length + 2, suffix.length);
        write(directory, "package-lock.json", content);

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.reason()).contains("UTF-8"));
    }

    @Test
    void catalog_fileOverTheSizeLimit_isAnUnknownNamingTheLimit() {
        Path directory = Fixtures.path(getClass(), "javascript/package-lock-v3");

        CatalogResult result =
                CatalogTesting.catalogDirectory(CATALOGER, directory, Limits.DEFAULT.withMaxFileBytes(512));

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo("package-lock.json");
            assertThat(unknown.reason()).contains("limit of 512 bytes");
        });
    }

    @Test
    void catalog_invalidPackageName_skipsThatPackageWithAnUnknownAndKeepsTheRest(@TempDir Path directory) {
        write(directory, "package-lock.json", """
                {"lockfileVersion": 3, "packages": {
                  "node_modules/ok": {"version": "1.0.0"},
                  "node_modules/bad": {"name": "", "version": "1.0.0"},
                  "node_modules/@/": {"version": "1.0.0"}}}
                """);

        CatalogResult result = CatalogTesting.catalogDirectory(CATALOGER, directory);

        // An empty "name" falls back to the install path; "@/" cannot be a purl and costs only itself.
        assertThat(CatalogTesting.purls(result)).containsExactly("pkg:npm/bad@1.0.0", "pkg:npm/ok@1.0.0");
        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.reason()).contains("skipped package @/@1.0.0"));
    }

    private Path copyAs(Path source, String name) {
        try {
            Path directory = Files.createTempDirectory(scratch, "npm-");
            Files.copy(source, directory.resolve(name));
            return directory;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int reachableFrom(CatalogResult result, String root) {
        java.util.Map<String, java.util.List<String>> adjacency = new java.util.HashMap<>();
        result.relationships()
                .forEach(edge -> adjacency
                        .computeIfAbsent(edge.from().toString(), key -> new java.util.ArrayList<>())
                        .add(edge.to().toString()));
        java.util.Set<String> seen = new java.util.HashSet<>(java.util.List.of(root));
        java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>(java.util.List.of(root));
        while (!queue.isEmpty()) {
            for (String next : adjacency.getOrDefault(queue.poll(), java.util.List.of())) {
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return seen.size();
    }
}
