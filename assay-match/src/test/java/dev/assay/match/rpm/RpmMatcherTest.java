package dev.assay.match.rpm;

import static dev.assay.match.fakes.Advisories.advisory;
import static dev.assay.match.fakes.Components.component;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.match.fakes.FakeAdvisoryStore;
import dev.assay.match.spi.MatchOutcome;
import dev.assay.model.Component;
import dev.assay.model.Purl;
import org.junit.jupiter.api.Test;

class RpmMatcherTest {
    private final RpmMatcher matcher = new RpmMatcher();

    @Test
    void match_redHatMainStreamOfTheSameMajor_matchesButNotExtendedSupport() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("RHSA-1")
                        .range("Red Hat:enterprise_linux:9::baseos", "openssl", "0", "1:3.0.7-25.el9_3")
                        .build())
                .add(advisory("RHSA-2")
                        .range("Red Hat:rhel_eus:9.2::baseos", "openssl", "0", "1:3.0.7-20.el9_2")
                        .build())
                .add(advisory("RHSA-3")
                        .range("Red Hat:enterprise_linux:8::baseos", "openssl", "0", "1:9")
                        .build());
        Component openssl = Component.builder(
                        Purl.parse("pkg:rpm/redhat/openssl@3.0.7-24.el9?arch=x86_64&distro=rhel-9.3&epoch=1"))
                .property("assay:source-package", "openssl")
                .build();

        assertThat(matcher.match(store, openssl))
                .extracting(match -> match.advisory().id())
                .containsExactly("RHSA-1");
    }

    @Test
    void epochVersion_fromTheEpochQualifierOrAlreadyInTheVersion() {
        assertThat(RpmMatcher.epochVersion(component("pkg:rpm/redhat/openssl@3.0.7-24.el9?epoch=1")))
                .isEqualTo("1:3.0.7-24.el9");
        Component withEpoch = Component.builder(Purl.parse("pkg:rpm/redhat/openssl@3.0.7-24.el9?epoch=1"))
                .version("1:3.0.7-24.el9")
                .build();
        assertThat(RpmMatcher.epochVersion(withEpoch)).isEqualTo("1:3.0.7-24.el9");
        assertThat(RpmMatcher.epochVersion(component("pkg:rpm/redhat/bash@5.1.8-6.el9")))
                .isEqualTo("5.1.8-6.el9");
    }

    @Test
    void match_rockyBySourcePackage_onTheSameMajor() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("RLSA-1")
                        .range("Rocky Linux:9", "openssl", "0", "1:3.0.7-25.el9_3")
                        .build())
                .add(advisory("RLSA-2")
                        .range("Rocky Linux:8", "openssl", "0", "1:9")
                        .build());
        Component libs = Component.builder(
                        Purl.parse("pkg:rpm/rocky/openssl-libs@3.0.7-24.el9?distro=rocky-9.3&epoch=1"))
                .property("assay:source-package", "openssl")
                .property("assay:source-version", "1:3.0.7-24.el9")
                .build();

        assertThat(matcher.match(store, libs))
                .extracting(match -> match.advisory().id())
                .containsExactly("RLSA-1");
    }

    @Test
    void match_suseModuleOfTheSameServicePack_matches() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("SUSE-1")
                        .range(
                                "SUSE:Linux Enterprise Module for Basesystem 15 SP5",
                                "openssl-3",
                                "0",
                                "3.0.8-150500.5.20.1")
                        .build())
                .add(advisory("SUSE-2")
                        .range("SUSE:Linux Enterprise Server 15 SP4", "openssl-3", "0", "3.0.8-150400.9.9")
                        .build());
        Component libssl = Component.builder(
                        Purl.parse("pkg:rpm/suse/libopenssl3@3.0.8-150500.5.14.1?distro=sles-15.5"))
                .property("assay:source-package", "openssl-3")
                .build();

        assertThat(matcher.match(store, libssl))
                .extracting(match -> match.advisory().id())
                .containsExactly("SUSE-1");
    }

    @Test
    void match_openSuseLeap_matchesItsMarketingName() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("openSUSE-1")
                        .range("openSUSE:Leap 15.5", "curl", "0", "8.0.1-150400.5.41.1")
                        .build());
        Component curl = Component.builder(
                        Purl.parse("pkg:rpm/opensuse/curl@8.0.1-150400.5.38.1?distro=opensuse-leap-15.5"))
                .property("assay:source-package", "curl")
                .build();

        assertThat(matcher.match(store, curl)).hasSize(1);
    }

    @Test
    void evaluate_distributionWithoutOsvRecords_isNotChecked() {
        MatchOutcome outcome = matcher.evaluate(
                new FakeAdvisoryStore(), component("pkg:rpm/fedora/bash@5.2.15-3.fc38?distro=fedora-38"));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        MatchOutcome.NotChecked.class,
                        notChecked -> assertThat(notChecked.reason()).contains("fedora"));
    }
}
