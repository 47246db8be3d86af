package dev.assay.match.golang;

import static dev.assay.match.fakes.Advisories.advisory;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.match.fakes.FakeAdvisoryStore;
import dev.assay.model.Component;
import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import org.junit.jupiter.api.Test;

class GoMatcherTest {
    private final GoMatcher matcher = new GoMatcher();

    /** As Assay's Go catalogers write a module: purl from the path, group and name in their original case. */
    private static Component module(String path, String version) {
        int slash = path.lastIndexOf('/');
        return Component.builder(
                        Purl.of(PackageType.GOLANG, path.substring(0, slash), path.substring(slash + 1), version))
                .group(path.substring(0, slash))
                .name(path.substring(slash + 1))
                .build();
    }

    @Test
    void modulePath_mixedCaseModule_keepsTheComponentsSpelling() {
        Component toml = module("github.com/BurntSushi/toml", "v1.2.0");

        assertThat(GoMatcher.modulePath(toml)).isEqualTo("github.com/BurntSushi/toml");
    }

    @Test
    void modulePath_componentNamedDifferentlyFromItsPurl_usesThePurl() {
        Component renamed = Component.builder(Purl.parse("pkg:golang/github.com/acme/lib@v1.0.0"))
                .group("Acme")
                .name("Library")
                .build();

        assertThat(GoMatcher.modulePath(renamed)).isEqualTo("github.com/acme/lib");
    }

    @Test
    void osvVersion_dropsTheGoPrefixOnly() {
        assertThat(GoMatcher.osvVersion("v1.2.3")).isEqualTo("1.2.3");
        assertThat(GoMatcher.osvVersion("v0.0.0-20210101000000-abcdefabcdef"))
                .isEqualTo("0.0.0-20210101000000-abcdefabcdef");
        assertThat(GoMatcher.osvVersion("1.22.1")).isEqualTo("1.22.1");
    }

    @Test
    void match_mixedCaseModuleAgainstSemverRange_matches() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("GO-2023-0001")
                        .range("Go", "github.com/BurntSushi/toml", "0", "1.3.0")
                        .build());

        assertThat(matcher.match(store, module("github.com/BurntSushi/toml", "v1.2.0")))
                .singleElement()
                .satisfies(match -> assertThat(match.fixedVersions()).containsExactly("1.3.0"));
        assertThat(matcher.match(store, module("github.com/BurntSushi/toml", "v1.3.0")))
                .isEmpty();
    }

    @Test
    void match_standardLibrary_isLookedUpAsStdlib() {
        FakeAdvisoryStore store = new FakeAdvisoryStore()
                .add(advisory("GO-2024-0002")
                        .range("Go", "stdlib", "1.22.0", "1.22.2")
                        .build());
        Component stdlib = Component.builder(Purl.of(PackageType.GOLANG, "", "stdlib", "1.22.1"))
                .build();

        assertThat(matcher.match(store, stdlib)).hasSize(1);
    }
}
