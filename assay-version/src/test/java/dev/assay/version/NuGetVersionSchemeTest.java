package dev.assay.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NuGetVersionSchemeTest {
    private final VersionScheme nuget = VersionSchemes.nuget();

    @Test
    void compare_preReleaseLabels_followSemver2() {
        Orderings.assertAscending(
                nuget,
                List.of(
                        "1.0.0-alpha",
                        "1.0.0-alpha.1",
                        "1.0.0-alpha.2",
                        "1.0.0-alpha.10",
                        "1.0.0-alpha.beta",
                        "1.0.0-beta",
                        "1.0.0-rc.1",
                        "1.0.0",
                        "1.0.0.1-beta",
                        "1.0.0.1",
                        "1.0.1"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(
            delimiter = ' ',
            value = {
                // NuGet's normalization: missing parts are zero, leading zeros dropped, labels case-insensitive.
                "1 = 1.0.0.0",
                "1.0 = 1.0.0",
                "1.0.0 = 1.0.0.0",
                "1.01.1 = 1.1.1",
                "1.00 = 1.0.0",
                "1.0.0-RC1 = 1.0.0-rc1",
                "1.0.0-Beta.1 = 1.0.0-beta.1",
                "1.0.0+metadata = 1.0.0",
                "1.0.0-rc.1+sha.abc = 1.0.0-rc.1",
                "13.0.1 > 12.0.3",
                "6.0.0-preview.7.21377.19 < 6.0.0-rc.1.21451.13",
                "4.7.2 < 4.7.10",
                "1.0.0-99999999999999999999999 > 1.0.0-9",
            })
    void compare_examples_orderAsNuGet(String left, String relation, String right) {
        Orderings.assertRelation(nuget, left, relation, right);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "1.0.0.0.0",
                "1.0-",
                "1.0+",
                "1.a",
                "v1.0",
                "1.0.0-beta..1",
                "1.0.0-b\u00e9ta",
                "1..0",
                " 1.0"
            })
    void isValid_notANuGetVersion_isFalse(String version) {
        assertThat(nuget.isValid(version)).isFalse();
    }
}
