package dev.assay.catalog.php;

import static dev.assay.catalog.CatalogTesting.catalogDirectory;
import static dev.assay.catalog.CatalogTesting.catalogRootfs;
import static dev.assay.catalog.CatalogTesting.purls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.catalog.CatalogTesting;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Hash;
import dev.assay.model.HashAlgorithm;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Scope;
import dev.assay.model.untrusted.Limits;
import dev.assay.testkit.Corpora;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposerParsersTest {
    private final Cataloger lock = PhpCatalogers.composerLock();
    private final Cataloger installed = PhpCatalogers.composerInstalled();

    @TempDir
    Path temp;

    private static Component component(CatalogResult result, String purl) {
        return result.components().stream()
                .filter(component -> component.bomRef().equals(purl))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no component " + purl + " in " + purls(result)));
    }

    private static Relationship edge(String from, String to) {
        return Relationship.dependsOn(Purl.parse(from), Purl.parse(to));
    }

    @Test
    void parseLock_rootFromComposerJson_shasumProvideAndDevScope() {
        CatalogResult result = catalogDirectory(lock, Fixtures.path(getClass(), "php/own"));

        assertThat(purls(result))
                .containsExactly(
                        "pkg:composer/acme/shop",
                        "pkg:composer/guzzlehttp/guzzle@7.8.1",
                        "pkg:composer/phpunit/phpunit@10.5.20",
                        "pkg:composer/psr/http-client@1.0.3");
        Component root = component(result, "pkg:composer/acme/shop");
        assertThat(root.kind()).isEqualTo(ComponentKind.APPLICATION);
        assertThat(root.licenses()).containsExactly("proprietary");
        Component guzzle = component(result, "pkg:composer/guzzlehttp/guzzle@7.8.1");
        assertThat(guzzle.hashes())
                .containsExactly(new Hash(HashAlgorithm.SHA1, "0123456789abcdef0123456789abcdef01234567"));
        assertThat(guzzle.licenses()).containsExactly("MIT");
        assertThat(component(result, "pkg:composer/psr/http-client@1.0.3").licenses())
                .containsExactly("MIT");
        assertThat(component(result, "pkg:composer/phpunit/phpunit@10.5.20").scope())
                .isEqualTo(Scope.EXCLUDED);
        assertThat(guzzle.scope()).isEqualTo(Scope.REQUIRED);
        // psr/http-client-implementation is provided by guzzle; php and ext-json are platform requirements
        assertThat(result.relationships())
                .containsExactlyInAnyOrder(
                        edge("pkg:composer/acme/shop", "pkg:composer/guzzlehttp/guzzle@7.8.1"),
                        edge("pkg:composer/acme/shop", "pkg:composer/phpunit/phpunit@10.5.20"),
                        edge("pkg:composer/guzzlehttp/guzzle@7.8.1", "pkg:composer/psr/http-client@1.0.3"),
                        edge("pkg:composer/phpunit/phpunit@10.5.20", "pkg:composer/guzzlehttp/guzzle@7.8.1"));
    }

    @Test
    void parseLock_syftFixture_packagesAndDevPackages() {
        CatalogResult result = catalogDirectory(lock, Fixtures.path(getClass(), "php/syft"));

        assertThat(result.components()).hasSize(4);
        assertThat(result.components().stream().filter(component -> component.scope() == Scope.EXCLUDED))
                .hasSize(2);
        assertThat(purls(result)).contains("pkg:composer/adoy/fastcgi-client@1.0.2");
        assertThat(component(result, "pkg:composer/adoy/fastcgi-client@1.0.2").hashes())
                .isEmpty();
        assertThat(component(result, "pkg:composer/adoy/fastcgi-client@1.0.2").property("assay:composer-reference"))
                .contains("6d9a552f0206a1db7feb442824540aa6c55e5b27");
    }

    @Test
    void parseLock_realProjectWithManifest_countsAndRootEdges() throws IOException {
        Files.copy(Corpora.require("lockfiles/cdxgen-test-data/composer-2.lock"), temp.resolve("composer.lock"));
        Files.copy(Corpora.require("lockfiles/cdxgen-test-data/composer-2.json"), temp.resolve("composer.json"));

        CatalogResult result = catalogDirectory(lock, temp);

        assertThat(result.components()).hasSize(28 + 45 + 1);
        assertThat(result.components().stream().filter(component -> component.scope() == Scope.EXCLUDED))
                .hasSize(45);
        assertThat(result.relationships().stream()
                        .filter(edge -> edge.from().toString().equals("pkg:composer/vimeo/psalm")))
                .hasSize(24); // 25 require/require-dev entries naming 24 distinct packages
        assertThat(purls(result)).contains("pkg:composer/amphp/amp@v2.4.4");
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void parseInstalled_composer1And2_devPackageNamesAreExcluded() {
        CatalogResult v1 = catalogRootfs(installed, Fixtures.path(getClass(), "php/rootfs1"), null);
        CatalogResult v2 = catalogRootfs(installed, Fixtures.path(getClass(), "php/rootfs2"), null);

        assertThat(purls(v1)).containsExactly("pkg:composer/asm89/stack-cors@1.3.0", "pkg:composer/behat/mink@v1.8.1");
        assertThat(purls(v2)).isEqualTo(purls(v1));
        assertThat(component(v1, "pkg:composer/behat/mink@v1.8.1").scope()).isEqualTo(Scope.REQUIRED);
        assertThat(component(v2, "pkg:composer/behat/mink@v1.8.1").scope()).isEqualTo(Scope.EXCLUDED);
        assertThat(component(v2, "pkg:composer/asm89/stack-cors@1.3.0").licenses())
                .containsExactly("MIT");
        assertThat(component(v2, "pkg:composer/asm89/stack-cors@1.3.0")
                        .evidence()
                        .first()
                        .location()
                        .path())
                .isEqualTo("app/vendor/composer/installed.json");
    }

    @Test
    void parseLock_malformedJsonTruncatedAndWrongShapes_areUnknowns() throws IOException {
        Path truncated = Files.createDirectories(temp.resolve("truncated"));
        Files.writeString(
                truncated.resolve("composer.lock"),
                "{\"packages\": [{\"name\": \"a/b\", \"vers",
                StandardCharsets.UTF_8);
        Path shapes = Files.createDirectories(temp.resolve("shapes"));
        Files.writeString(
                shapes.resolve("composer.lock"),
                "{\"packages\": [1, {\"name\": \"../../etc\", \"version\": \"1\"}, {\"name\": \"ok/pkg\", \"version\": \"2.0\","
                        + " \"license\": {\"x\": 1}, \"dist\": {\"shasum\": \"not-hex\"}, \"require\": [\"weird\"]}],"
                        + " \"packages-dev\": \"nope\"}",
                StandardCharsets.UTF_8);
        Path array = Files.createDirectories(temp.resolve("array"));
        Files.writeString(array.resolve("composer.lock"), "[]", StandardCharsets.UTF_8);
        Path utf8 = Files.createDirectories(temp.resolve("utf8"));
        Files.write(utf8.resolve("composer.lock"), new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'});

        CatalogResult result = catalogDirectory(lock, temp);

        assertThat(purls(result)).containsExactly("pkg:composer/ok/pkg@2.0");
        assertThat(result.unknowns())
                .extracting(unknown -> unknown.location().path())
                .contains(
                        "truncated/composer.lock", "array/composer.lock", "shapes/composer.lock", "utf8/composer.lock");
    }

    @Test
    void parseLock_deepNestingAndOverSize_areUnknowns() throws IOException {
        Files.writeString(
                temp.resolve("composer.lock"), "[".repeat(10_000) + "]".repeat(10_000), StandardCharsets.UTF_8);
        CatalogResult nested = catalogDirectory(lock, temp);
        assertThat(nested.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.reason()).contains("not valid JSON"));

        CatalogResult big = CatalogTesting.catalogDirectory(lock, temp, Limits.DEFAULT.withMaxFileBytes(1000));
        assertThat(big.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.reason()).contains("limit"));
    }
}
