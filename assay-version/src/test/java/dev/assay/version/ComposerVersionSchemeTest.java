package dev.assay.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ComposerVersionSchemeTest {
    private final ComposerVersionScheme composer = VersionSchemes.composer();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // Composer's VersionParser normalization tests.
        "1.0.0, 1.0.0.0",
        "1.2.3.4, 1.2.3.4",
        "1.0.0RC1dev, 1.0.0.0-RC1-dev",
        "1.0.0-rC15-dev, 1.0.0.0-RC15-dev",
        "1.0.0.RC.15-dev, 1.0.0.0-RC15-dev",
        "1.0.0-rc1, 1.0.0.0-RC1",
        "1.0.0.pl3-dev, 1.0.0.0-patch3-dev",
        "1.0-dev, 1.0.0.0-dev",
        "0, 0.0.0.0",
        "10.4.13-beta, 10.4.13.0-beta",
        "10.4.13beta2, 10.4.13.0-beta2",
        "10.4.13beta.2, 10.4.13.0-beta2",
        "10.4.13-b, 10.4.13.0-beta",
        "10.4.13-b5, 10.4.13.0-beta5",
        "v1.0.0, 1.0.0.0",
        "2010.01, 2010.01.0.0",
        "2010.01.02, 2010.01.02.0",
        "2010.1.555, 2010.1.555.0",
        "v20100102, 20100102",
        "2010-01-02, 2010.01.02",
        "2010-01-02.5, 2010.01.02.5",
        "20100102-203040, 20100102.203040",
        "20150920.0.0, 20150920.0.0",
        "20100102203040-10, 20100102203040.10",
        "20100102-203040-p1, 20100102.203040-patch1",
        "1.x-dev, 1.9999999.9999999.9999999-dev",
        "1.0.0-beta.5+foo, 1.0.0.0-beta5",
        "1.0.0+foo, 1.0.0.0",
        "1.0.0-alpha.3.1+foo, 1.0.0.0-alpha3.1",
        "1.0.0-alpha2.1+foo, 1.0.0.0-alpha2.1",
        "1.0.0-alpha-2.1-3+foo, 1.0.0.0-alpha2.1-3",
        "1.0.0+foo as 2.0, 1.0.0.0",
        "1.2.3b5, 1.2.3.0-beta5",
        "1.2.3a1, 1.2.3.0-alpha1",
        "1.2.3p1234, 1.2.3.0-patch1234",
        "1.2.3pl1234, 1.2.3.0-patch1234",
        "1.2.3.4-stable, 1.2.3.4",
        "1.0@dev, 1.0.0.0",
        "1.0_dev, 1.0.0.0-dev",
        "2.1.*-dev, 2.1.9999999.9999999-dev",
    })
    void normalize_examples_giveComposersNormalizedForm(String version, String normalized) {
        assertThat(composer.normalize(version)).isEqualTo(normalized);
    }

    @Test
    void compare_stabilities_areOrdered() {
        Orderings.assertAscending(
                composer,
                List.of(
                        "1.0.0-dev",
                        "1.0.0-alpha1",
                        "1.0.0-alpha2",
                        "1.0.0-beta1",
                        "1.0.0-beta.2",
                        "1.0.0-RC1",
                        "1.0.0-rc2",
                        "1.0.0",
                        "1.0.0-p1",
                        "1.0.0-patch2",
                        "1.0.0.1",
                        "1.0.1-dev",
                        "1.0.1",
                        "1.0.x-dev",
                        "1.1.0"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(
            delimiter = ' ',
            value = {
                "1.0 = v1.0.0.0",
                "1.0.0-stable = 1.0.0",
                "1.0.0+build.1 = 1.0.0",
                "1.0.0-alpha1-dev < 1.0.0-alpha1",
                "5.4.10 > 5.4.9",
                "6.4.0-BETA1 < 6.4.0",
                "20231231 > 9.9.9",
                "1.x-dev > 1.99.99",
            })
    void compare_examples_orderAsComposer(String left, String relation, String right) {
        Orderings.assertRelation(composer, left, relation, right);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "a",
                "1.0.0-meh",
                "1.0.0.0.0",
                "feature-foo",
                "1.0.0+foo bar",
                "dev-master",
                "dev-feature/x",
                "master",
                "DEV-FOOBAR",
                "1.0,2.0"
            })
    void isValid_rejectedByComposerOrANamedBranch_isFalse(String version) {
        assertThat(composer.isValid(version)).isFalse();
        assertThatThrownBy(() -> composer.normalize(version)).isInstanceOf(InvalidVersionException.class);
    }
}
