package dev.assay.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.oci.ArtifactManifest;
import dev.assay.oci.Descriptor;
import dev.assay.oci.ImageReference;
import dev.assay.oci.MediaTypes;
import dev.assay.oci.RegistryRepository;
import dev.assay.oci.StoredManifest;
import dev.assay.sign.attest.SignedAttestation;
import dev.assay.sign.dsse.DsseEnvelope;
import dev.assay.sign.image.CosignFormats;
import dev.assay.sign.image.ImageSigner;
import dev.assay.sign.image.SignedPayload;
import dev.assay.sign.image.SimpleSigningPayload;
import dev.assay.sign.intoto.Statement;
import dev.assay.sign.intoto.Subject;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pushes signatures and attestations of an image the way cosign stores them: appended to the manifest
 * under {@code sha256-<hex>.sig} / {@code .att}, and, when asked (always for attestations), as an OCI 1.1
 * referrer holding a Sigstore bundle. The image is resolved to its digest first; everything signed names
 * that digest, never the tag.
 */
final class ImageSignaturePublisher {
    private static final String TITLE = "org.opencontainers.image.title";

    private final RegistryRepository repository;

    ImageSignaturePublisher(RegistryRepository repository) {
        this.repository = repository;
    }

    /** What was pushed, for the user: the image digest and the manifests written. */
    record Published(String imageDigest, List<String> locations) {}

    Published sign(PrivateKey privateKey, PublicKey publicKey, Map<String, String> annotations, boolean referrer) {
        StoredManifest image = repository.resolve();
        String digest = image.digest().toString();
        ImageReference reference = repository.reference();
        SignedPayload signed = ImageSigner.sign(
                new SimpleSigningPayload(reference.repositoryUrl(), digest, annotations), privateKey, publicKey);
        Descriptor payload = repository.pushBlob(CosignFormats.SIMPLE_SIGNING_MEDIA_TYPE, signed.payload());
        String tag = CosignFormats.signatureTag(digest);
        appendLayer(tag, payload.withAnnotations(Map.of(CosignFormats.SIGNATURE_ANNOTATION, signed.base64Signature())));
        List<String> locations = new ArrayList<>(List.of(reference.repositoryUrl() + ":" + tag));
        if (referrer) {
            byte[] bundle = signed.bundleJson().getBytes(StandardCharsets.UTF_8);
            Descriptor pushed = pushBundleReferrer(
                    image,
                    bundle,
                    List.of(payload),
                    Map.of(CosignFormats.BUNDLE_CONTENT_ANNOTATION, CosignFormats.CONTENT_MESSAGE_SIGNATURE));
            locations.add(reference.repositoryUrl() + "@" + pushed.digest() + " (referrer)");
        }
        return new Published(digest, locations);
    }

    Published attest(String predicateType, JsonNode predicate, PrivateKey privateKey, PublicKey publicKey) {
        StoredManifest image = repository.resolve();
        String digest = image.digest().toString();
        ImageReference reference = repository.reference();
        Statement statement = Statement.of(
                List.of(new Subject(
                        reference.repositoryUrl(),
                        Map.of("sha256", image.digest().hex()))),
                predicateType,
                predicate);
        SignedAttestation attestation = SignedAttestation.sign(statement, privateKey, publicKey);
        DsseEnvelope envelope = attestation.envelope();
        Descriptor layer = repository.pushBlob(
                DsseEnvelope.MEDIA_TYPE, envelope.toJsonNode().toString().getBytes(StandardCharsets.UTF_8));
        String tag = CosignFormats.attestationTag(digest);
        appendLayer(tag, layer.withAnnotations(Map.of(CosignFormats.PREDICATE_TYPE_ANNOTATION, predicateType)));
        byte[] bundle = attestation.bundleJson().getBytes(StandardCharsets.UTF_8);
        Descriptor pushed = pushBundleReferrer(
                image,
                bundle,
                List.of(),
                Map.of(
                        CosignFormats.BUNDLE_CONTENT_ANNOTATION,
                        CosignFormats.CONTENT_DSSE_ENVELOPE,
                        CosignFormats.BUNDLE_PREDICATE_TYPE_ANNOTATION,
                        predicateType));
        return new Published(
                digest,
                List.of(
                        reference.repositoryUrl() + ":" + tag,
                        reference.repositoryUrl() + "@" + pushed.digest() + " (referrer)"));
    }

    /**
     * Adds a layer to the manifest under {@code tag}, creating it when absent, as cosign does when an image
     * is signed again: earlier signatures stay. A manifest there that is not one is refused rather than
     * overwritten, since replacing it would drop someone's signatures.
     */
    private void appendLayer(String tag, Descriptor layer) {
        List<Descriptor> layers = new ArrayList<>();
        repository.findManifest(tag).ifPresent(existing -> {
            ArtifactManifest manifest;
            try {
                manifest = ArtifactManifest.parse(existing.content(), "manifest " + tag);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(
                        "cannot add to " + tag + ": " + e.getMessage(),
                        tag,
                        "the tag holds something other than signatures; remove it or sign into another repository",
                        e);
            }
            layers.addAll(manifest.layers());
        });
        if (layers.stream().anyMatch(layer::equals)) {
            return;
        }
        layers.add(layer);
        byte[] config = signatureConfig(layers);
        Descriptor configDescriptor = repository.pushBlob(MediaTypes.OCI_CONFIG, config);
        ArtifactManifest manifest = new ArtifactManifest(null, configDescriptor, layers, null, Map.of());
        repository.pushManifest(tag, manifest.toJsonBytes(), MediaTypes.OCI_MANIFEST);
    }

    /**
     * The config cosign gives its signature images: an empty image whose diff_ids list the layers, so that
     * tools treating the tag as an image see a consistent one.
     */
    private static byte[] signatureConfig(List<Descriptor> layers) {
        ObjectNode config = SafeJson.mapper().createObjectNode();
        config.put("architecture", "");
        config.put("created", "0001-01-01T00:00:00Z");
        config.putArray("history").addObject().put("created", "0001-01-01T00:00:00Z");
        config.put("os", "");
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        var diffIds = rootfs.putArray("diff_ids");
        layers.forEach(layer -> diffIds.add(layer.digest().toString()));
        config.putObject("config");
        return config.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A referrer whose first layer is the bundle (cosign's bundle specification). A message-signature
     * bundle holds only the digest of what it signs, so the simple-signing payload follows as a second
     * layer: the verifier needs it to see which image the signature names.
     */
    private Descriptor pushBundleReferrer(
            StoredManifest image, byte[] bundle, List<Descriptor> extraLayers, Map<String, String> annotations) {
        Descriptor bundleBlob = repository.pushBlob(CosignFormats.BUNDLE_MEDIA_TYPE, bundle);
        List<Descriptor> layers = new ArrayList<>();
        layers.add(bundleBlob.withAnnotations(
                Map.of(TITLE, bundleBlob.digest().toString().replace(':', '-') + ".sigstore.json")));
        layers.addAll(extraLayers);
        Descriptor subject = image.descriptor().withAnnotations(Map.of());
        ArtifactManifest manifest = new ArtifactManifest(
                CosignFormats.BUNDLE_MEDIA_TYPE, ArtifactManifest.emptyConfig(), layers, subject, annotations);
        return repository.pushReferrer(manifest);
    }
}
