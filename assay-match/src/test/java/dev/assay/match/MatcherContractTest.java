package dev.assay.match;

import static dev.assay.match.fakes.Advisories.advisory;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.match.fakes.FakeAdvisoryStore;
import dev.assay.match.spi.MatchOutcome;
import dev.assay.match.spi.Matcher;
import dev.assay.model.Advisory;
import dev.assay.model.Component;
import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every registered matcher against the same inputs. */
class MatcherContractTest {
    /** One component per ecosystem that each matcher can identify, and the OSV package it is. */
    private record Sample(
            Purl purl, Map<String, String> properties, String ecosystem, String packageName, String version) {}

    private static final Map<PackageType, Sample> SAMPLES = Map.ofEntries(
            sample(PackageType.MAVEN, "pkg:maven/org.example/lib@1.2.0", "Maven", "org.example:lib", "1.2.0"),
            sample(PackageType.NPM, "pkg:npm/lib@1.2.0", "npm", "lib", "1.2.0"),
            sample(PackageType.PYPI, "pkg:pypi/lib@1.2.0", "PyPI", "lib", "1.2.0"),
            sample(PackageType.GOLANG, "pkg:golang/example.org/lib@v1.2.0", "Go", "example.org/lib", "1.2.0"),
            sample(PackageType.CARGO, "pkg:cargo/lib@1.2.0", "crates.io", "lib", "1.2.0"),
            sample(PackageType.GEM, "pkg:gem/lib@1.2.0", "RubyGems", "lib", "1.2.0"),
            sample(PackageType.NUGET, "pkg:nuget/Lib@1.2.0", "NuGet", "Lib", "1.2.0"),
            sample(PackageType.COMPOSER, "pkg:composer/acme/lib@1.2.0", "Packagist", "acme/lib", "1.2.0"),
            sample(PackageType.DEB, "pkg:deb/debian/lib@1.2.0-1?distro=debian-12", "Debian:12", "lib", "1.2.0-1"),
            sample(
                    PackageType.APK,
                    "pkg:apk/alpine/lib@1.2.0-r0?distro=alpine-3.19.1",
                    "Alpine:v3.19",
                    "lib",
                    "1.2.0-r0"),
            sample(
                    PackageType.RPM,
                    "pkg:rpm/redhat/lib@1.2.0-1.el9?distro=rhel-9.3",
                    "Red Hat:enterprise_linux:9::baseos",
                    "lib",
                    "1.2.0-1.el9"));

    private static Map.Entry<PackageType, Sample> sample(
            PackageType type, String purl, String ecosystem, String packageName, String version) {
        return Map.entry(type, new Sample(Purl.parse(purl), Map.of(), ecosystem, packageName, version));
    }

    static Stream<Matcher> matchers() {
        return DefaultMatchers.all().stream();
    }

    private static Sample sampleFor(Matcher matcher) {
        return SAMPLES.get(matcher.packageTypes().iterator().next());
    }

    private static Advisory affecting(String id, Sample sample) {
        return advisory(id)
                .range(sample.ecosystem(), sample.packageName(), "0", "99.0.0")
                .build();
    }

    @Test
    void all_everyPurlTypeButGeneric_hasExactlyOneMatcher() {
        Set<PackageType> covered = new HashSet<>();
        for (Matcher matcher : DefaultMatchers.all()) {
            for (PackageType type : matcher.packageTypes()) {
                assertThat(covered.add(type)).as("%s handled twice", type).isTrue();
            }
            assertThat(matcher.id()).matches("[a-z0-9]+(-[a-z0-9]+)*-matcher");
        }
        assertThat(covered).containsExactlyInAnyOrderElementsOf(SAMPLES.keySet());
        assertThat(covered).doesNotContain(PackageType.GENERIC);
    }

