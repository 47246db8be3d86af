package dev.assay.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SemverVersionSchemeTest {
    private final VersionScheme semver = VersionSchemes.semver();

    @Test
    void compare_precedenceExampleOfTheSpecification_isAscending() {
        // SemVer 2.0.0, section 11.
        Orderings.assertAscending(
                semver,
                List.of(
                        "1.0.0-alpha",
                        "1.0.0-alpha.1",
                        "1.0.0-alpha.beta",
                        "1.0.0-beta",
                        "1.0.0-beta.2",
                        "1.0.0-beta.11",
                        "1.0.0-rc.1",
                        "1.0.0",
                        "2.0.0",
                        "2.1.0",
                        "2.1.1"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(
            delimiter = ' ',
            value = {
                "1.0.0+20130313144700 = 1.0.0",
                "1.0.0-beta+exp.sha.5114f85 = 1.0.0-beta",
                "1.0.0+21AF26D3----117B344092BD = 1.0.0",
                "v1.2.3 = 1.2.3",
                "V1.2.3 = 1.2.3",
                "1.2.3-0 < 1.2.3-a",
                "1.2.3-a < 1.2.3-a.0",
                "1.2.3-A < 1.2.3-a",
                "1.2.3--- > 1.2.3--",
                "1.9.0 < 1.10.0",
                "1.0.0-rc.1 < 1.0.0-rc.1.0",
                "4.17.20 < 4.17.21",
                "99999999999999999999.0.0 > 9999999999999999999.0.0",
                "1.0.0-99999999999999999999999 > 1.0.0-9999",
            })
    void compare_examples_followPrecedence(String left, String relation, String right) {
        Orderings.assertRelation(semver, left, relation, right);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "v",
                "1",
                "1.0",
                "1.2.3.4",
                "01.2.3",
                "1.02.3",
                "1.2.03",
                "1.2.3-01",
                "1.2.3-",
                "1.2.3+",
                "1.2.3-alpha..1",
                "1.2.3+build..1",
                " 1.2.3",
                "1.2.3 ",
                "1.2.3-\u03b1",
                "1.2.3+a+b",
                "=1.2.3",
                "vv1.2.3",
                "1.2.x",
                "-1.2.3"
            })
    void isValid_notSemver_isFalseAndCompareThrows(String version) {
        assertThat(semver.isValid(version)).isFalse();
        assertThatThrownBy(() -> semver.compare(version, "1.0.0"))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("semver");
    }

    @Test
    void isValid_leadingZerosInBuildMetadata_isTrue() {
        assertThat(semver.isValid("1.0.0+001")).isTrue();
        assertThat(semver.isValid("1.0.0-0.3.7")).isTrue();
        assertThat(semver.isValid("1.0.0-x-y-z.--")).isTrue();
    }
}
