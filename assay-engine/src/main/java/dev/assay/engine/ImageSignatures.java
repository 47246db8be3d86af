package dev.assay.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.untrusted.Limits;
import dev.assay.oci.ImageReference;
import dev.assay.oci.RegistryClient;
import dev.assay.oci.RegistryClientOptions;
import dev.assay.sign.intoto.PredicateTypes;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signs, attests and verifies container images in a registry, in cosign's formats. One instance keeps one
 * HTTP client, so repeated verifications (a server, a benchmark) reuse connections.
 */
public final class ImageSignatures implements AutoCloseable {
    /** How a report names "attestations of any type" in its reasons. */
    static final String ANY_TYPE = "any-type";

    private final RegistryClient client;

    public ImageSignatures(RegistryOptions registry) {
        this(ImageSources.clientOptions(registry, Limits.DEFAULT));
    }

    public ImageSignatures(RegistryClientOptions options) {
        this.client = new RegistryClient(options);
    }

    /** What a signing run pushed. */
    public record Published(String imageDigest, List<String> locations) {}

    /**
     * Signs the image the reference names (resolved to its digest) and pushes the signature under
     * cosign's {@code .sig} tag and, with {@code referrer}, as a Sigstore bundle referrer.
     */
    public Published sign(
            String reference,
            PrivateKey privateKey,
            PublicKey publicKey,
            Map<String, String> annotations,
            boolean referrer) {
        var published = publisher(reference).sign(privateKey, publicKey, annotations, referrer);
        return new Published(published.imageDigest(), published.locations());
    }

    /**
     * Wraps a predicate in an in-toto statement about the image, signs it as DSSE and pushes it under
     * {@code .att} and as a referrer.
     *
     * @param typeOption a cosign {@code --type} short name or a predicate type URI
     */
    public Published attest(
            String reference, String typeOption, JsonNode predicate, PrivateKey privateKey, PublicKey publicKey) {
        var published =
                publisher(reference).attest(PredicateTypes.written(typeOption), predicate, privateKey, publicKey);
        return new Published(published.imageDigest(), published.locations());
    }

    /**
     * @param attestationType a {@code --type} value whose attestation is required as well, or null
     */
    public ImageVerificationReport verify(String reference, PublicKey key, String attestationType) {
        return verify(reference, new SignatureTrust.Key(key), attestationType);
    }

    /**
     * As {@link #verify(String, PublicKey, String)}, with signatures and attestations by a key or, keyless,
     * by an identity (from Sigstore bundle referrers).
     *
     * @throws dev.assay.model.NoVerdictException when the registry cannot be reached
     */
    public ImageVerificationReport verify(String reference, SignatureTrust trust, String attestationType) {
        List<String> accepted = attestationType == null ? List.of() : PredicateTypes.accepted(attestationType);
        var repository = client.repository(ImageReference.parse(reference), false);
        return new ImageSignatureVerifications(repository, trust)
                .verify(Optional.ofNullable(attestationType), accepted);
    }

    /**
     * The signatures and the attestations of the given predicate types, each verified with {@code trust}:
     * what a policy that checks signatures, provenance and vulnerability reports needs, in one pass over the
     * registry. Attestations of other types are reported as rejected for their type and carry no statement.
     *
     * @param predicateTypes predicate type URIs; empty accepts every type
     * @throws dev.assay.model.NoVerdictException when the registry cannot be reached
     */
    public ImageVerificationReport verifyWithAttestations(
            String reference, SignatureTrust trust, List<String> predicateTypes) {
        var repository = client.repository(ImageReference.parse(reference), false);
        return new ImageSignatureVerifications(repository, trust)
                .verify(
                        Optional.of(predicateTypes.isEmpty() ? ANY_TYPE : String.join(",", predicateTypes)),
                        List.copyOf(predicateTypes));
    }

    /**
     * The digest of the manifest a reference names, as the registry serves it now (a digest reference is
     * fetched too, so that a digest the registry does not have is not taken on trust).
     *
     * @throws dev.assay.model.InvalidInputException when the registry has no such manifest
     * @throws dev.assay.model.NoVerdictException when the registry cannot be reached
     */
    public String resolveDigest(String reference) {
        return client.repository(ImageReference.parse(reference), false)
                .resolve()
                .digest()
                .toString();
    }

    private ImageSignaturePublisher publisher(String reference) {
        return new ImageSignaturePublisher(client.repository(ImageReference.parse(reference), true));
    }

    /** Forgets what the client cached by digest, so the next verification reads everything afresh. */
    public void forgetCachedContent() {
        client.forgetCachedContent();
    }

    @Override
    public void close() {
        client.close();
    }
}
