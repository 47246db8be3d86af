package dev.assay.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import dev.assay.model.NoVerdictException;
import dev.assay.model.untrusted.Limits;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The registry client against an in-test imitation of a registry (see {@link FakeRegistry}). */
@Timeout(30)
class RegistryClientTest {
    private static final RegistryCredentials USER = new RegistryCredentials("alice", "s3cret");

    @TempDir
    Path temp;

    private FakeRegistry registry;
    private TestImages.Image image;
    private TestImages.Layer layer;

    @BeforeEach
    void start() throws IOException {
        registry = new FakeRegistry();
        layer = TestImages.Layer.gzip(new TestLayer().file("app/hello.txt", "hello"));
        image = TestImages.image(List.of(layer));
        registry.push("test/app", "1.0", image);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private RegistryClientOptions options() {
        return RegistryClientOptions.defaults()
                .withInsecure(true)
                .withDockerConfig(null)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withRetries(2, Duration.ofMillis(20));
    }

    private UnpackedImage pullAndUnpack(RegistryClientOptions options, String reference) throws IOException {
        try (RegistryClient client = new RegistryClient(options);
                ContainerImage pulled = client.pull(ImageReference.parse(reference), null, temp, ImageProgress.NONE)) {
            return ImageUnpacker.unpack(pulled, temp.resolve("rootfs"), Limits.DEFAULT, ImageProgress.NONE);
        }
    }

    @Test
    void pull_bearerChallenge_getsATokenWithBasicCredentialsAndUsesIt() throws IOException {
        registry.requireBearer = true;
        registry.expectedBasic = USER.basicAuthorization();

        UnpackedImage unpacked = pullAndUnpack(options().withCredentials(USER), registry.host() + "/test/app:1.0");

        assertThat(temp.resolve("rootfs/app/hello.txt")).hasContent("hello");
        assertThat(unpacked.layerByPath())
                .containsEntry("app/hello.txt", layer.diffId().toString());
        assertThat(registry.log)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("GET /token?service=fake&scope=repository%3Atest%2Fapp%3Apull")
                        .endsWith("auth=" + USER.basicAuthorization()))
                .anySatisfy(line -> assertThat(line).contains("/blobs/").endsWith("auth=Bearer " + FakeRegistry.TOKEN));
    }

    @Test
    void pull_credentialsFromDockerConfig_areUsedWhenNoneAreGiven() throws IOException {
        registry.requireBearer = true;
        registry.expectedBasic = USER.basicAuthorization();
        String auth = Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        Path config = Files.writeString(
                temp.resolve("config.json"), "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\"" + auth + "\"}}}");

        pullAndUnpack(options().withDockerConfig(config), registry.host() + "/test/app:1.0");

        assertThat(temp.resolve("rootfs/app/hello.txt")).exists();
    }

