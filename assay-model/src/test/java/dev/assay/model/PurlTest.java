package dev.assay.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PurlTest {
    @Test
    void of_scopedNpmPackage_encodesTheAtSign() {
        Purl purl = Purl.of(PackageType.NPM, "@babel", "core", "7.24.0");

        assertThat(purl).hasToString("pkg:npm/%40babel/core@7.24.0");
        assertThat(purl.namespace()).contains("@babel");
    }

    @Test
    void of_qualifiers_areSortedAndEmptyOnesDropped() {
        Purl purl = Purl.of(
                PackageType.DEB,
                "debian",
                "libc6",
                "2.36-9",
                Map.of("distro", "debian-12", "arch", "amd64", "upstream", ""));

        assertThat(purl).hasToString("pkg:deb/debian/libc6@2.36-9?arch=amd64&distro=debian-12");
    }

    @Test
    void parse_roundTripsTheCanonicalForm() {
        Purl purl = Purl.parse("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");

        assertThat(purl.packageType()).contains(PackageType.MAVEN);
        assertThat(purl.name()).isEqualTo("log4j-core");
        assertThat(purl.version()).contains("2.14.1");
        assertThat(Purl.parse(purl.toString())).isEqualTo(purl);
    }

    @Test
    void withoutVersion_dropsVersionAndQualifiers() {
        Purl purl = Purl.parse("pkg:deb/debian/libc6@2.36-9?arch=amd64");

        assertThat(purl.withoutVersion()).isEqualTo("pkg:deb/debian/libc6");
    }

    @Test
    void parse_garbage_throwsTypedError() {
        assertThatThrownBy(() -> Purl.parse("not a purl"))
                .isInstanceOf(InvalidPurlException.class)
                .hasMessageContaining("not a purl");
    }
}
