package dev.assay.sign.slsa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuilderIdsTest {
    private static final String NAME = "https://github.com/org/builders/.github/workflows/b.yml";

    @Test
    void matches_followsSlsaVerifier() {
        assertThat(BuilderIds.matches(NAME, NAME + "@refs/tags/v1.0.0")).isTrue();
        assertThat(BuilderIds.matches(NAME + "@refs/tags/v1.0.0", NAME + "@refs/tags/v1.0.0"))
                .isTrue();
        assertThat(BuilderIds.matches(NAME + "@v1.0.0", NAME + "@refs/tags/v1.0.0"))
                .isTrue();
        assertThat(BuilderIds.matches(NAME + "@v1.0.0", NAME + "@refs/heads/v1.0.0"))
                .isFalse();
        assertThat(BuilderIds.matches(NAME + "@refs/tags/v1.0.0", NAME)).isFalse();
        assertThat(BuilderIds.matches(NAME, NAME + "x@refs/tags/v1.0.0")).isFalse();
        assertThat(BuilderIds.matches(NAME + "@refs/tags/v1.0.0", NAME + "@refs/tags/v1.0.1"))
                .isFalse();
    }

    @Test
    void normalize_sourceUris() {
        assertThat(SourceUris.normalize("github.com/org/repo")).isEqualTo("https://github.com/org/repo");
        assertThat(SourceUris.normalize("git+https://GITHUB.com/org/repo.git/"))
                .isEqualTo("https://github.com/org/repo");
        assertThat(SourceUris.same("github.com/org/repo", "https://github.com/org/Repo"))
                .isFalse();
        assertThat(SourceUris.same("http://github.com/org/repo", "https://github.com/org/repo"))
                .isFalse();
    }

    @Test
    void sourceClaim_splitsTheRefAfterThePathOnly() {
        SourceClaim claim = SourceClaim.fromDownloadLocation(
                "x", "git+https://github.com/o/r@refs/tags/pkg@1.0", java.util.Map.of());

        assertThat(claim.uri()).isEqualTo("https://github.com/o/r");
        assertThat(claim.ref()).isEqualTo("refs/tags/pkg@1.0");
        assertThat(SourceClaim.fromDownloadLocation("x", "https://gitlab.com/a/b", java.util.Map.of())
                        .ref())
                .isNull();
    }
}
