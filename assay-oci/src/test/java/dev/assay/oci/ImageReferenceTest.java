package dev.assay.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {
    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    @Test
    void parse_dockerHubShortNames_getLibraryPrefixAndLatest() {
        ImageReference alpine = ImageReference.parse("alpine");
        assertThat(alpine.registry()).isEqualTo("docker.io");
        assertThat(alpine.repository()).isEqualTo("library/alpine");
        assertThat(alpine.tag()).isEqualTo("latest");
        assertThat(alpine.apiHost()).isEqualTo("registry-1.docker.io");
        assertThat(ImageReference.parse("bitnami/redis:7").repository()).isEqualTo("bitnami/redis");
        assertThat(ImageReference.parse("index.docker.io/library/debian:12").repositoryUrl())
                .isEqualTo("docker.io/library/debian");
    }

    @Test
    void parse_hostsPortsTagsAndDigests_areSplitCorrectly() {
        ImageReference local = ImageReference.parse("127.0.0.1:5000/test/app:1.0");
        assertThat(local.registry()).isEqualTo("127.0.0.1:5000");
        assertThat(local.repository()).isEqualTo("test/app");
        assertThat(local.tag()).isEqualTo("1.0");
        assertThat(local.name()).isEqualTo("app");

        ImageReference pinned = ImageReference.parse("ghcr.io/org/tool@" + DIGEST);
        assertThat(pinned.tag()).isNull();
        assertThat(pinned.digest()).hasToString(DIGEST);
        assertThat(pinned.manifestReference()).isEqualTo(DIGEST);

        ImageReference both = ImageReference.parse("localhost/app:v2@" + DIGEST);
        assertThat(both.registry()).isEqualTo("localhost");
        assertThat(both.tag()).isEqualTo("v2");
        assertThat(both.manifestReference()).isEqualTo(DIGEST);
        assertThat(both).hasToString("localhost/app:v2@" + DIGEST);
    }

    @Test
    void tryParse_invalidReferences_areEmpty() {
        assertThat(ImageReference.tryParse("Upper/Case")).isEmpty();
        assertThat(ImageReference.tryParse("app@sha256:short")).isEmpty();
        assertThat(ImageReference.tryParse("/abs/path")).isEmpty();
        assertThat(ImageReference.tryParse("a b")).isEmpty();
        assertThat(ImageReference.tryParse("")).isEmpty();
        assertThat(ImageReference.tryParse("app:" + "x".repeat(200))).isEmpty();
        assertThat(ImageReference.tryParse("host:notaport/app")).isEmpty();
        assertThat(ImageReference.tryParse("ok/app:1"))
                .isEqualTo(Optional.of(ImageReference.parse("docker.io/ok/app:1")));
    }

    @Test
    void platform_parseAndAccept_handleVariants() {
        assertThat(Platform.parse("linux/arm64/v8").accepts(new Platform("linux", "arm64", null)))
                .isTrue();
        assertThat(Platform.parse("linux/arm").accepts(new Platform("linux", "arm", "v7")))
                .isTrue();
        assertThat(Platform.parse("linux/arm/v6").accepts(new Platform("linux", "arm", "v7")))
                .isFalse();
        assertThat(Platform.LINUX_AMD64.accepts(new Platform("windows", "amd64", null)))
                .isFalse();
    }

    @Test
    void challenge_parse_readsQuotedAndTokenParameters() {
        AuthenticationChallenge challenge = AuthenticationChallenge.parse(
                        "Bearer realm=\"https://auth.example/token\",service=\"registry.example\",scope=\"repository:a/b:pull,push\", error=invalid_token")
                .orElseThrow();
        assertThat(challenge.scheme()).isEqualTo("bearer");
        assertThat(challenge.parameter("realm")).contains("https://auth.example/token");
        assertThat(challenge.parameter("scope")).contains("repository:a/b:pull,push");
        assertThat(challenge.parameter("error")).contains("invalid_token");
        assertThat(AuthenticationChallenge.parse("Basic realm=\"Registry Realm\"")
                        .orElseThrow()
                        .scheme())
                .isEqualTo("basic");
    }
}
