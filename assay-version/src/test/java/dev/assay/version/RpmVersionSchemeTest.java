package dev.assay.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RpmVersionSchemeTest {
    private final VersionScheme rpm = VersionSchemes.rpm();

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(
            delimiter = ' ',
            value = {
                // Cases of rpm's own rpmvercmp test suite.
                "1.0 = 1.0",
                "1.0 < 2.0",
                "2.0 < 2.0.1",
                "2.0.1a > 2.0.1",
                "5.5p1 < 5.5p2",
                "5.5p1 < 5.5p10",
                "10xyz < 10.1xyz",
                "xyz10 < xyz10.1",
                "xyz.4 < 8",
                "xyz.4 < 2",
                "5.5p2 < 5.6p1",
                "5.6p1 < 6.5p1",
                "6.0.rc1 > 6.0",
                "10b2 > 10a1",
                "10a2 < 10b2",
                "1.0a < 1.0aa",
                "10.0001 = 10.1",
                "10.0001 < 10.0039",
                "4.999.9 < 5.0",
                "20101121 < 20101122",
                "2.0 = 2_0",
                "a+ = a_",
                "+a = _a",
                "_+ = +_",
                "+ = _",
                "1.0~rc1 < 1.0",
                "1.0~rc1 < 1.0~rc2",
                "1.0~rc1~git123 < 1.0~rc1",
                "1.0^ > 1.0",
                "1.0^git1 > 1.0",
                "1.0^git1 < 1.0^git2",
                "1.0^git1 < 1.01",
                "1.0^20160101 < 1.0.1",
                "1.0^20160102 > 1.0^20160101^git1",
                "1.0~rc1^git1 > 1.0~rc1",
                "1.0^git1~pre < 1.0^git1",
                "1b.fc17 < 1.fc17",
                "1g.fc17 > 1.fc17",
                "1.1.\u03b1 = 1.1.\u03b2",
                // Epoch, version and release.
                "1:1.0-1 > 2.0-1",
                "0:1.0-1 = 1.0-1",
                "1.0-1.el8 < 1.0-1.el9",
                "2.9.10-5.el8 < 2.9.10-5.el8_2",
                "1.0 < 1.0-1",
                "2.12.0-1.el9 > 2.9.0-3.el9",
                "123456789012345678901234567890-1 > 99999999999999999999-1",
            })
    void compare_examples_orderAsRpmvercmp(String left, String relation, String right) {
        Orderings.assertRelation(rpm, left, relation, right);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a:1.0", "1.0-", ":1.0", "1.0 -1", "1:", "1.0\t", "1:2:3"})
    void isValid_notAnRpmVersion_isFalse(String version) {
        assertThat(rpm.isValid(version)).isFalse();
    }
}
