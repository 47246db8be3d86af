package dev.assay.catalog.ruby;

import static dev.assay.catalog.CatalogTesting.catalogRootfs;
import static dev.assay.catalog.CatalogTesting.purls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.model.Component;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GemspecParserTest {
    private final Cataloger cataloger = RubyCatalogers.installedGemspecs();

    @TempDir
    Path temp;

    @Test
    void parse_installedAndDefaultGems_namesVersionsLicensesNeverEvaluatesRuby() {
        CatalogResult result = catalogRootfs(cataloger, Fixtures.path(getClass(), "ruby/rootfs"), null);

        assertThat(purls(result)).containsExactly("pkg:gem/json@2.6.1", "pkg:gem/rake@13.0.6");
        Component json = result.components().get(0);
        assertThat(json.licenses()).containsExactly("BSD-2-Clause", "Ruby");
        assertThat(result.components().get(1).licenses()).containsExactly("MIT");
        assertThat(result.components().get(1).evidence().first().location().path())
                .isEqualTo("usr/lib/ruby/gems/3.1.0/specifications/rake-13.0.6.gemspec");
        // the hand-written gemspec computes its name and version: reported, not guessed
        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.location().path()).endsWith("computed-1.0.gemspec"));
    }

    @Test
    void parse_oldStyleQuotingAndConstructorArguments() throws IOException {
        Path specifications = Files.createDirectories(temp.resolve("gems/specifications"));
        Files.writeString(
                specifications.resolve("old-0.1.gemspec"),
                "Gem::Specification.new do |s|\n  s.name = %q{old}\n  s.version = \"0.1\"\n  s.license = 'GPL-2.0'\nend\n",
                StandardCharsets.UTF_8);
        Files.writeString(
                specifications.resolve("short-2.0.gemspec"),
                "Gem::Specification.new(\"short\", \"2.0\") do |s|\nend\n",
                StandardCharsets.UTF_8);

        CatalogResult result = catalogRootfs(cataloger, temp, null);

        assertThat(purls(result)).containsExactly("pkg:gem/old@0.1", "pkg:gem/short@2.0");
        assertThat(result.components().get(0).licenses()).containsExactly("GPL-2.0");
    }

    @Test
    void parse_hostileValues_areRejectedNotEmitted() throws IOException {
        Path specifications = Files.createDirectories(temp.resolve("specifications"));
        Files.write(
                specifications.resolve("x.gemspec"),
                "s.name = \"a b\u00ff\"\ns.version = \"`rm -rf /`\"\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(specifications.resolve("empty.gemspec"), "", StandardCharsets.UTF_8);

        CatalogResult result = catalogRootfs(cataloger, temp, null);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns()).hasSize(2);
    }
}
