package dev.assay.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RubyGemsVersionSchemeTest {
    private final VersionScheme gem = VersionSchemes.gem();

    @ParameterizedTest(name = "\"{0}\" {1} \"{2}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                // RubyGems' own Gem::Version tests.
                "1.0|=|1.0.0",
                "1.0|>|1.0.a",
                "1.8.2|>|0.0.0",
                "1.8.2|>|1.8.2.a",
                "1.8.2.b|>|1.8.2.a",
                "1.8.2.a10|>|1.8.2.a9",
                "''|=|0",
                "0.beta.1|=|0.0.beta.1",
                "0.0.beta|<|0.0.beta.1",
                "0.0.beta|<|0.beta.1",
                "5.a|<|5.0.0.rc2",
                "5.x|>|5.0.0.rc2",
                "1.9.3|>|1.9.2.99",
                "1.9.3|<|1.9.3.1",
                "1.2.b1|=|1.2.b.1",
                "1.0.0-alpha|<|1.0.0-alpha.1",
                "1.0.0-alpha.1|<|1.0.0-beta.2",
                "1.0.0-beta.2|<|1.0.0-beta.11",
                "1.0.0-beta.11|<|1.0.0-rc.1",
                "1.0.0-rc1|<|1.0.0",
                "1.0.0-1|<|1",
                "1.0.0.beta.1|=|1.0.0-beta.1",
                "1.2.3.beta|=|1.2.3-beta",
                "1.0.0.1|>|1.0.0-1",
                "1.0.0.beta.1|=|1.0.0.pre.beta.1",
                "1.2.pre.1|=|1.2.0.pre.1.0",
                "1.0.0|>|0.0.1.20220404083012",
                "0.7.0|>|0.6.63000",
                "1.freeze.test|<|1",
                "' 1.0 '|=|1.0",
                // Real gem versions.
                "6.1.7.3|<|6.1.7.10",
                "7.0.0.rc1|<|7.0.0",
                "2.0.0.pre.1|<|2.0.0",
                "1.13.10|>|1.13.9",
                "1.0.A|<|1.0.a",
                "123456789012345678901234567890|>|99999999999999999999",
            })
    void compare_examples_orderAsGemVersion(String left, String relation, String right) {
        Orderings.assertRelation(gem, left, relation, right);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "junk",
                "1.0\n2.0",
                "1..2",
                "1.2 3.4",
                "2.3422222.222.222222222.22222.ads0as.dasd0.ddd2222.2.qd3e.",
                "v1.0",
                "1.0+build",
                "a1",
                "1a",
                ".1"
            })
    void isValid_malformed_isFalse(String version) {
        assertThat(gem.isValid(version)).isFalse();
    }
}
