package dev.assay.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApkVersionSchemeTest {
    private final VersionScheme apk = VersionSchemes.apk();

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(
            delimiter = ' ',
            value = {
                // Rows of apk-tools' version test data.
                "2.34 > 0.1.0_alpha",
                "0.1.0_alpha < 0.1.3_alpha",
                "0.1.0_alpha2 > 0.1.0_alpha",
                "1.0.4-r3 < 1.0.4-r4",
                "1.1 > 1.1_alpha1",
                "1.2.1 > 1.2",
                "1.2 < 1.3_alpha",
                "0.7.0 < 0.8_beta1",
                "3.10.18-r1 > 2.3.0b-r1",
                "2.3.0b-r1 < 2.3.0b-r2",
                "0.12.3 > 0.12",
                "0.13_beta5 > 0.9.12",
                "0.2.0-r1 < 3.1_p16",
                "3.1_p16 < 3.1_p17",
                "1.06-r6 < 006",
                "1.2.2-r1 > 1.2.2",
                "20050718-r1 < 20050718-r2",
                "3.9.8-r5 > 2.01.01_alpha10",
                "1.0 > 0.99.3.20040818",
                "1.39 > 1.00_beta2",
                "4.2.52_p2-r1 < 4.2.52_p4-r2",
                "20060720 > 3.0.20060720",
                "2.5.1-r8 < 2.5.1a-r1",
                "2.0.0_rc3-r1 > 1.5",
                "3.9_pre20060124 > 0.01",
                "1.1.7 < 6b-r7",
                "0.10.0 < 0.10.1_rc1",
                "2.10.1 > 02.08.01b",
                "3.81 > 1.6d",
                "0.20070118 < 0.20070207_rc1",
                "4.5_p1-r1 > 4.5_p1",
                "0.9.8c-r1 < 0.9.8d",
                "1.7 < 1.7b",
                "1.8.5 < 1.8.5_p2",
                "2.9.11_pre20051101-r3 > 2.9.11_pre20051101",
                "1.6.8_p12-r1 > 1.6.8_p9-r2",
                "0.9.28-r2 < 0.9.28.1",
                "2.12r-r4 < 2.12r-r5",
                "7.0.17 < 7.0.174",
                "1.3-r0 < 1.3.1-r0",
                "1.3_pre1-r1 < 1.3.2",
                "1.0_p10-r0 > 1.0_p9-r0",
                "0.1.0_alpha_pre2 < 0.1.0_alpha",
                "1.0.0_pre20191002222144-r0 < 1.0.0_pre20210530193627-r0",
                // A later number with a leading zero compares as text, as in Gentoo.
                "8.2.0015 < 8.2.002",
                "1.0 < 1.00",
                "1.01 < 1.1",
                "1.05 < 1.5",
                // A commit hash makes a version newer than none, and hashes compare as text.
                "1.0~abc123 > 1.0",
                "1.0~abc123 < 1.0~abd",
                "1.0~abc123-r1 > 1.0~abc123",
                "99999999999999999999999.1 > 9999999999999999999.1",
            })
    void compare_examples_orderAsApkTools(String left, String relation, String right) {
        Orderings.assertRelation(apk, left, relation, right);
    }

    @Test
    void compare_suffixesAroundTheRelease_areOrdered() {
        Orderings.assertAscending(
                apk,
                List.of(
                        "1.2_alpha",
                        "1.2_alpha1",
                        "1.2_beta",
                        "1.2_pre",
                        "1.2_rc1",
                        "1.2",
                        "1.2-r1",
                        "1.2_cvs",
                        "1.2_svn",
                        "1.2_git20240101",
                        "1.2_hg",
                        "1.2_p1",
                        "1.2a",
                        "1.2.1"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "v1.0",
                "1.0-1",
                "1.0_foo",
                "1.0b.1",
                "1.0ab",
                "1.0-r",
                "1.0~",
                "1.0-r1-r2",
                "1.0_p1a",
                "1..0",
                "1.0 ",
                "1.0B",
                "1.0~xyz",
                "1.0-r1~abc"
            })
    void isValid_notAnApkVersion_isFalse(String version) {
        assertThat(apk.isValid(version)).isFalse();
    }
}
