package dev.assay.match.apk;

import static dev.assay.match.fakes.Advisories.advisory;
import static dev.assay.match.fakes.Components.component;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.match.fakes.FakeAdvisoryStore;
import dev.assay.match.spi.MatchOutcome;
import org.junit.jupiter.api.Test;

class ApkMatcherTest {
    private final ApkMatcher matcher = new ApkMatcher();

    @Test
    void alpineBranch_pointRelease_isTheBranch() {
        assertThat(ApkMatcher.alpineBranch("3.19.1")).isEqualTo("v3.19");
        assertThat(ApkMatcher.alpineBranch("3.20")).isEqualTo("v3.20");
        assertThat(ApkMatcher.alpineBranch("edge")).isEmpty();
        assertThat(ApkMatcher.alpineBranch("3")).isEmpty();
    }

    @Test
    void match_originPackageOnTheSameBranch_matches() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("ALPINE-1")
                        .range("Alpine:v3.19", "openssl", "0", "3.1.4-r5")
                        .build())
                .add(advisory("ALPINE-2")
                        .range("Alpine:v3.18", "openssl", "0", "3.1.4-r9")
                        .build());

        assertThat(
                        matcher.match(
                                store,
                                component(
                                        "pkg:apk/alpine/libcrypto3@3.1.4-r4?arch=x86_64&distro=alpine-3.19.1&upstream=openssl")))
                .extracting(match -> match.advisory().id())
                .containsExactly("ALPINE-1");
    }

    @Test
    void match_wolfiPackage_usesTheRollingEcosystem() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("CGA-1").range("Wolfi", "git", "0", "2.43.0-r1").build());

        assertThat(matcher.match(store, component("pkg:apk/wolfi/git@2.42.0-r0?distro=wolfi-20230201")))
                .hasSize(1);
    }

    @Test
    void evaluate_alpineWithoutRelease_isNotChecked() {
        assertThat(matcher.evaluate(new FakeAdvisoryStore(), component("pkg:apk/alpine/musl@1.2.4-r2")))
                .isInstanceOf(MatchOutcome.NotChecked.class);
    }
}
