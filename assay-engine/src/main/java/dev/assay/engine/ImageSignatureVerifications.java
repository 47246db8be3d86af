package dev.assay.engine;

import dev.assay.model.InvalidInputException;
import dev.assay.oci.ArtifactManifest;
import dev.assay.oci.Descriptor;
import dev.assay.oci.Digest;
import dev.assay.oci.RegistryRepository;
import dev.assay.oci.StoredManifest;
import dev.assay.sign.Verification;
import dev.assay.sign.dsse.DsseEnvelope;
import dev.assay.sign.image.CosignFormats;
import dev.assay.sign.image.ImageSignatureVerifier;
import dev.assay.sign.image.SignatureBundle;
import dev.assay.sign.image.SimpleSigningPayload;
import dev.assay.sign.intoto.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Finds an image's signatures and attestations by both routes, cosign's tags and OCI 1.1 referrers (API
 * or referrers tag), and checks each against the key and the resolved digest. One unusable signature
 * (unreadable, wrongly typed, missing blob) is recorded as rejected and the others still count: an
 * attacker able to push garbage next to an image must not be able to hide its valid signature. Only
 * "cannot reach the registry" stops the verification, as no verdict. The tag and referrer routes run
 * concurrently on virtual threads; each writes only its own lists.
 */
final class ImageSignatureVerifications {
    /** Bound on the signatures, attestations or referrers examined per image, against amplification. */
    static final int MAX_ENTRIES = 64;

    private final RegistryRepository repository;
    private final SignatureTrust trust;

    ImageSignatureVerifications(RegistryRepository repository, SignatureTrust trust) {
        this.repository = repository;
        this.trust = trust;
    }

