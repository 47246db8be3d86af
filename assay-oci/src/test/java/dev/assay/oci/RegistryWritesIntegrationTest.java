package dev.assay.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import dev.assay.model.NoVerdictException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes to a real registry on loopback ({@code docker-registry}, distribution 2.8): blobs, manifests and
 * referrers. That registry has no referrers API, so referrers go through the referrers tag schema for real.
 */
@Timeout(120)
class RegistryWritesIntegrationTest {
    private static final String ARTIFACT_TYPE = "application/vnd.example.test+json";

    @TempDir
    static Path shared;

    private static LocalRegistry registry;
    private static RegistryClient client;

    @BeforeAll
    static void start() throws Exception {
        LocalRegistry.assumeRegistryInstalled();
        registry = LocalRegistry.start(shared.resolve("registry"));
        client = new RegistryClient(LocalRegistry.clientOptions());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (client != null) {
            client.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    private RegistryRepository repository(String name) {
        return client.repository(ImageReference.parse(registry.host() + "/" + name), true);
    }

    @Test
    void pushImage_thenResolveByTagAndDigest_givesTheSameManifest() {
        Digest digest = registry.pushImage("writes/app:1.0", "one");

        StoredManifest byTag = repository("writes/app:1.0").resolve();
        StoredManifest byDigest = repository("writes/app@" + digest).resolve();

        assertThat(byTag.digest()).isEqualTo(digest);
        assertThat(byDigest.content()).isEqualTo(byTag.content());
        assertThat(byTag.descriptor().mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
    }

    @Test
    void pushBlob_twice_uploadsOnceAndTheBlobReadsBack() {
        RegistryRepository repository = repository("writes/blobs");
        byte[] content = ("blob " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);

        assertThat(repository.hasBlob(Digest.sha256(content))).isFalse();
        Descriptor first = repository.pushBlob("application/octet-stream", content);
        Descriptor second = repository.pushBlob("application/octet-stream", content);

        assertThat(second).isEqualTo(first);
        assertThat(repository.hasBlob(first.digest())).isTrue();
        assertThat(repository.blob(first, 1024)).isEqualTo(content);
    }

    @Test
    void pushReferrer_withoutReferrersApi_maintainsTheReferrersTagIndex() {
        Digest image = registry.pushImage("writes/ref:1.0", "ref");
        RegistryRepository repository = repository("writes/ref:1.0");
        Descriptor subject = repository.resolve().descriptor();
        Descriptor layer = repository.pushBlob("application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        Descriptor first = repository.pushReferrer(new ArtifactManifest(
                ARTIFACT_TYPE, ArtifactManifest.emptyConfig(), List.of(layer), subject, Map.of("n", "1")));
        Descriptor second = repository.pushReferrer(new ArtifactManifest(
                "application/vnd.other", ArtifactManifest.emptyConfig(), List.of(layer), subject, Map.of()));
        repository.pushReferrer(new ArtifactManifest(
                ARTIFACT_TYPE, ArtifactManifest.emptyConfig(), List.of(layer), subject, Map.of("n", "1")));

        assertThat(repository.referrers(image, null))
                .extracting(Descriptor::digest)
                .containsExactly(first.digest(), second.digest());
        assertThat(repository.referrers(image, ARTIFACT_TYPE)).singleElement().satisfies(found -> {
            assertThat(found.artifactType()).isEqualTo(ARTIFACT_TYPE);
            assertThat(found.annotations()).containsEntry("n", "1");
        });
        assertThat(repository.findManifest(RegistryRepository.referrersTag(image)))
                .hasValueSatisfying(
                        index -> assertThat(index.descriptor().mediaType()).isEqualTo(MediaTypes.OCI_INDEX));
        ArtifactManifest stored = ArtifactManifest.parse(
                repository.findManifest(first.digest().toString()).orElseThrow().content(), "referrer");
        assertThat(stored.subject().digest()).isEqualTo(image);
        assertThat(stored.artifactType()).isEqualTo(ARTIFACT_TYPE);
    }

    @Test
    void referrers_ofAnImageWithNone_isEmpty() {
        Digest image = registry.pushImage("writes/none:1.0", "none");

        assertThat(repository("writes/none:1.0").referrers(image, null)).isEmpty();
    }

    @Test
    void findManifest_missingTag_isEmptyButResolveOfAMissingTagFails() {
        RegistryRepository repository = repository("writes/app:missing");

        assertThat(repository.findManifest("missing")).isEmpty();
        assertThatThrownBy(repository::resolve)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("image not found");
    }

    @Test
    void pushManifest_notJson_isRejectedByTheRegistryWithItsReason() {
        RegistryRepository repository = repository("writes/bad");

        assertThatThrownBy(() -> repository.pushManifest(
                        "bad", "this is not json".getBytes(StandardCharsets.UTF_8), MediaTypes.OCI_MANIFEST))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("answered 400")
                .hasMessageContaining("MANIFEST_INVALID");
    }

    @Test
    void pushManifest_referencingMissingBlobs_isRejectedWithTheRegistrysCode() {
        RegistryRepository repository = repository("writes/missing-blobs");
        Descriptor absent = Descriptor.of("application/json", "never pushed".getBytes(StandardCharsets.UTF_8));
        byte[] manifest = new ArtifactManifest(null, absent, List.of(absent), null, Map.of()).toJsonBytes();

        assertThatThrownBy(() -> repository.pushManifest("x", manifest, MediaTypes.OCI_MANIFEST))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("BLOB_UNKNOWN");
    }

    @Test
    void resolve_stoppedRegistry_isNoVerdict(@TempDir Path directory) throws Exception {
        LocalRegistry stopped = LocalRegistry.start(directory);
        String host = stopped.host();
        stopped.close();

        try (RegistryClient fresh = new RegistryClient(LocalRegistry.clientOptions())) {
            RegistryRepository repository = fresh.repository(ImageReference.parse(host + "/app:1.0"), false);
            assertThatThrownBy(repository::resolve)
                    .isInstanceOf(NoVerdictException.class)
                    .hasMessageContaining("is unreachable");
        }
    }
}
