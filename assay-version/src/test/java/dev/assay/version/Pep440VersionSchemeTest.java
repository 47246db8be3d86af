package dev.assay.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Pep440VersionSchemeTest {
    private final Pep440VersionScheme pep440 = VersionSchemes.pep440();

    @Test
    void compare_orderingExampleOfPep440_isAscending() {
        // PEP 440, "Summary of permitted suffixes and relative ordering".
        Orderings.assertAscending(
                pep440,
                List.of(
                        "1.dev0",
                        "1.0.dev456",
                        "1.0a1",
                        "1.0a2.dev456",
                        "1.0a12.dev456",
                        "1.0a12",
                        "1.0b1.dev456",
                        "1.0b2",
                        "1.0b2.post345.dev456",
                        "1.0b2.post345",
                        "1.0rc1.dev456",
                        "1.0rc1",
                        "1.0",
                        "1.0+abc.5",
                        "1.0+abc.7",
                        "1.0+5",
                        "1.0.post456.dev34",
                        "1.0.post456",
                        "1.0.15",
                        "1.1.dev1"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(
            delimiter = ' ',
            value = {
                // Normalization (PEP 440, "Normalization").
                "1.0ALPHA1 = 1.0a1",
                "1.0-alpha.1 = 1.0a1",
                "1.0_a_1 = 1.0a1",
                "1.0a = 1.0a0",
                "1.0c1 = 1.0rc1",
                "1.0pre1 = 1.0rc1",
                "1.0preview1 = 1.0rc1",
                "1.0-1 = 1.0.post1",
                "1.0-r1 = 1.0.post1",
                "1.0rev1 = 1.0.post1",
                "1.0.post = 1.0.post0",
                "1.0-dev = 1.0.dev0",
                "1.0dev1 = 1.0.dev1",
                "v1.0 = 1.0",
                "01.02 = 1.2",
                "1.0.0 = 1",
                "0!1.0 = 1.0",
                "1.0+ubuntu-1 = 1.0+ubuntu.1",
                "1.0+UBUNTU_1 = 1.0+ubuntu.1",
                "1.0+01 = 1.0+1",
                // Epochs and local versions.
                "1!1.0 > 2024.1",
                "1.0+ubuntu1 > 1.0",
                "1.0+abc < 1.0+1",
                "1.0+1.2 > 1.0+1",
                "1.0+ubuntu10 < 1.0+ubuntu2",
                // Real PyPI versions.
                "2.0.0rc1 < 2.0.0",
                "3.2.0 > 3.2.0rc2",
                "1.26.0 > 1.26.0b1",
                "4.0.0a1 < 4.0.0b1",
                "2.31.0.post1 > 2.31.0",
                "1.0.0.dev20230101 < 1.0.0a1",
                "123456789012345678901234567890.0 > 99999999999999999999.0",
            })
    void compare_examples_followPep440(String left, String relation, String right) {
        Orderings.assertRelation(pep440, left, relation, right);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.0ALPHA1, 1.0a1",
        "v1.0-r1, 1.0.post1",
        "1.0+Ubuntu-1, 1.0+ubuntu.1",
        "1!2.0.PRE3.DEV4, 1!2.0rc3.dev4",
        "1.0, 1.0",
        "01.002.0, 1.2.0",
        "0!1.0-1, 1.0.post1",
        "1.0-beta-1-1, 1.0b1.post1",
    })
    void normalize_variants_giveThePep440Spelling(String version, String normalized) {
        assertThat(pep440.normalize(version)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "1.0-SNAPSHOT",
                "1.0.x",
                "french toast",
                "1.0+",
                "1.0+ubuntu..1",
                "1.0a1a2",
                "1..0",
                "1.0.",
                "+1",
                "1.0 2",
                "!1.0",
                "1!",
                "1.0-beta-1-1-1",
                "1.0+ubu ntu"
            })
    void isValid_notPep440_isFalseAndCompareThrows(String version) {
        assertThat(pep440.isValid(version)).isFalse();
        assertThatThrownBy(() -> pep440.compare(version, "1.0")).isInstanceOf(InvalidVersionException.class);
    }
}
