package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.assay.model.NoVerdictException;
import dev.assay.oci.ArtifactManifest;
import dev.assay.oci.Descriptor;
import dev.assay.oci.ImageReference;
import dev.assay.oci.LocalRegistry;
import dev.assay.oci.MediaTypes;
import dev.assay.oci.RegistryClient;
import dev.assay.oci.RegistryRepository;
import dev.assay.sign.image.CosignFormats;
import dev.assay.sign.keys.KeyAlgorithm;
import dev.assay.sign.keys.KeyPairs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signs, attests and verifies images in a real registry on loopback (Debian's docker-registry, no
 * referrers API: referrers go through the referrers tag). Tampering is done the way an attacker with push
 * access would: by pushing altered manifests and blobs.
 */
@Timeout(120)
class ImageSignaturesIntegrationTest {
    private static final KeyPair KEYS = KeyPairs.generate(KeyAlgorithm.ECDSA_P256);

    @TempDir
    static Path shared;

    private static LocalRegistry registry;
    private static ImageSignatures signatures;
    private static RegistryClient raw;

    @BeforeAll
    static void start() throws Exception {
        LocalRegistry.assumeRegistryInstalled();
        registry = LocalRegistry.start(shared.resolve("registry"));
        signatures = new ImageSignatures(LocalRegistry.clientOptions());
        raw = new RegistryClient(LocalRegistry.clientOptions());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (signatures != null) {
            signatures.close();
            raw.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    private String image(String name, String seed) {
        registry.pushImage(name + ":1.0", seed);
        return registry.host() + "/" + name + ":1.0";
    }

    private RegistryRepository repository(String reference) {
        return raw.repository(ImageReference.parse(reference), true);
    }

    private static String reason(ImageVerificationReport report) {
        return report.reason().orElseThrow();
    }

    @Test
    void sign_thenVerify_findsTheSignatureByTagAndAsReferrer() {
        String reference = image("sig/app", "a");

        ImageSignatures.Published published =
                signatures.sign(reference, KEYS.getPrivate(), KEYS.getPublic(), Map.of("ci", "yes"), true);
        ImageVerificationReport report = signatures.verify(reference, KEYS.getPublic(), null);

        assertThat(report.verified()).as(report.toString()).isTrue();
        assertThat(report.imageDigest()).isEqualTo(published.imageDigest());
        assertThat(report.signatures())
                .extracting(ImageVerificationReport.Check::source)
                .containsExactlyInAnyOrder("tag", "referrer");
        assertThat(report.signatures()).allMatch(ImageVerificationReport.Check::verified);
    }

    @Test
    void sign_twice_appendsToTheSigManifest() {
        String reference = image("sig/twice", "twice");
        String digest = signatures
                .sign(reference, KEYS.getPrivate(), KEYS.getPublic(), Map.of(), false)
                .imageDigest();
        KeyPair second = KeyPairs.generate(KeyAlgorithm.ED25519);

        signatures.sign(reference, second.getPrivate(), second.getPublic(), Map.of(), false);

        ArtifactManifest sig = sigManifest(reference, digest);
        assertThat(sig.layers()).hasSize(2);
        assertThat(signatures.verify(reference, KEYS.getPublic(), null).verified())
                .isTrue();
        assertThat(signatures.verify(reference, second.getPublic(), null).verified())
                .isTrue();
    }

    @Test
    void verify_unsignedImage_saysNoSignaturesFound() {
        String reference = image("sig/unsigned", "unsigned");

        ImageVerificationReport report = signatures.verify(reference, KEYS.getPublic(), null);

        assertThat(report.verified()).isFalse();
        assertThat(reason(report)).isEqualTo("no signatures found for " + report.imageDigest());
    }

    @Test
    void verify_otherKey_isRejectedBecauseTheSignatureDoesNotVerify() {
        String reference = image("sig/otherkey", "otherkey");
        signatures.sign(reference, KEYS.getPrivate(), KEYS.getPublic(), Map.of(), true);

        ImageVerificationReport report = signatures.verify(
                reference, KeyPairs.generate(KeyAlgorithm.ECDSA_P256).getPublic(), null);

        assertThat(report.verified()).isFalse();
        assertThat(reason(report)).contains("signature does not verify with the key");
    }

    @Test
    void verify_tamperedSignatureAnnotation_isRejected() {
        String reference = image("sig/annotation", "annotation");
        String digest = signatures
                .sign(reference, KEYS.getPrivate(), KEYS.getPublic(), Map.of(), false)
                .imageDigest();
        ArtifactManifest sig = sigManifest(reference, digest);
        Descriptor layer = sig.layers().get(0);
        byte[] forged = KEYS.getPublic().getEncoded(); // well-formed base64 of bytes that are no signature
        pushSig(
                reference,
                digest,
                sig.withLayers(List.of(layer.withAnnotations(Map.of(
                        CosignFormats.SIGNATURE_ANNOTATION,
                        java.util.Base64.getEncoder().encodeToString(forged))))));

        ImageVerificationReport report = signatures.verify(reference, KEYS.getPublic(), null);

        assertThat(reason(report)).contains("signature does not verify with the key");
    }

    @Test
    void verify_tamperedPayload_isRejected() {
        String reference = image("sig/payload", "payload");
        String digest = signatures
                .sign(reference, KEYS.getPrivate(), KEYS.getPublic(), Map.of("env", "prod"), false)
                .imageDigest();
        RegistryRepository repository = repository(reference);
        ArtifactManifest sig = sigManifest(reference, digest);
        Descriptor layer = sig.layers().get(0);
        String payload = new String(repository.blob(layer, 4096), StandardCharsets.UTF_8).replace("prod", "test");
        Descriptor altered = repository
                .pushBlob(layer.mediaType(), payload.getBytes(StandardCharsets.UTF_8))
                .withAnnotations(layer.annotations());
        pushSig(reference, digest, sig.withLayers(List.of(altered)));

        assertThat(reason(signatures.verify(reference, KEYS.getPublic(), null)))
                .contains("signature does not verify with the key");
    }

    @Test
    void verify_signatureOfImageACopiedToImageB_isRejectedNamingBothDigests() {
        String imageA = image("sig/copy-a", "copy-a");
        String imageB = image("sig/copy-b", "copy-b");
        String digestA = signatures
                .sign(imageA, KEYS.getPrivate(), KEYS.getPublic(), Map.of(), false)
                .imageDigest();
        String digestB = repository(imageB).resolve().digest().toString();
        ArtifactManifest sigOfA = sigManifest(imageA, digestA);
        RegistryRepository b = repository(imageB);
        for (Descriptor layer : sigOfA.layers()) {
            b.pushBlob(layer.mediaType(), repository(imageA).blob(layer, 4096));
        }
        b.pushBlob(sigOfA.config().mediaType(), repository(imageA).blob(sigOfA.config(), 4096));
        b.pushManifest(CosignFormats.signatureTag(digestB), sigOfA.toJsonBytes(), MediaTypes.OCI_MANIFEST);

        ImageVerificationReport report = signatures.verify(imageB, KEYS.getPublic(), null);

        assertThat(report.verified()).isFalse();
        assertThat(reason(report)).contains("signature covers " + digestA + ", not the image " + digestB);
    }

    @Test
    void verify_garbageUnderTheSigTag_isRejectedClearlyAndDoesNotHideTheReferrer() {
        String reference = image("sig/garbage", "garbage");
        String digest = signatures
                .sign(reference, KEYS.getPrivate(), KEYS.getPublic(), Map.of(), true)
                .imageDigest();
        RegistryRepository repository = repository(reference);
        // An image index where a signature manifest should be: valid for the registry, wrong for cosign.
        repository.pushManifest(
                CosignFormats.signatureTag(digest),
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}"
                        .getBytes(StandardCharsets.UTF_8),
                MediaTypes.OCI_INDEX);

        ImageVerificationReport report = signatures.verify(reference, KEYS.getPublic(), null);

        assertThat(report.verified()).isTrue();
        assertThat(report.signatures())
                .anySatisfy(check -> assertThat(check.verdict().toString()).contains("not an image manifest"));
    }

    @Test
    void attest_thenVerifyWithTheType_passesAndAnotherTypeIsRejected() {
        String reference = image("att/app", "att");
        signatures.sign(reference, KEYS.getPrivate(), KEYS.getPublic(), Map.of(), false);
        signatures.attest(
                reference,
                "slsaprovenance",
                JsonNodeFactory.instance.objectNode().put("buildType", "https://example/build"),
                KEYS.getPrivate(),
                KEYS.getPublic());

        ImageVerificationReport provenance = signatures.verify(reference, KEYS.getPublic(), "slsaprovenance");
        ImageVerificationReport sbom = signatures.verify(reference, KEYS.getPublic(), "cyclonedx");

        assertThat(provenance.verified()).as(provenance.toString()).isTrue();
        assertThat(provenance.attestations())
                .extracting(ImageVerificationReport.Check::source)
                .containsExactlyInAnyOrder("tag", "referrer");
        assertThat(sbom.verified()).isFalse();
        assertThat(reason(sbom))
                .startsWith("no valid cyclonedx attestation for ")
                .contains("predicate type https://slsa.dev/provenance/v1, not [https://cyclonedx.org/bom]");
    }

    @Test
    void verify_attestationRequiredButOnlySigned_isRejected() {
        String reference = image("att/none", "att-none");
        signatures.sign(reference, KEYS.getPrivate(), KEYS.getPublic(), Map.of(), false);

        ImageVerificationReport report = signatures.verify(reference, KEYS.getPublic(), "spdx");

        assertThat(reason(report)).isEqualTo("no attestations found for " + report.imageDigest());
    }

    @Test
    void verify_stoppedRegistry_isNoVerdict(@TempDir Path directory) throws Exception {
        LocalRegistry stopped = LocalRegistry.start(directory);
        String reference = stopped.host() + "/app:1.0";
        stopped.close();

        assertThatThrownBy(() -> signatures.verify(reference, KEYS.getPublic(), null))
                .isInstanceOf(NoVerdictException.class);
    }

    private ArtifactManifest sigManifest(String reference, String digest) {
        return ArtifactManifest.parse(
                repository(reference)
                        .findManifest(CosignFormats.signatureTag(digest))
                        .orElseThrow()
                        .content(),
                "sig");
    }

    private void pushSig(String reference, String digest, ArtifactManifest manifest) {
        repository(reference)
                .pushManifest(CosignFormats.signatureTag(digest), manifest.toJsonBytes(), MediaTypes.OCI_MANIFEST);
    }
}
