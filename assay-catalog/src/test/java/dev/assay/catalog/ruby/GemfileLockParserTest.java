package dev.assay.catalog.ruby;

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

class GemfileLockParserTest {
    private final Cataloger cataloger = RubyCatalogers.gemfileLock();

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
    void parse_gemGitAndPathSections_allSpecsWithSourcesAndEdges() {
        CatalogResult result = catalogDirectory(cataloger, Fixtures.path(getClass(), "ruby/syft"));

        // 53 spec lines, one of them under an unknown BAD-SECTION header
        assertThat(result.components()).hasSize(52);
        assertThat(purls(result)).noneMatch(purl -> purl.contains("bad-entry"));
        assertThat(component(result, "pkg:gem/turbolinks@3.0.0").property("assay:gem-source"))
                .contains("git:https://github.com/rails/turbolinks.git@80216ce9d89920bf073709405e3fce6d0a3ccd9a");
        Component errors = component(result, "pkg:gem/google-cloud-errors@1.3.0");
        assertThat(errors.property("assay:gem-source")).contains("path:../google-cloud-errors");
        assertThat(errors.property("assay:gem-direct")).contains("true");
        assertThat(errors.kind()).isEqualTo(ComponentKind.LIBRARY);
        assertThat(component(result, "pkg:gem/actionpack@4.1.1").property("assay:gem-direct"))
                .isEmpty();
        assertThat(result.relationships())
                .contains(
                        edge("pkg:gem/actionmailer@4.1.1", "pkg:gem/mail@2.5.4"),
                        edge("pkg:gem/turbolinks@3.0.0", "pkg:gem/coffee-rails@4.0.1"));
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void parse_platformVariants_becomePlatformQualifiers() {
        CatalogResult result = catalogDirectory(cataloger, Fixtures.path(getClass(), "ruby/platforms"));

        assertThat(result.components()).hasSize(42);
        assertThat(purls(result))
                .contains(
                        "pkg:gem/ffi@1.16.3",
                        "pkg:gem/ffi@1.16.3?platform=x64-mingw-ucrt",
                        "pkg:gem/google-protobuf@3.25.1?platform=x64-mingw-ucrt",
                        "pkg:gem/google-protobuf@3.25.1?platform=x86_64-linux",
                        "pkg:gem/sass-embedded@1.69.5?platform=x86_64-linux-gnu");
        assertThat(component(result, "pkg:gem/google-protobuf@3.25.1?platform=x86_64-linux")
                        .version())
                .isEqualTo("3.25.1");
    }

    @Test
    void parse_checksumsSection_addsSha256PerPlatformVariant() {
        CatalogResult result = catalogDirectory(cataloger, Fixtures.path(getClass(), "ruby/checksums"));

        assertThat(purls(result))
                .containsExactly(
                        "pkg:gem/nokogiri@1.16.5?platform=x86_64-linux", "pkg:gem/racc@1.7.3", "pkg:gem/rake@13.2.1");
        assertThat(component(result, "pkg:gem/nokogiri@1.16.5?platform=x86_64-linux")
                        .hashes())
                .containsExactly(new Hash(
                        HashAlgorithm.SHA256, "0ca238da870066bed2f7837af6f35791bb9b76c4c5638999c46aac44e5f2a2c0"));
        assertThat(component(result, "pkg:gem/rake@13.2.1").hashes()).isEmpty();
        assertThat(result.relationships())
                .containsExactly(edge("pkg:gem/nokogiri@1.16.5?platform=x86_64-linux", "pkg:gem/racc@1.7.3"));
    }

    @Test
    void parse_gemspecProjectAtDot_isTheApplicationRootOfDirectDependencies() throws IOException {
        Path corpus = Corpora.require("lockfiles/cdxgen-test-data/Gemfile6.lock");
        Files.copy(corpus, temp.resolve("Gemfile.lock"));

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(result.components()).hasSize(139);
        Component chef = component(result, "pkg:gem/chef@16.13.16");
        assertThat(chef.kind()).isEqualTo(ComponentKind.APPLICATION);
        assertThat(chef.property("assay:bundler-version")).contains("2.1.4");
        assertThat(result.relationships())
                .contains(
                        edge("pkg:gem/chef@16.13.16", "pkg:gem/rspec@3.10.0"),
                        edge("pkg:gem/chef@16.13.16", "pkg:gem/chef-config@16.13.16"));
        assertThat(component(result, "pkg:gem/ohai@16.13.0").property("assay:gem-source"))
                .hasValueSatisfying(source -> assertThat(source).startsWith("git:https://github.com/chef/ohai.git@"));
    }

    @Test
    void parse_garbageSpecLinesAndInvalidUtf8_reportUnknownKeepRest() throws IOException {
        byte[] bytes = ("GEM\n  remote: https://rubygems.org/\n  specs:\n    good (1.0.0)\n    bad\u00ff (1.0)\n"
                        + "    ../../etc/passwd (1.0)\n    noversion\n    weird (not a version)\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(temp.resolve("Gemfile.lock"), bytes);

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(purls(result)).containsExactly("pkg:gem/good@1.0.0");
        assertThat(result.unknowns())
                .hasSize(4)
                .allMatch(unknown -> unknown.location().path().equals("Gemfile.lock"));
    }

    @Test
    void parse_truncatedFile_keepsWhatWasRead() throws IOException {
        Files.writeString(
                temp.resolve("Gemfile.lock"),
                "GEM\n  remote: https://rubygems.org/\n  specs:\n    rack (2.2.8)\n      webr",
                StandardCharsets.UTF_8);

        CatalogResult result = catalogDirectory(cataloger, temp);

        assertThat(purls(result)).containsExactly("pkg:gem/rack@2.2.8");
    }

    @Test
    void parse_overSizeFile_isUnknown() throws IOException {
        Files.writeString(temp.resolve("Gemfile.lock"), "GEM\n".repeat(100), StandardCharsets.UTF_8);

        CatalogResult result = CatalogTesting.catalogDirectory(cataloger, temp, Limits.DEFAULT.withMaxFileBytes(50));

        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.reason()).contains("limit"));
    }
}
