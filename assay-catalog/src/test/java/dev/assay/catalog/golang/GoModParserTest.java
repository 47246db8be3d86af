package dev.assay.catalog.golang;

import static dev.assay.catalog.CatalogTesting.catalogDirectory;
import static dev.assay.catalog.CatalogTesting.purls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.catalog.CatalogTesting;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
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

class GoModParserTest {
    private final Cataloger cataloger = GoCatalogers.goModules();

    @TempDir
    Path temp;

    private CatalogResult catalog(String fixture) {
        return catalogDirectory(cataloger, Fixtures.path(getClass(), "golang/" + fixture));
    }

    private static Component component(CatalogResult result, String purl) {
        return result.components().stream()
                .filter(component -> component.bomRef().equals(purl))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no component " + purl + " in " + purls(result)));
    }

    @Test
    void parse_replaceAndExclude_appliesThemLikeGo() {
        CatalogResult result = catalog("many-packages");

        assertThat(purls(result))
                .containsExactly(
                        "pkg:golang/github.com/anchore/archiver/v3@v3.5.2",
                        "pkg:golang/github.com/anchore/go-testutils@v0.0.0-20200624184116-66aa578126db",
                        "pkg:golang/github.com/anchore/go-version@v1.2.2-0.20200701162849-18adb9c92b9b",
                        "pkg:golang/github.com/anchore/stereoscope@v0.0.0-20200706164556-7cf39d7f4639",
                        "pkg:golang/github.com/anchore/syft",
                        "pkg:golang/github.com/bmatcuk/doublestar@v8.8.8",
                        "pkg:golang/github.com/go-test/deep@v1.0.6");
        Component main = component(result, "pkg:golang/github.com/anchore/syft");
        assertThat(main.kind()).isEqualTo(ComponentKind.APPLICATION);
        assertThat(main.property("assay:go-version")).contains("1.14");
        Component doublestar = component(result, "pkg:golang/github.com/bmatcuk/doublestar@v8.8.8");
        assertThat(doublestar.property("assay:go-indirect")).contains("true");
        assertThat(doublestar.property("assay:go-replaces")).contains("github.com/bmatcuk/doublestar@v1.3.1");
        assertThat(doublestar.evidence().first().versionSource()).isEqualTo("go.mod replace");
        // the indirect (replaced) doublestar is not a direct dependency of the main module
        assertThat(result.relationships())
                .hasSize(5)
                .allMatch(edge -> edge.from().equals(main.purl()))
                .noneMatch(edge -> edge.to().equals(doublestar.purl()));
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void parse_goSum_addsH1OnlyForBuiltVersions() {
        CatalogResult result = catalog("go-sum-hashes");

        assertThat(purls(result))
                .containsExactly(
                        "pkg:golang/github.com/acarl005/stripansi@v0.0.0-20180116102854-5a71ef0e047d",
                        "pkg:golang/github.com/anchore/syft",
                        "pkg:golang/github.com/cyclonedx/cyclonedx-go@v0.6.0",
                        "pkg:golang/github.com/mgutz/ansi@v0.0.0-20200706080929-d51e80ef957d");
        assertThat(component(result, "pkg:golang/github.com/acarl005/stripansi@v0.0.0-20180116102854-5a71ef0e047d")
                        .property("assay:go-h1"))
                .contains("h1:licZJFw2RwpHMqeKTCYkitsPqHNxTmd4SNR5r94FGM8=");
        // go.sum holds only the /go.mod line of the replacement v0.6.0, and v0.7.0's h1 is not the built one
        Component cyclonedx = component(result, "pkg:golang/github.com/cyclonedx/cyclonedx-go@v0.6.0");
        assertThat(cyclonedx.property("assay:go-h1")).isEmpty();
        assertThat(cyclonedx.hashes()).isEmpty();
        // go.sum lists testify, go-spew and more that are not in the build list: never components
        assertThat(purls(result)).noneMatch(purl -> purl.contains("testify") || purl.contains("go-spew"));
    }

    @Test
    void parse_localReplace_dropsTheModule() {
        CatalogResult result = catalog("relative-replace");

        assertThat(purls(result)).containsExactly("pkg:golang/github.com/aws/aws-sdk-go-v2/feature/ec2/imds");
        assertThat(result.relationships()).isEmpty();
    }

    @Test
    void parse_pathWideReplaceBlock_changesVersions() {
        CatalogResult result = catalog("go-source-replacements");

        assertThat(purls(result))
                .containsExactly(
                        "pkg:golang/example.com/repro",
                        "pkg:golang/golang.org/x/text@v0.0.0-20170915032832-14c0d48ead0c",
                        "pkg:golang/rsc.io/quote@v1.5.2",
                        "pkg:golang/rsc.io/sampler@v1.3.1");
        assertThat(result.relationships())
                .containsExactly(Relationship.dependsOn(
                        Purl.parse("pkg:golang/example.com/repro"), Purl.parse("pkg:golang/rsc.io/quote@v1.5.2")));
    }

    @Test
    void parse_ownFixture_exactH1AndEdges() {
        CatalogResult result = catalog("hello-src");

        assertThat(purls(result))
                .containsExactly(
                        "pkg:golang/example.com/greet@v1.2.0",
                        "pkg:golang/example.com/hello",
                        "pkg:golang/example.com/shout@v0.3.1");
        assertThat(component(result, "pkg:golang/example.com/shout@v0.3.1").property("assay:go-h1"))
                .contains("h1:g4TcOCvkv4sjSRFQpQfA98Ed6TGHyxJ33L7WkIKiP7M=");
        assertThat(result.relationships()).hasSize(2);
    }

    @Test
    void parse_unknownDirective_keepsTheRestAndReportsUnknown() {
        CatalogResult result = catalog("corrupt");

        assertThat(purls(result)).containsExactly("pkg:golang/github.com/anchore/syft");
        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo("go.mod");
            assertThat(unknown.reason()).contains("unknown directive 'ruire'");
        });
    }

    @Test
    void parse_realSyftGoMod_allRequiresOnlyDirectOnesAreEdges() {
        Path corpus = Corpora.require("lockfiles/cdxgen-test-data/go-syft.mod");
        CatalogResult result = catalogAs(corpus, "go.mod");

        // 235 requires (80 direct) in four require forms, a retract block, one module-to-module replace
        assertThat(result.components()).hasSize(236);
        assertThat(result.relationships()).hasSize(80);
        assertThat(purls(result))
                .contains("pkg:golang/github.com/anchore/archiver/v3@v3.5.2")
                .noneMatch(purl -> purl.contains("mholt/archiver"));
        // purls of golang are lower-cased by packageurl-java; the component keeps Go's case-sensitive path
        Component toml = component(result, "pkg:golang/github.com/burntsushi/toml@v1.4.0");
        assertThat(toml.group()).isEqualTo("github.com/BurntSushi");
        assertThat(toml.property("assay:go-module-path")).contains("github.com/BurntSushi/toml");
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void parse_incompatibleVersion_isKeptInThePurl() {
        Path corpus = Corpora.require("lockfiles/cdxgen-test-data/go-dvwa.mod");
        CatalogResult result = catalogAs(corpus, "go.mod");

        assertThat(result.components()).hasSize(20);
        assertThat(purls(result)).contains("pkg:golang/github.com/mattn/go-sqlite3@v2.0.3%2Bincompatible");
        assertThat(result.relationships()).hasSize(4);
    }

    @Test
    void parse_quotedTokensAndSingleLineForms() throws IOException {
        write("go.mod", """
                module "example.com/quoted" // the main module
                go 1.22
                toolchain go1.22.3
                require `example.com/a` v1.0.0
                require example.com/b v2.0.0+incompatible // indirect; kept for tests
                replace example.com/a v1.0.0 => example.com/a-fork v1.0.1
                retract v0.9.0
                """);

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(purls(result))
                .containsExactly(
                        "pkg:golang/example.com/a-fork@v1.0.1",
                        "pkg:golang/example.com/b@v2.0.0%2Bincompatible",
                        "pkg:golang/example.com/quoted");
        assertThat(component(result, "pkg:golang/example.com/b@v2.0.0%2Bincompatible")
                        .property("assay:go-indirect"))
                .contains("true");
        assertThat(component(result, "pkg:golang/example.com/quoted").property("assay:go-toolchain"))
                .contains("go1.22.3");
        assertThat(result.relationships()).hasSize(1);
    }

    @Test
    void parse_invalidUtf8AndControlCharacters_reportsUnknownNoCrash() throws IOException {
        byte[] hostile = "module example.com/ok\nrequire ex\u0000ample.com/\u00ff v1.0.0\nrequire \u00c3( v1\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(temp.resolve("go.mod"), hostile);

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(purls(result)).containsExactly("pkg:golang/example.com/ok");
        assertThat(result.unknowns())
                .isNotEmpty()
                .allMatch(unknown -> unknown.reason().contains("malformed"));
    }

    @Test
    void parse_truncatedBlock_keepsWhatWasReadAndReportsUnknown() throws IOException {
        write("go.mod", "module example.com/cut\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.");

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(purls(result)).containsExactly("pkg:golang/example.com/a@v1.0.0", "pkg:golang/example.com/cut");
        assertThat(result.unknowns())
                .extracting(unknown -> unknown.reason())
                .anyMatch(reason -> reason.contains("unterminated"));
    }

    @Test
    void parse_overSizeFile_isUnknownNamingTheFile() throws IOException {
        write("go.mod", "module example.com/big\n" + "// padding\n".repeat(200));

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp, Limits.DEFAULT.withMaxFileBytes(100));

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo("go.mod");
            assertThat(unknown.reason()).contains("limit");
        });
    }

    @Test
    void parse_oversizeGoSum_costsOnlyTheSums() throws IOException {
        write("go.mod", "module example.com/m\nrequire example.com/a v1.0.0\n");
        write("go.sum", "example.com/a v1.0.0 h1:pQGFrop5p1fiNCuu86cP7ftRraut4+2JcEqBX4GGnFk=\n".repeat(10));

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp, Limits.DEFAULT.withMaxFileBytes(200));

        assertThat(purls(result)).containsExactly("pkg:golang/example.com/a@v1.0.0", "pkg:golang/example.com/m");
        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.location().path()).isEqualTo("go.sum"));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(temp.resolve(name), text, StandardCharsets.UTF_8);
    }

    private CatalogResult catalogAs(Path file, String name) {
        try {
            Path directory = Files.createDirectories(temp.resolve("copy"));
            Files.copy(file, directory.resolve(name));
            return catalogDirectory(cataloger, directory);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
