package dev.assay.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.Limits;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls from a real registry on loopback ({@code docker-registry}), after pushing with {@code skopeo}:
 * anonymous by tag and by digest, and with htpasswd basic auth. The bearer token flow is covered by
 * {@link RegistryClientTest} against an imitation, since the real registry's token auth needs a separate
 * token server with signing certificates.
 */
@Timeout(120)
class RegistryIntegrationTest {
    private static final String USER = "assay";
    private static final String PASSWORD = "pa55-" + System.nanoTime();

    @TempDir
    static Path shared;

    private static LocalRegistry open;
    private static LocalRegistry protectedRegistry;
    private static TestImages.Image image;
    private static TestImages.Layer base;
    private static TestImages.Layer top;

    @TempDir
    Path temp;

    @BeforeAll
    static void startRegistries() throws Exception {
        LocalRegistry.assumeInstalled();
        base = TestImages.Layer.gzip(new TestLayer()
                .file("etc/os-release", "ID=assaytest\n")
                .file("usr/lib/node_modules/x/package.json", "{\"name\":\"x\",\"version\":\"1.2.3\"}"));
        top = TestImages.Layer.gzip(
                new TestLayer().whiteout("etc", "os-release").file("app/run.sh", "#!/bin/sh\n"));
        image = TestImages.image(List.of(base, top));
        Path layout = TestImages.layout(shared.resolve("layout"), image, "1.0");
        open = LocalRegistry.start(shared.resolve("open"), null, null);
        open.push(layout, "1.0", "test/app:1.0", null);
        protectedRegistry = LocalRegistry.start(shared.resolve("protected"), USER, PASSWORD);
        protectedRegistry.push(layout, "1.0", "private/app:1.0", USER + ":" + PASSWORD);
    }

    @AfterAll
    static void stopRegistries() throws InterruptedException {
        if (open != null) {
            open.close();
        }
        if (protectedRegistry != null) {
            protectedRegistry.close();
        }
    }

    private static RegistryClientOptions options() {
        return RegistryClientOptions.defaults()
                .withInsecure(true)
                .withDockerConfig(null)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20))
                .withRetries(1, Duration.ofMillis(50));
    }

    private UnpackedImage pull(RegistryClientOptions options, String reference) throws IOException {
        try (RegistryClient client = new RegistryClient(options);
                ContainerImage pulled = client.pull(ImageReference.parse(reference), null, temp, ImageProgress.NONE)) {
            assertThat(pulled.manifestDigest()).contains(image.manifestDigest());
            assertThat(pulled.configDigest()).isEqualTo(image.configDigest());
            return ImageUnpacker.unpack(pulled, temp.resolve("rootfs"), Limits.DEFAULT, ImageProgress.NONE);
        }
    }

    @Test
    void pull_byTagAnonymously_unpacksWithLayerAttribution() throws IOException {
        UnpackedImage unpacked = pull(options(), open.host() + "/test/app:1.0");

        assertThat(temp.resolve("rootfs/etc/os-release")).doesNotExist();
        assertThat(unpacked.layerByPath())
                .containsEntry(
                        "usr/lib/node_modules/x/package.json", base.diffId().toString())
                .containsEntry("app/run.sh", top.diffId().toString())
                .doesNotContainKey("etc/os-release");
    }

    @Test
    void pull_byDigest_getsTheSameImage() throws IOException {
        UnpackedImage unpacked = pull(options(), open.host() + "/test/app@" + image.manifestDigest());

        assertThat(unpacked.layerByPath()).containsKey("app/run.sh");
    }

    @Test
    void pull_withBasicAuth_succeedsWithCredentialsAndIsDeniedWithout() throws IOException {
        UnpackedImage unpacked = pull(
                options().withCredentials(new RegistryCredentials(USER, PASSWORD)),
                protectedRegistry.host() + "/private/app:1.0");
        assertThat(unpacked.layerByPath()).containsKey("app/run.sh");

        assertThatThrownBy(() -> pull(options(), protectedRegistry.host() + "/private/app:1.0"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("access denied (401)")
                .hasMessageContaining("anonymously");
        assertThatThrownBy(() -> pull(
                        options().withCredentials(new RegistryCredentials(USER, "not-it")),
                        protectedRegistry.host() + "/private/app:1.0"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("access denied (401)")
                .hasMessageNotContaining("not-it");
    }

    @Test
    void pull_missingRepository_isImageNotFound() {
        assertThatThrownBy(() -> pull(options(), open.host() + "/test/missing:1.0"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("image not found");
    }
}
