package dev.assay.policy.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.untrusted.SafeYaml;
import dev.assay.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodImagesTest {
    static Map<?, ?> fixture(String name) {
        return (Map<?, ?>) SafeYaml.load(
                new String(Fixtures.bytes(PodImagesTest.class, "image/" + name), StandardCharsets.UTF_8), name);
    }

    @Test
    void of_pod_findsEveryContainerListInStartOrderWithPointers() {
        PodImages images = PodImages.of(fixture("pod.yaml"));

        assertThat(images.images())
                .extracting(ImageField::containerKind, ImageField::containerName, ImageField::pointer)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("initContainer", "migrate", "/spec/initContainers/0/image"),
                        org.assertj.core.groups.Tuple.tuple("container", "app", "/spec/containers/0/image"),
                        org.assertj.core.groups.Tuple.tuple("container", "sidecar", "/spec/containers/1/image"),
                        org.assertj.core.groups.Tuple.tuple("container", "proxy", "/spec/containers/2/image"),
                        org.assertj.core.groups.Tuple.tuple(
                                "ephemeralContainer", "debug", "/spec/ephemeralContainers/0/image"));
        assertThat(images.images().get(2).repositoryName()).contains("docker.io/library/nginx");
        assertThat(images.images().get(1).pinned()).isTrue();
        assertThat(images.images().get(4).pinned()).isTrue();
    }

    @Test
    void of_workloads_readThePodTemplate() {
        assertThat(PodImages.of(fixture("deployment.yaml")).images())
                .extracting(ImageField::pointer)
                .containsExactly(
                        "/spec/template/spec/initContainers/0/image",
                        "/spec/template/spec/containers/0/image",
                        "/spec/template/spec/containers/1/image");
        assertThat(PodImages.of(fixture("cronjob.yaml")).images())
                .extracting(ImageField::pointer)
                .containsExactly("/spec/jobTemplate/spec/template/spec/containers/0/image");
    }

    @Test
    void of_otherKindsAndMalformedSpecs_haveNoImages() {
        assertThat(PodImages.of(Map.of("kind", "ConfigMap", "data", Map.of())).images())
                .isEmpty();
        assertThat(PodImages.of(Map.of("kind", "Pod", "spec", "text")).images()).isEmpty();
        assertThat(PodImages.of(Map.of("kind", "Pod", "spec", Map.of("containers", List.of("x", Map.of("image", 3)))))
                        .images())
                .isEmpty();
        assertThat(PodImages.of(Map.of()).images()).isEmpty();
    }

    @Test
    void coveredBy_selectsByRepositoryAndKeepsUnreadableReferences() {
        PodImages images = PodImages.of(fixture("deployment.yaml"));

        assertThat(images.coveredBy(List.of(ImageGlob.of("ghcr.io/acme/*"))).images())
                .extracting(ImageField::containerName)
                .containsExactly("api", "bad");
    }

    @Test
    void imageGlob_singleStarStaysInOneSegment() {
        assertThat(ImageGlob.of("ghcr.io/acme/*").matches("ghcr.io/acme/app")).isTrue();
        assertThat(ImageGlob.of("ghcr.io/acme/*").matches("ghcr.io/acme/team/app"))
                .isFalse();
        assertThat(ImageGlob.of("ghcr.io/acme/**").matches("ghcr.io/acme/team/app"))
                .isTrue();
        assertThat(ImageGlob.of("ghcr.io/acme/**").matches("ghcr.io/acme-evil/app"))
                .isFalse();
        assertThat(ImageGlob.of("**").matches("docker.io/library/nginx")).isTrue();
        assertThat(ImageGlob.of("ghcr.io/acme/ap?").matches("ghcr.io/acme/app")).isTrue();
        assertThat(ImageGlob.of("ghcr.io/a.me/*").matches("ghcr.io/acme/app")).isFalse();
    }
}
