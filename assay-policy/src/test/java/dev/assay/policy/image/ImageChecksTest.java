package dev.assay.policy.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.policy.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageChecksTest {
    private static final PodImages POD = PodImages.of(PodImagesTest.fixture("pod.yaml"));
    private static final PodImages DEPLOYMENT = PodImages.of(PodImagesTest.fixture("deployment.yaml"));

    private static List<String> messages(List<Violation> violations) {
        return violations.stream().map(Violation::message).toList();
    }

    @Test
    void allowedRegistries_hostsAndPrefixes() {
        List<Violation> violations =
                new AllowedRegistriesCheck(List.of("ghcr.io/acme", "quay.*", "docker.io/library/nginx")).check(POD);

        assertThat(violations).extracting(Violation::check).containsOnly(AllowedRegistriesCheck.ID);
        assertThat(messages(violations))
                .containsExactly("container \"proxy\" image \"docker.io/library/envoy:latest\" at"
                        + " /spec/containers/2/image comes from registry docker.io, which is not among the allowed"
                        + " [ghcr.io/acme, quay.*, docker.io/library/nginx]");
    }

    @Test
    void allowedRegistries_dockerHubWithoutRegistryName_isDockerIo() {
        List<Violation> violations = new AllowedRegistriesCheck(List.of("ghcr.io", "quay.io")).check(POD);

        assertThat(violations)
                .extracting(Violation::message)
                .anySatisfy(message -> assertThat(message).startsWith("container \"sidecar\" image \"nginx\""))
                .hasSize(2);
    }

    @Test
    void allowedRegistries_prefixDoesNotAllowLookAlikes() {
        PodImages lookAlike = new PodImages(List.of(
                ImageField.of("container", "x", "ghcr.io/acme-evil/app:1", "/spec/containers/0/image"),
                ImageField.of("container", "y", "ghcr.io/acme:1", "/spec/containers/1/image")));

        assertThat(new AllowedRegistriesCheck(List.of("ghcr.io/acme")).check(lookAlike))
                .extracting(Violation::message)
                .singleElement()
                .satisfies(message -> assertThat(message).contains("acme-evil"));
    }

    @Test
    void requireDigest_flagsEveryTaggedImage() {
        assertThat(messages(new RequireDigestCheck().check(POD)))
                .containsExactly(
                        "initContainer \"migrate\" image \"ghcr.io/acme/migrate:1.2\" at /spec/initContainers/0/image"
                                + " is not pinned by digest (write it as repository@sha256:...)",
                        "container \"sidecar\" image \"nginx\" at /spec/containers/1/image is not pinned by digest"
                                + " (write it as repository@sha256:...)",
                        "container \"proxy\" image \"docker.io/library/envoy:latest\" at /spec/containers/2/image is"
                                + " not pinned by digest (write it as repository@sha256:...)");
    }

    @Test
    void disallowLatest_explicitAndImplicit() {
        assertThat(messages(new DisallowLatestCheck().check(POD)))
                .containsExactly(
                        "container \"sidecar\" image \"nginx\" at /spec/containers/1/image names no tag, so the"
                                + " runtime pulls latest; name a version tag or pin a digest",
                        "container \"proxy\" image \"docker.io/library/envoy:latest\" at /spec/containers/2/image uses"
                                + " the tag latest; name a version tag or pin a digest");
    }

    @Test
    void disallowLatest_latestPinnedByDigest_passes() {
        PodImages pinned = new PodImages(List.of(ImageField.of(
                "container",
                "x",
                "nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "/spec/containers/0/image")));

        assertThat(new DisallowLatestCheck().check(pinned)).isEmpty();
        assertThat(new RequireDigestCheck().check(pinned)).isEmpty();
    }

    @Test
    void validReference_reportsUnreadableImagesOnce() {
        List<Violation> violations = new ValidReferenceCheck().check(DEPLOYMENT);

        assertThat(messages(violations))
                .containsExactly("container \"bad\" image \"Not A Reference\" at /spec/template/spec/containers/1/image"
                        + " is not a valid image reference (host[:port]/repository[:tag][@sha256:digest])");
        assertThat(new RequireDigestCheck().check(DEPLOYMENT)).hasSize(2);
        assertThat(new AllowedRegistriesCheck(List.of("ghcr.io")).check(DEPLOYMENT))
                .hasSize(1);
    }

    @Test
    void imageChecks_ofSpec_buildsOnlyTheConfiguredChecks() {
        ImagePolicySpec spec = ImagePolicyParser.parse(
                        "apiVersion: assay.dev/v1\nkind: ImagePolicy\nmetadata: {name: p}\nspec:\n"
                                + "  disallowLatest: true\n",
                        "p.yaml",
                        java.nio.file.Path.of("."))
                .get(0);

        assertThat(ImageChecks.of(spec))
                .extracting(check -> check.id())
                .containsExactly(ValidReferenceCheck.ID, DisallowLatestCheck.ID);
    }

    @Test
    void messages_escapeControlCharacters() {
        PodImages hostile = new PodImages(
                List.of(ImageField.of("container", "x", "evil\u001b[2J:latest", "/spec/containers/0/image")));

        assertThat(messages(new ValidReferenceCheck().check(hostile)))
                .singleElement()
                .satisfies(
                        message -> assertThat(message).doesNotContain("\u001b").contains("evil?[2J"));
    }
}