    @ParameterizedTest
    @MethodSource("matchers")
    void match_affectedSample_matchesWithItsOwnIdInTheEvidence(Matcher matcher) {
        Sample sample = sampleFor(matcher);
        FakeAdvisoryStore store = new FakeAdvisoryStore().add(affecting("OSV-1", sample));

        assertThat(matcher.match(store, Component.builder(sample.purl()).build()))
                .singleElement()
                .satisfies(match -> {
                    assertThat(match.evidence().matcherId()).isEqualTo(matcher.id());
                    assertThat(match.fixedVersions()).containsExactly("99.0.0");
                });
    }

    @ParameterizedTest
    @MethodSource("matchers")
    void match_withdrawnRecord_neverMatches(Matcher matcher) {
        Sample sample = sampleFor(matcher);
        Advisory withdrawn = advisory("OSV-W")
                .range(sample.ecosystem(), sample.packageName(), "0", null)
                .withdrawn()
                .build();

        assertThat(matcher.match(
                        new FakeAdvisoryStore().add(withdrawn),
                        Component.builder(sample.purl()).build()))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("matchers")
    void evaluate_foreignPurlTypes_areIgnored(Matcher matcher) {
        FakeAdvisoryStore store = new FakeAdvisoryStore();
        SAMPLES.values().forEach(sample -> store.add(affecting("OSV-" + sample.ecosystem(), sample)));
        for (Map.Entry<PackageType, Sample> entry : SAMPLES.entrySet()) {
            if (matcher.packageTypes().contains(entry.getKey())) {
                continue;
            }
            Component foreign = Component.builder(entry.getValue().purl()).build();
            assertThat(matcher.match(store, foreign))
                    .as("%s on %s", matcher.id(), foreign.purl())
                    .isEmpty();
            assertThat(matcher.evaluate(store, foreign)).isInstanceOf(MatchOutcome.NotChecked.class);
        }
        Component generic =
                Component.builder(Purl.parse("pkg:generic/lib@1.2.0")).build();
        assertThat(matcher.match(store, generic)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("matchers")
    void evaluate_emptyVersion_isNotCheckedWithoutError(Matcher matcher) {
        Sample sample = sampleFor(matcher);
        Purl purl = sample.purl();
        Purl versionless = Purl.of(purl.type(), purl.namespace().orElse(null), purl.name(), null, purl.qualifiers());
        FakeAdvisoryStore store = new FakeAdvisoryStore().add(affecting("OSV-1", sample));

        MatchOutcome outcome =
                matcher.evaluate(store, Component.builder(versionless).build());

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        MatchOutcome.NotChecked.class,
                        notChecked -> assertThat(notChecked.reason()).isNotBlank());
        assertThat(outcome.matches()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("matchers")
    void evaluate_versionOutsideEveryRange_isCheckedAndClean(Matcher matcher) {
        Sample sample = sampleFor(matcher);
        Advisory old = advisory("OSV-OLD")
                .range(sample.ecosystem(), sample.packageName(), "0", "1.0.0")
                .build();

        MatchOutcome outcome = matcher.evaluate(
                new FakeAdvisoryStore().add(old),
                Component.builder(sample.purl()).build());

        assertThat(outcome).isInstanceOf(MatchOutcome.Checked.class);
        assertThat(outcome.matches()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("matchers")
    void match_gitRangeOnly_neverMatches(Matcher matcher) {
        Sample sample = sampleFor(matcher);
        Advisory git = advisory("OSV-GIT")
                .affected(new dev.assay.model.AffectedPackage(
                        sample.ecosystem(),
                        sample.packageName(),
                        "",
                        List.of(new dev.assay.model.AffectedRange(
                                dev.assay.model.AffectedRange.Type.GIT,
                                "https://example.org/repo",
                                List.of(dev.assay.model.RangeEvent.introduced("0")))),
                        List.of(),
                        ""))
                .build();

        assertThat(matcher.match(
                        new FakeAdvisoryStore().add(git),
                        Component.builder(sample.purl()).build()))
                .isEmpty();
    }
}
