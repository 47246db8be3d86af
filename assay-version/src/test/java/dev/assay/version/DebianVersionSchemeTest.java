package dev.assay.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DebianVersionSchemeTest {
    private final VersionScheme deb = VersionSchemes.deb();

    @Test
    void compare_tildeExampleOfDebianPolicy_isAscending() {
        // Debian Policy 5.6.12: "~~, ~~a, ~, the empty part, a".
        Orderings.assertAscending(deb, List.of("1.0~~", "1.0~~a", "1.0~", "1.0", "1.0a"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(
            delimiter = ' ',
            value = {
                "1.0~rc1 < 1.0",
                "1.0a < 1.0+b1",
                "1.0+b1 < 1.0.1",
                "1:0.1 > 9.9",
                "0:1.0 = 1.0",
                "1.0 = 1.0-0",
                "1.0-1 < 1.0-2",
                "1.0-2 < 1.0-10",
                "1.0-0ubuntu1 < 1.0-1",
                "2.30.2-1 < 2.30.2-1+deb11u2",
                "2.30.2-1+deb11u2 < 2.30.2-1+deb11u10",
                "1.1.1f-1ubuntu2.16 < 1.1.1f-1ubuntu2.17",
                "2.7.4-0ubuntu1 < 2.7.4-0ubuntu1.6",
                "1.2-3~bpo10+1 < 1.2-3",
                "2.2~rc-4 < 2.2-1",
                "1.0-beta-1 < 1.0-beta-2",
                "1.0-beta-1 > 1.0-1",
                "1.001 = 1.1",
                "7.88.1-10+deb12u5 < 7.88.1-10+deb12u12",
                "1.2.3+dfsg-1 > 1.2.3-1",
                "99999999999999999999999:1.0 > 9999999999999999999:1.0",
                "1.123456789012345678901234567890 > 1.99999999999999999999",
            })
    void compare_examples_orderAsDpkg(String left, String relation, String right) {
        Orderings.assertRelation(deb, left, relation, right);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a1.0", "1.0-", "abc:1.0", "1.0_1", "1:", "1.0 2", "1:2:3", "-1", ":1.0", "1.0-1_2"})
    void isValid_notADebianVersion_isFalse(String version) {
        assertThat(deb.isValid(version)).isFalse();
    }
}
