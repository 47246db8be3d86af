package dev.assay.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MavenVersionSchemeTest {
    private final VersionScheme maven = VersionSchemes.maven();

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(
            delimiter = ' ',
            value = {
                // The examples of Maven's "Version Order Specification" (POM reference).
                "1 < 1.1",
                "1-snapshot < 1",
                "1 < 1-sp",
                "1-foo2 < 1-foo10",
                "1.foo = 1-foo",
                "1-foo < 1-1",
                "1-1 < 1.1",
                "1.ga = 1-ga",
                "1-ga = 1-0",
                "1-0 = 1.0",
                "1.0 = 1",
                "1-sp > 1-ga",
                "1-sp.1 > 1-ga.1",
                "1-sp-1 < 1-ga-1",
                "1-a1 = 1-alpha-1",
                // Trimming of "null" items and case.
                "1.0.0 = 1",
                "1.0.0-foo.0.0 = 1-foo",
                "1.0.0-0.0.0 = 1",
                "1.0.FINAL = 1",
                "1.RELEASE = 1.0",
                "1.0-SNAPSHOT = 1.0-snapshot",
                "1.0-cr1 = 1.0-rc1",
                // A dot before a trailing qualifier reads as a hyphen (ComparableVersion 3.9).
                "1.0.0.RC1 = 1.0.0-RC1",
                "2.0.0.Final > 2.0.0-RC1",
                // Real-world versions.
                "2.0-beta9 < 2.0-rc1",
                "2.0-rc1 < 2.0",
                "2.14.1 < 2.15.0",
                "2.15.0-rc1 < 2.15.0",
                "5.3.0.M1 < 5.3.0.RC1",
                "5.3.0.RC1 < 5.3.0.RELEASE",
                "5.3.0.RELEASE < 5.3.0.SR1",
                "1.2.3.v20200101 > 1.2.3",
                "1.2.3.v20200101 < 1.2.4",
                "1.0-20231010.123456-12 > 1.0-SNAPSHOT",
                "2.9.10.8 > 2.9.10",
                "2.9.10.8 < 2.10.0",
                "2.13.0 > 2.4",
                "1.0.0.Beta1 < 1.0.0.CR1",
                "9.4.44.v20210927 < 9.4.45.v20220203",
            })
    void compare_examples_orderAsMaven(String left, String relation, String right) {
        Orderings.assertRelation(maven, left, relation, right);
    }

    @Test
    void compare_qualifierChainOfMavensOwnTests_isAscending() {
        Orderings.assertAscending(
                maven,
                List.of(
                        "1-alpha2snapshot",
                        "1-alpha2",
                        "1-alpha-123",
                        "1-beta-2",
                        "1-beta123",
                        "1-m2",
                        "1-m11",
                        "1-rc",
                        "1-cr2",
                        "1-rc123",
                        "1-SNAPSHOT",
                        "1",
                        "1-sp",
                        "1-sp2",
                        "1-sp123",
                        "1-abc",
                        "1-def",
                        "1-pom-1",
                        "1-1-snapshot",
                        "1-1",
                        "1-2",
                        "1-123"));
    }

    @Test
    void compare_numberChainOfMavensOwnTests_isAscending() {
        Orderings.assertAscending(
                maven,
                List.of(
                        "2.0", "2.0.a", "2-1", "2.0.2", "2.0.123", "2.1.0", "2.1-a", "2.1b", "2.1-c", "2.1-1",
                        "2.1.0.1", "2.2", "2.123", "11.a2", "11.a11", "11.b2", "11.b11", "11.m2", "11.m11", "11",
                        "11.a", "11b", "11c", "11m"));
    }

    @Test
    void compare_gaBetweenHyphens_followsComparableVersionNotTheSpecificationText() {
        // The specification calls 1-ga-1 equal to 1-1; ComparableVersion, the reference, orders it below.
        Orderings.assertRelation(maven, "1-ga-1", "<", "1-1");
        assertThat(new ComparableVersion("1-ga-1").compareTo(new ComparableVersion("1-1")))
                .isNegative();
    }

    @Test
    void compare_numbersBeyondLong_compareByValue() {
        Orderings.assertRelation(maven, "1.123456789012345678901234567890", ">", "1.99999999999999999999999999999");
        Orderings.assertRelation(maven, "1.000123456789012345678901234567890", "=", "1.123456789012345678901234567890");
    }

    @Test
    void compare_unicodeDigits_readAsComparableVersionReadsThem() {
        // ComparableVersion classifies with Character.isDigit, so Arabic-Indic digits are numbers.
        Orderings.assertRelation(maven, "1.\u0662", "=", "1.2");
        assertThat(new ComparableVersion("1.\u0662").compareTo(new ComparableVersion("1.2")))
                .isZero();
    }

    @Test
    void compare_whereComparableVersionIsIntransitive_ordersConsistently() {
        // ComparableVersion orders rc-finala <= rc-release-alpha <= rc, yet rc-finala > rc.
        assertThat(new ComparableVersion("rc-finala").compareTo(new ComparableVersion("rc-release-alpha")))
                .isNotPositive();
        assertThat(new ComparableVersion("rc-release-alpha").compareTo(new ComparableVersion("rc")))
                .isNotPositive();
        assertThat(new ComparableVersion("rc-finala").compareTo(new ComparableVersion("rc")))
                .isPositive();
        // Here "release-alpha" is a pre-release below rc, and the unknown "finala" a build above it.
        Orderings.assertAscending(maven, List.of("rc-release-alpha", "rc", "rc-finala"));
    }

    @Test
    void compare_dottedQualifierFollowedByNumber_isAPreReleaseBelowBuilds() {
        // ComparableVersion: 1.0.alpha.1 < 1 < 1-1 but 1.0.alpha.1 > 1-1. Here it stays a pre-release of 1.
        Orderings.assertAscending(maven, List.of("1.0.alpha.1", "1", "1-1", "1.0.1"));
    }

    @Test
    void isValid_anyNonBlankString_isTrue() {
        assertThat(maven.isValid("1.0")).isTrue();
        assertThat(maven.isValid("whatever-you-like")).isTrue();
        assertThat(maven.isValid("-")).isTrue();
        assertThat(maven.isValid("")).isFalse();
        assertThat(maven.isValid("   ")).isFalse();
        assertThat(maven.isValid(null)).isFalse();
    }

    @Test
    void compare_blank_throwsInvalidVersion() {
        assertThatThrownBy(() -> maven.compare(" ", "1.0"))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("maven");
    }
}
