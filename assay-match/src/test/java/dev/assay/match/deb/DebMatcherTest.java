package dev.assay.match.deb;

import static dev.assay.match.fakes.Advisories.advisory;
import static dev.assay.match.fakes.Components.component;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.match.fakes.FakeAdvisoryStore;
import dev.assay.match.fakes.OsvJson;
import dev.assay.match.spi.Match;
import dev.assay.match.spi.MatchOutcome;
import dev.assay.model.Component;
import dev.assay.model.Purl;
import dev.assay.testkit.Corpora;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebMatcherTest {
    private final DebMatcher matcher = new DebMatcher();

    /** As Assay's dpkg cataloger writes liblzma5, built from the xz source package. */
    private static Component liblzma(String distroQualifier, String version) {
        return Component.builder(Purl.parse("pkg:deb/debian/liblzma5@" + version + "?arch=amd64&distro="
                        + distroQualifier + "&upstream=xz-utils"))
                .property("assay:source-package", "xz-utils")
                .property("assay:source-version", version)
                .build();
    }

    private static FakeAdvisoryStore xzBackdoor() {
        // The unreviewed GHSA for CVE-2024-3094 lists source package "xz" for Debian:13 only.
        return new FakeAdvisoryStore()
                .add(OsvJson.read(Corpora.require(
                        "advisories/github-advisory-database-curated/advisories/GHSA-rxwq-x6h5-x525.json")));
    }

    private static Component xz(String distroQualifier, String version) {
        return Component.builder(Purl.parse("pkg:deb/debian/xz-utils@" + version + "?arch=amd64&distro="
                        + distroQualifier + "&upstream=xz"))
                .property("assay:source-package", "xz")
                .build();
    }

    @Test
    void match_recordForTheSameRelease_matches() {
        List<Match> matches = matcher.match(xzBackdoor(), xz("debian-13", "5.6.0-0.2"));

        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.advisory().id()).isEqualTo("GHSA-rxwq-x6h5-x525");
            assertThat(match.evidence().ecosystem()).isEqualTo("Debian:13");
            assertThat(match.evidence().packageName()).isEqualTo("xz");
            assertThat(match.evidence().versionScheme()).isEqualTo("deb");
        });
    }

    @Test
    void match_recordForAnotherRelease_neverMatches() {
        assertThat(matcher.match(xzBackdoor(), xz("debian-12", "5.6.0-0.2"))).isEmpty();
    }

    @Test
    void match_debian11RecordAndDebian12Package_doesNotMatch() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("DSA-1")
                        .range("Debian:11", "xz-utils", "0", "5.2.5-2.1~deb11u1")
                        .build())
                .add(advisory("DSA-2")
                        .range("Debian:12", "xz-utils", "0", "5.4.1-0.2")
                        .build());

        assertThat(matcher.match(store, liblzma("debian-12", "5.4.1-0.1")))
                .extracting(match -> match.advisory().id())
                .containsExactly("DSA-2");
    }

    @Test
    void match_binaryPackage_isLookedUpBySourcePackageAndSourceVersion() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("DSA-3")
                        .range("Debian:12", "glibc", "0", "2.36-9+deb12u4")
                        .build());
        Component libc6 = component("pkg:deb/debian/libc6@2.36-9+deb12u3+b1?arch=amd64&distro=debian-12"
                + "&upstream=glibc%402.36-9%2Bdeb12u3");

        assertThat(matcher.match(store, libc6))
                .singleElement()
                .satisfies(match -> assertThat(match.fixedVersions()).containsExactly("2.36-9+deb12u4"));
    }

    @Test
    void match_epochInTheVersion_isCompared() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("DSA-4")
                        .range("Debian:12", "openssh", "0", "1:9.2p1-2+deb12u3")
                        .build());
        Component ssh = Component.builder(
                        Purl.parse("pkg:deb/debian/openssh-client@1:9.2p1-2+deb12u2?distro=debian-12"))
                .property("assay:source-package", "openssh")
                .build();

        assertThat(matcher.match(store, ssh)).hasSize(1);
    }

    @Test
    void evaluate_noRelease_isNotCheckedRatherThanGuessed() {
        MatchOutcome outcome = matcher.evaluate(new FakeAdvisoryStore(), component("pkg:deb/debian/bash@5.2.15-2"));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        MatchOutcome.NotChecked.class,
                        notChecked -> assertThat(notChecked.reason()).contains("no release"));
    }

    @Test
    void evaluate_unknownDistribution_isNotChecked() {
        assertThat(matcher.evaluate(new FakeAdvisoryStore(), component("pkg:deb/raspbian/bash@5.2?distro=raspbian-12")))
                .isInstanceOf(MatchOutcome.NotChecked.class);
    }

    @Test
    void debianRelease_versionPointReleaseAndCodename_areTheMajorRelease() {
        assertThat(DebMatcher.debianRelease("12")).isEqualTo("12");
        assertThat(DebMatcher.debianRelease("12.5")).isEqualTo("12");
        assertThat(DebMatcher.debianRelease("bookworm")).isEqualTo("12");
        assertThat(DebMatcher.debianRelease("warty")).isEmpty();
    }

    @Test
    void match_ubuntuLtsRecord_matchesThatReleaseButNotPro() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("USN-1")
                        .range("Ubuntu:22.04:LTS", "openssl", "0", "3.0.2-0ubuntu1.15")
                        .build())
                .add(advisory("USN-2")
                        .range("Ubuntu:Pro:22.04:LTS", "openssl", "0", "3.0.2-0ubuntu1.16+esm1")
                        .build())
                .add(advisory("USN-3")
                        .range("Ubuntu:20.04:LTS", "openssl", "0", "9")
                        .build());
        Component libssl = Component.builder(Purl.parse("pkg:deb/ubuntu/libssl3@3.0.2-0ubuntu1.14?distro=ubuntu-22.04"))
                .property("assay:source-package", "openssl")
                .build();

        assertThat(matcher.match(store, libssl))
                .extracting(match -> match.advisory().id())
                .containsExactly("USN-1");
    }
}