    /** @param attestationOption the {@code --attestation-type} value, or empty to check signatures only */
    ImageVerificationReport verify(Optional<String> attestationOption, List<String> acceptedTypes) {
        StoredManifest image = repository.resolve();
        String digest = image.digest().toString();
        List<ImageVerificationReport.Check> tagSignatures = new ArrayList<>();
        List<ImageVerificationReport.Check> tagAttestations = new ArrayList<>();
        List<ImageVerificationReport.Check> referrerSignatures = new ArrayList<>();
        List<ImageVerificationReport.Check> referrerAttestations = new ArrayList<>();
        // The routes are independent round trips to the registry: asking concurrently halves the latency.
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> routes = new ArrayList<>();
            // cosign's tags hold key signatures; keyless ones there carry their certificate in annotations,
            // which are not read, so keyless verification looks at bundle referrers only.
            if (trust instanceof SignatureTrust.Key key) {
                routes.add(executor.submit(() -> fromSignatureTag(key, digest, tagSignatures)));
                if (attestationOption.isPresent()) {
                    routes.add(executor.submit(() -> fromAttestationTag(key, digest, acceptedTypes, tagAttestations)));
                }
            }
            fromReferrers(
                    image,
                    acceptedTypes,
                    referrerSignatures,
                    attestationOption.isPresent() ? referrerAttestations : null);
            for (Future<?> route : routes) {
                Futures.join(route, "a verification");
            }
        }
        List<ImageVerificationReport.Check> signatures = new ArrayList<>(tagSignatures);
        signatures.addAll(referrerSignatures);
        List<ImageVerificationReport.Check> attestations = new ArrayList<>(tagAttestations);
        attestations.addAll(referrerAttestations);
        return new ImageVerificationReport(
                repository.reference().toString(), digest, signatures, attestations, attestationOption, acceptedTypes);
    }

    private void fromSignatureTag(SignatureTrust.Key key, String digest, List<ImageVerificationReport.Check> checks) {
        String tag = CosignFormats.signatureTag(digest);
        taggedLayers(tag, checks).forEach(layer -> {
            String location = tag + " layer " + layer.digest();
            record(checks, "tag", location, null, () -> {
                if (!layer.mediaType().equals(CosignFormats.SIMPLE_SIGNING_MEDIA_TYPE)) {
                    return rejected("layer has media type '" + printable(layer.mediaType()) + "', not "
                            + CosignFormats.SIMPLE_SIGNING_MEDIA_TYPE);
                }
                Optional<String> annotation = layer.annotation(CosignFormats.SIGNATURE_ANNOTATION);
                if (annotation.isEmpty()) {
                    return rejected("layer has no " + CosignFormats.SIGNATURE_ANNOTATION + " annotation");
                }
                byte[] signature;
                try {
                    signature = Base64.getDecoder().decode(annotation.get().strip());
                } catch (IllegalArgumentException e) {
                    return rejected("the signature annotation is not base64");
                }
                byte[] payload = repository.blob(layer, SimpleSigningPayload.MAX_BYTES);
                return ImageSignatureVerifier.verifySignature(payload, signature, key.key(), digest);
            });
        });
    }

    private void fromAttestationTag(
            SignatureTrust.Key key,
            String digest,
            List<String> acceptedTypes,
            List<ImageVerificationReport.Check> checks) {
        String tag = CosignFormats.attestationTag(digest);
        taggedLayers(tag, checks).forEach(layer -> {
            String location = tag + " layer " + layer.digest();
            Attested attested = new Attested();
            record(checks, "tag", location, attested, () -> {
                if (!layer.mediaType().equals(DsseEnvelope.MEDIA_TYPE)) {
                    return rejected("layer has media type '" + printable(layer.mediaType()) + "', not "
                            + DsseEnvelope.MEDIA_TYPE);
                }
                DsseEnvelope envelope =
                        DsseEnvelope.parse(repository.blob(layer, SignatureBundle.MAX_BYTES), "envelope " + location);
                return attested.of(
                        ImageSignatureVerifier.verifyAttestation(envelope, key.key(), digest, acceptedTypes));
            });
        });
    }

    /** The layers of the manifest under a cosign tag; an unusable manifest there is one rejected entry. */
    private List<Descriptor> taggedLayers(String tag, List<ImageVerificationReport.Check> checks) {
        try {
            Optional<StoredManifest> stored = repository.findManifest(tag);
            if (stored.isEmpty()) {
                return List.of();
            }
            List<Descriptor> layers = ArtifactManifest.parse(stored.get().content(), "manifest " + tag)
                    .layers();
            return layers.size() > MAX_ENTRIES ? layers.subList(0, MAX_ENTRIES) : layers;
        } catch (InvalidInputException e) {
            checks.add(new ImageVerificationReport.Check("tag", tag, rejected(e.getMessage()), null));
            return List.of();
        }
    }

    /**
     * @param attestations where attestations go, or null when none were asked for (they are then not read)
     */
    private void fromReferrers(
            StoredManifest image,
            List<String> acceptedTypes,
            List<ImageVerificationReport.Check> signatures,
            List<ImageVerificationReport.Check> attestations) {
        Digest subject = image.digest();
        List<Descriptor> referrers;
        try {
            referrers = repository.referrers(subject, CosignFormats.BUNDLE_MEDIA_TYPE);
        } catch (InvalidInputException e) {
            signatures.add(new ImageVerificationReport.Check(
                    "referrer", "referrers of " + subject, rejected(e.getMessage()), null));
            return;
        }
        String digest = subject.toString();
        List<Future<ReferrerCheck>> pending = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Descriptor referrer : referrers.subList(0, Math.min(MAX_ENTRIES, referrers.size()))) {
                String content = referrer.annotation(CosignFormats.BUNDLE_CONTENT_ANNOTATION)
                        .orElse("");
                if (attestations == null && content.equals(CosignFormats.CONTENT_DSSE_ENVELOPE)) {
                    continue; // declared an attestation, and none was asked for: not worth fetching
                }
                pending.add(executor.submit(() -> checkReferrer(referrer, image, acceptedTypes, executor)));
            }
            for (Future<ReferrerCheck> future : pending) {
                ReferrerCheck result = Futures.join(future, "a verification");
                if (!result.attestation()) {
                    signatures.add(result.check());
                } else if (attestations != null) {
                    attestations.add(result.check());
                }
            }
        }
    }

    private record ReferrerCheck(ImageVerificationReport.Check check, boolean attestation) {}

    private ReferrerCheck checkReferrer(
            Descriptor referrer, StoredManifest image, List<String> acceptedTypes, ExecutorService executor) {
        Digest subject = image.digest();
        String digest = subject.toString();
        String location = "referrer " + referrer.digest();
        Attested attested = new Attested();
        boolean[] isAttestation = new boolean[1];
        List<ImageVerificationReport.Check> result = new ArrayList<>(1);
        record(result, "referrer", location, attested, () -> {
            StoredManifest stored = repository
                    .findManifest(referrer.digest().toString())
                    .orElseThrow(() -> new InvalidInputException(
                            "the registry lists it but does not have it",
                            referrer.digest().toString()));
            ArtifactManifest manifest = ArtifactManifest.parse(stored.content(), location);
            if (manifest.subject() == null || !manifest.subject().digest().equals(subject)) {
                return rejected("its subject is not the image " + digest);
            }
            if (manifest.layers().isEmpty()
                    || !manifest.layers().get(0).mediaType().equals(CosignFormats.BUNDLE_MEDIA_TYPE)) {
                return rejected("its first layer is not a Sigstore bundle");
            }
            Optional<Descriptor> payloadLayer = manifest.layers().stream()
                    .filter(layer -> layer.mediaType().equals(CosignFormats.SIMPLE_SIGNING_MEDIA_TYPE))
                    .findFirst();
            // The payload is fetched while the bundle is: two independent round trips.
            Optional<Future<byte[]>> payload = payloadLayer.map(
                    layer -> executor.submit(() -> repository.blob(layer, SimpleSigningPayload.MAX_BYTES)));
            byte[] bundleBytes = repository.blob(manifest.layers().get(0), SignatureBundle.MAX_BYTES);
            SignatureBundle bundle = SignatureBundle.parse(bundleBytes, "bundle of " + location);
            return switch (bundle) {
                case SignatureBundle.Dsse dsse -> {
                    isAttestation[0] = true;
                    yield attested.of(
                            trust instanceof SignatureTrust.Key key
                                    ? ImageSignatureVerifier.verifyAttestation(
                                            dsse.envelope(), key.key(), digest, acceptedTypes)
                                    : KeylessImageBundles.verifyAttestation(
                                            bundleBytes,
                                            dsse.envelope(),
                                            image.content(),
                                            (SignatureTrust.Keyless) trust,
                                            digest,
                                            acceptedTypes,
                                            location));
                }
                case SignatureBundle.MessageSignature message -> {
                    if (payload.isEmpty()) {
                        yield rejected("the bundle's signed payload is not stored beside it");
                    }
                    yield trust instanceof SignatureTrust.Key key
                            ? ImageSignatureVerifier.verifyBundle(
                                    message, Futures.join(payload.get(), "a verification"), key.key(), digest)
                            : KeylessImageBundles.verifyMessage(
                                    bundleBytes,
                                    Futures.join(payload.get(), "a verification"),
                                    (SignatureTrust.Keyless) trust,
                                    digest,
                                    location);
                }
            };
        });
        return new ReferrerCheck(result.get(0), isAttestation[0]);
    }

    @FunctionalInterface
    private interface Decision {
        Verification decide();
    }

    /** What an attestation check learnt besides its verdict: the predicate type, and the verified statement. */
    private static final class Attested {
        private String predicateType;
        private Statement statement;

        Verification of(ImageSignatureVerifier.AttestationVerdict verdict) {
            predicateType = verdict.predicateType();
            statement = verdict.statement();
            return verdict.verification();
        }
    }

    /** Runs one check; input that cannot be used (not JSON, wrong shape, missing blob) rejects just it. */
    private static void record(
            List<ImageVerificationReport.Check> checks,
            String source,
            String location,
            Attested attested,
            Decision decision) {
        Verification verdict;
        try {
            verdict = decision.decide();
        } catch (InvalidInputException e) {
            verdict = rejected("unusable: " + e.getMessage());
        }
        boolean verified = verdict instanceof Verification.Verified;
        checks.add(new ImageVerificationReport.Check(
                source,
                location,
                verdict,
                attested == null ? null : attested.predicateType,
                attested == null || !verified ? null : attested.statement));
    }

    private static Verification rejected(String reason) {
        return new Verification.Rejected(reason);
    }

    private static String printable(String text) {
        String cleaned = text.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 100 ? cleaned.substring(0, 100) + "..." : cleaned;
    }
}
