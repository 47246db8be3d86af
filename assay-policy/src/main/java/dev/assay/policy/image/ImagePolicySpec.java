package dev.assay.policy.image;

import dev.assay.policy.admission.Enforcement;
import dev.assay.policy.admission.FailurePolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code kind: ImagePolicy} document, read and checked; see {@link ImagePolicyParser} for its form.
 *
 * @param name {@code metadata.name}, reported with each violation
 * @param source the file (or other input) it was read from
 * @param images the repositories the policy covers
 * @param allowedRegistries registries (or {@code registry/path} globs) images may come from; empty allows any
 * @param requireDigest images must be pinned by digest
 * @param disallowLatest images must name a tag other than {@code latest} (or be pinned by digest)
 * @param mutateDigest the mutating webhook rewrites tags to the digests they resolve to
 * @param cacheTtl how long a tag's digest and a digest's verdict are reused
 */
public record ImagePolicySpec(
        String name,
        String source,
        List<ImageGlob> images,
        Enforcement mode,
        FailurePolicy failurePolicy,
        List<String> allowedRegistries,
        boolean requireDigest,
        boolean disallowLatest,
        boolean mutateDigest,
        Optional<SignatureRule> signatures,
        Optional<ProvenanceRule> provenance,
        Optional<VulnerabilityRule> vulnerabilities,
        Duration cacheTtl) {
    public ImagePolicySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        images = List.copyOf(images);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(failurePolicy, "failurePolicy");
        allowedRegistries = List.copyOf(allowedRegistries);
        Objects.requireNonNull(signatures, "signatures");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(vulnerabilities, "vulnerabilities");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
    }

    /** Whether any rule needs the registry: signatures, provenance, vulnerabilities or digest mutation. */
    public boolean needsRegistry() {
        return signatures.isPresent() || provenance.isPresent() || vulnerabilities.isPresent() || mutateDigest;
    }
}