    @Test
    void pull_rejectedCredentials_isAClearAccessDenied() {
        registry.requireBearer = true;
        registry.expectedBasic = USER.basicAuthorization();
        RegistryCredentials wrong = new RegistryCredentials("alice", "wrong");

        assertThatThrownBy(() -> pullAndUnpack(options().withCredentials(wrong), registry.host() + "/test/app:1.0"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("access denied (401)")
                .hasMessageContaining("as alice")
                .hasMessageNotContaining("wrong");
    }

    @Test
    void pull_unknownTag_isImageNotFound() {
        assertThatThrownBy(() -> pullAndUnpack(options(), registry.host() + "/test/app:nope"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("image not found: " + registry.host() + "/test/app:nope");
    }

    @Test
    void pull_serviceUnavailableTwice_isRetriedAndSucceeds() throws IOException {
        registry.unavailableResponses.set(2);

        pullAndUnpack(options(), registry.host() + "/test/app:1.0");

        assertThat(temp.resolve("rootfs/app/hello.txt")).exists();
    }

    @Test
    void pull_serviceUnavailableBeyondRetries_isNoVerdict() {
        registry.unavailableResponses.set(100);

        assertThatThrownBy(() -> pullAndUnpack(options(), registry.host() + "/test/app:1.0"))
                .isInstanceOf(NoVerdictException.class)
                .hasMessageContaining("answered 503");
    }

    @Test
    void pull_nothingListening_isNoVerdictNamingTheRegistry() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        assertThatThrownBy(() -> pullAndUnpack(options(), "127.0.0.1:" + port + "/test/app:1.0"))
                .isInstanceOf(NoVerdictException.class)
                .hasMessageContaining("registry 127.0.0.1:" + port + " is unreachable");
    }

    @Test
    void pull_plainHttpRegistryWithoutInsecure_isNeverContactedOverHttp() {
        assertThatThrownBy(() -> pullAndUnpack(options().withInsecure(false), registry.host() + "/test/app:1.0"))
                .isInstanceOf(NoVerdictException.class)
                .hasMessageContaining("unreachable");
        assertThat(registry.log).isEmpty();
    }

    @Test
    void pull_stalledBlob_timesOutAsNoVerdict() {
        registry.stallBlobs = true;
        RegistryClientOptions impatient = options()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400))
                .withRetries(1, Duration.ofMillis(10));
        long started = System.nanoTime();

        assertThatThrownBy(() -> pullAndUnpack(impatient, registry.host() + "/test/app:1.0"))
                .isInstanceOf(NoVerdictException.class)
                .hasMessageContaining("no data for 400 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void pull_blobRedirectedToAnotherHost_doesNotCarryTheToken() throws IOException {
        try (FakeRegistry cdn = new FakeRegistry()) {
            cdn.blobs.putAll(registry.blobs);
            registry.requireBearer = true;
            registry.redirectBlobsTo = "http://localhost:" + cdn.port();

            pullAndUnpack(options(), registry.host() + "/test/app:1.0");

            assertThat(cdn.log).isNotEmpty().allSatisfy(line -> assertThat(line).endsWith("auth=null"));
        }
        assertThat(temp.resolve("rootfs/app/hello.txt")).exists();
    }

    @Test
    void pull_byDigestWhenTheRegistryServesOtherContent_isRejected() {
        Digest claimed = Digest.sha256("something else".getBytes(StandardCharsets.UTF_8));
        registry.manifests.put("test/app/" + claimed, image.manifest());

        assertThatThrownBy(() -> pullAndUnpack(options(), registry.host() + "/test/app@" + claimed))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not match its digest");
    }

    @Test
    void pull_layerBlobTamperedInTransit_isRejected() {
        byte[] tampered = layer.blob().clone();
        tampered[tampered.length / 2] ^= 0x55;
        registry.blobs.put(layer.digest().toString(), tampered);

        assertThatThrownBy(() -> pullAndUnpack(options(), registry.host() + "/test/app:1.0"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not match its digest");
    }

    @Test
    void pull_index_followsToThePlatformManifest() throws IOException {
        TestImages.Image arm = TestImages.image(
                "linux", "arm64", List.of(TestImages.Layer.gzip(new TestLayer().file("arm.txt", "arm"))));
        registry.push("test/app", "arm-only", arm);
        byte[] index = TestImages.index(
                MediaTypes.DOCKER_MANIFEST_LIST,
                List.of(
                        java.util.Map.entry(arm.manifest(), "linux/arm64"),
                        java.util.Map.entry(image.manifest(), "linux/amd64")),
                entry -> entry);
        registry.manifests.put("test/app/multi", index);
        registry.manifestTypes.put("test/app/multi", MediaTypes.DOCKER_MANIFEST_LIST);

        try (RegistryClient client = new RegistryClient(options());
                ContainerImage amd64 = client.pull(
                        ImageReference.parse(registry.host() + "/test/app:multi"), null, temp, ImageProgress.NONE);
                ContainerImage arm64 = client.pull(
                        ImageReference.parse(registry.host() + "/test/app:multi"),
                        Platform.parse("linux/arm64"),
                        temp,
                        ImageProgress.NONE)) {
            assertThat(amd64.manifestDigest()).contains(image.manifestDigest());
            assertThat(arm64.manifestDigest()).contains(arm.manifestDigest());
            assertThat(arm64.reference().orElseThrow().digest()).isEqualTo(arm.manifestDigest());
        }
    }
}
