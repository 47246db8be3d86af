package dev.assay.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.AffectedRange;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionSchemesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Maven, maven",
        "Maven:https://maven.google.com, maven",
        "npm, semver",
        "crates.io, semver",
        "Hex, semver",
        "Pub, semver",
        "PyPI, pep440",
        "Go, go",
        "RubyGems, gem",
        "NuGet, nuget",
        "Packagist, composer",
        "Packagist:https://packages.drupal.org/8, composer",
        "Debian, deb",
        "Debian:12, deb",
        "Ubuntu:22.04:LTS, deb",
        "Ubuntu:Pro:18.04:LTS, deb",
        "Alpine:v3.20, apk",
        "Wolfi, apk",
        "Chainguard, apk",
        "Red Hat:rhel_aus:8.4::appstream, rpm",
        "Rocky Linux:9, rpm",
        "AlmaLinux:8, rpm",
        "openSUSE:Tumbleweed, rpm",
        "SUSE:Linux Enterprise Server 15 SP5, rpm",
        "Mageia:9, rpm",
        "Photon OS:3.0, rpm",
        "Root:Alpine:3.18, apk",
        "Root:PyPI, pep440",
        "pypi, pep440",
        "' Debian:11 ', deb",
    })
    void forEcosystem_knownEcosystem_givesItsScheme(String ecosystem, String scheme) {
        assertThat(VersionSchemes.forEcosystem(ecosystem))
                .map(VersionScheme::id)
                .hasValue(scheme);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Hackage", "OSS-Fuzz", "Linux", "GIT", "Root", ":12"})
    void forEcosystem_unknownEcosystem_isEmpty(String ecosystem) {
        assertThat(VersionSchemes.forEcosystem(ecosystem)).isEmpty();
        assertThat(VersionSchemes.forEcosystem(null)).isEmpty();
    }

    @Test
    void forRangeType_semverRange_isSemverExceptForGo() {
        assertThat(VersionSchemes.forRangeType(AffectedRange.Type.SEMVER, "npm"))
                .hasValue(VersionSchemes.semver());
        assertThat(VersionSchemes.forRangeType(AffectedRange.Type.SEMVER, "PyPI"))
                .hasValue(VersionSchemes.semver());
        assertThat(VersionSchemes.forRangeType(AffectedRange.Type.SEMVER, "Hackage"))
                .hasValue(VersionSchemes.semver());
        assertThat(VersionSchemes.forRangeType(AffectedRange.Type.SEMVER, "Go")).hasValue(VersionSchemes.go());
    }

    @Test
    void forRangeType_ecosystemRange_isTheEcosystemsScheme() {
        assertThat(VersionSchemes.forRangeType(AffectedRange.Type.ECOSYSTEM, "Maven"))
                .hasValue(VersionSchemes.maven());
        assertThat(VersionSchemes.forRangeType(AffectedRange.Type.ECOSYSTEM, "Debian:12"))
                .hasValue(VersionSchemes.deb());
        assertThat(VersionSchemes.forRangeType(AffectedRange.Type.ECOSYSTEM, "Hackage"))
                .isEmpty();
    }

    @Test
    void forRangeType_gitRange_hasNoScheme() {
        assertThat(VersionSchemes.forRangeType(AffectedRange.Type.GIT, "PyPI")).isEmpty();
    }

    @Test
    void byId_everyScheme_isFoundByItsId() {
        for (VersionScheme scheme : VersionSchemes.all()) {
            assertThat(VersionSchemes.byId(scheme.id())).isEqualTo(Optional.of(scheme));
        }
        assertThat(VersionSchemes.all())
                .extracting(VersionScheme::id)
                .doesNotHaveDuplicates()
                .hasSize(10);
        assertThat(VersionSchemes.byId("cargo")).isEmpty();
    }
}
