package dev.assay.catalog.rust;

import static dev.assay.catalog.CatalogTesting.catalogDirectory;
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
import dev.assay.model.untrusted.Limits;
import dev.assay.testkit.Corpora;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CargoLockParserTest {
    private final Cataloger cataloger = RustCatalogers.cargoLock();

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
    void parse_v3_checksumsAndVersionedDependencyReferences() {
        CatalogResult result = catalogDirectory(cataloger, Fixtures.path(getClass(), "rust/syft"));

        assertThat(result.components()).hasSize(14);
        assertThat(component(result, "pkg:cargo/ansi_term@0.12.1").hashes())
                .containsExactly(new Hash(
                        HashAlgorithm.SHA256, "d52a9bb7ec0cf484c551830a7ce27bd20d67eac647e1befb56b0be4ee39a55d2"));
        // "windows-sys 0.52.0" picks one of the two locked windows-sys versions
        assertThat(result.relationships())
                .contains(edge("pkg:cargo/errno@0.3.9", "pkg:cargo/windows-sys@0.52.0"))
                .doesNotContain(edge("pkg:cargo/errno@0.3.9", "pkg:cargo/windows-sys@0.59.0"))
                .contains(edge("pkg:cargo/nom@4.2.3", "pkg:cargo/memchr@2.3.3"));
        assertThat(result.components()).allMatch(component -> component.kind() == ComponentKind.LIBRARY);
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void parse_pathDependencies_rootIsApplicationPathCrateIsLibrary() {
        CatalogResult result = catalogDirectory(cataloger, Fixtures.path(getClass(), "rust/path-deps"));

        assertThat(purls(result))
                .containsExactly("pkg:cargo/app@1.0.0", "pkg:cargo/memchr@2.7.4", "pkg:cargo/telemetry@0.1.0");
        assertThat(component(result, "pkg:cargo/app@1.0.0").kind()).isEqualTo(ComponentKind.APPLICATION);
        Component telemetry = component(result, "pkg:cargo/telemetry@0.1.0");
        assertThat(telemetry.kind()).isEqualTo(ComponentKind.LIBRARY);
        assertThat(telemetry.property("assay:cargo-source")).contains("local");
        assertThat(result.relationships())
                .contains(
                        edge("pkg:cargo/app@1.0.0", "pkg:cargo/memchr@2.7.4"),
                        edge("pkg:cargo/app@1.0.0", "pkg:cargo/telemetry@0.1.0"));
    }

    @Test
    void parse_v1_metadataChecksumsAndFullReferences() {
        CatalogResult result = catalogDirectory(cataloger, Fixtures.path(getClass(), "rust/v1"));

        assertThat(purls(result))
                .containsExactly(
                        "pkg:cargo/demo@0.1.0",
                        "pkg:cargo/forked@0.2.0",
                        "pkg:cargo/itoa@0.4.8",
                        "pkg:cargo/itoa@1.0.11");
        assertThat(component(result, "pkg:cargo/itoa@1.0.11").hashes())
                .containsExactly(new Hash(
                        HashAlgorithm.SHA256, "49f1f14873335454500d59611f1cf4a4b0f786f9ac11f4312a78e4cf2566695b"));
        Component forked = component(result, "pkg:cargo/forked@0.2.0");
        assertThat(forked.hashes()).isEmpty();
        assertThat(forked.property("assay:cargo-source"))
                .contains("git+https://example.com/forked.git#0123456789abcdef0123456789abcdef01234567");
        assertThat(result.relationships())
                .containsExactlyInAnyOrder(
                        edge("pkg:cargo/demo@0.1.0", "pkg:cargo/itoa@0.4.8"),
                        edge("pkg:cargo/demo@0.1.0", "pkg:cargo/itoa@1.0.11"),
                        edge("pkg:cargo/demo@0.1.0", "pkg:cargo/forked@0.2.0"));
    }

    @Test
    void parse_realWorkspaceLock_countsAndRoots() throws IOException {
        Path corpus = Corpora.require("lockfiles/cdxgen-test-data/Cargom.lock");
        Files.copy(corpus, temp.resolve("Cargo.lock"));

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(result.components()).hasSize(243);
        assertThat(result.components().stream()
                        .filter(component -> component.kind() == ComponentKind.APPLICATION)
                        .map(Component::bomRef))
                .containsExactlyInAnyOrder(
                        "pkg:cargo/rust-code-analysis-cli@0.0.24", "pkg:cargo/rust-code-analysis-web@0.0.24");
        assertThat(result.relationships())
                .contains(edge("pkg:cargo/rust-code-analysis-cli@0.0.24", "pkg:cargo/rust-code-analysis@0.0.24"));
        assertThat(result.components().stream()
                        .filter(component -> component.hashes().isEmpty()))
                .hasSize(7)
                .allMatch(component ->
                        component.property("assay:cargo-source").orElseThrow().equals("local"));
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void parse_malformedToml_isUnknownNamingTheFile() throws IOException {
        write("[[package]]\nname = \"a\"\nversion = \"1.0.0\ndependencies = [\n");

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo("Cargo.lock");
            assertThat(unknown.reason()).contains("not valid TOML");
        });
    }

    @Test
    void parse_wrongTypesAndInvalidUtf8_skipsBadPackagesKeepsGoodOnes() throws IOException {
        byte[] bytes = ("[[package]]\nname = \"good\"\nversion = \"1.0.0\"\ndependencies = [\"missing\", \"good\"]\n\n"
                        + "[[package]]\nname = 42\nversion = \"1\"\ndependencies = [1, 2]\n\n"
                        + "[[package]]\nname = \"bad\u00ff\"\nversion = \"1\"\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(temp.resolve("Cargo.lock"), bytes);

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(result.unknowns()).hasSize(2);
        assertThat(purls(result)).containsExactly("pkg:cargo/good@1.0.0");
        assertThat(result.relationships()).isEmpty();
    }

    @Test
    void parse_packageNotAnArray_isUnknown() throws IOException {
        write("package = \"oops\"\n");

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.reason()).contains("not an array"));
    }

    @Test
    void parse_truncatedAndDeeplyNested_neverCrash() throws IOException {
        write("x = " + "[".repeat(50_000) + "\n");
        CatalogResult nested = catalogDirectory(cataloger, temp);
        assertThat(nested.components()).isEmpty();
        assertThat(nested.unknowns()).hasSize(1);

        Path syft = Fixtures.path(getClass(), "rust/syft/Cargo.lock");
        byte[] whole = Files.readAllBytes(syft);
        Files.write(temp.resolve("Cargo.lock"), java.util.Arrays.copyOf(whole, whole.length / 2));
        CatalogResult truncated = catalogDirectory(cataloger, temp);
        assertThat(truncated.unknowns()).hasSize(1);
    }

    @Test
    void parse_overSizeFile_isUnknown() throws IOException {
        write("# padding\n".repeat(100));

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp, Limits.DEFAULT.withMaxFileBytes(64));

        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.reason()).contains("limit"));
    }

    private void write(String text) throws IOException {
        Files.writeString(temp.resolve("Cargo.lock"), text, StandardCharsets.UTF_8);
    }
}
