package dev.assay.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoVersionSchemeTest {
    private final VersionScheme go = VersionSchemes.go();

    @Test
    void compare_pseudoVersions_sortAsPreReleasesOfTheNextVersion() {
        // The three pseudo-version forms of "go help modules": no tag yet, after a release, after a pre-release.
        Orderings.assertAscending(
                go,
                List.of(
                        "v0.0.0-20191109021931-daa7c04131f5",
                        "v0.0.0-20200131131040-063a3fb69896",
                        "v0.1.0",
                        "v1.2.3",
                        "v1.2.4-0.20191109021931-daa7c04131f5",
                        "v1.2.4-pre",
                        "v1.2.4-pre.0.20191109021931-daa7c04131f5",
                        "v1.2.4"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(
            delimiter = ' ',
            value = {
                // The Go vulnerability database writes versions without the "v".
                "0.0.0-20160722212129-ac0cc4484ad4 = v0.0.0-20160722212129-ac0cc4484ad4",
                "1.2.3 = v1.2.3",
                "v2.0.0+incompatible = v2.0.0",
                "v2.0.0+incompatible > v1.9.9",
                "v2.1.0+incompatible < v2.1.1",
                // golang.org/x/mod/semver shorthands.
                "v1 = v1.0.0",
                "v1.2 = v1.2.0",
                "v1.2 < v1.2.1",
                "1.21.0-rc.2 < 1.21.0",
                "v0.0.0-20210101000000-abcdefabcdef < v0.0.1",
            })
    void compare_examples_followGoModuleOrder(String left, String relation, String right) {
        Orderings.assertRelation(go, left, relation, right);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "v", "vv1.2.3", "v1.2.3.4", "v01.2.3", "v1-pre", "v1.2-pre", "V1.2.3", "v1.2.3-", "go1.21"})
    void isValid_notAGoVersion_isFalse(String version) {
        assertThat(go.isValid(version)).isFalse();
    }
}
