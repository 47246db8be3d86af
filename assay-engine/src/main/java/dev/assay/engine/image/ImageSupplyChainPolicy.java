package dev.assay.engine.image;

import dev.assay.model.InvalidInputException;
import dev.assay.model.Severity;
import dev.assay.oci.ImageReference;
import dev.assay.policy.Check;
import dev.assay.policy.Violation;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.AdmissionPolicy;
import dev.assay.policy.admission.FailurePolicy;
import dev.assay.policy.admission.PolicyViolation;
import dev.assay.policy.image.AllowedRegistriesCheck;
import dev.assay.policy.image.DisallowLatestCheck;
import dev.assay.policy.image.ImageChecks;
import dev.assay.policy.image.ImageField;
import dev.assay.policy.image.ImagePolicySpec;
import dev.assay.policy.image.PodImages;
import dev.assay.policy.image.RequireDigestCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One {@code kind: ImagePolicy} as an admission policy: the pure checks of {@code assay-policy} (allowed
 * registries, digest pinning, no latest) and, for each image the policy covers, the checks that read the
 * registry (signatures, provenance, vulnerabilities) on the digest the image resolves to now. Verdicts are
 * cached by repository and digest, and tag resolutions by tag, for the policy's {@code cacheTTL}.
 *
 * <p>An unreachable registry is a {@link dev.assay.model.NoVerdictException}, never a pass: the caller
 * applies {@link #failurePolicy()}. A tag the registry does not have, or a digest it does not hold, is a
 * violation. Reviewing reads registries and fills in-memory caches and has no other effect, so dry-run
 * requests are reviewed like any other. Thread-safe.
 */
public final class ImageSupplyChainPolicy implements AdmissionPolicy {
    static final String RESOLVABLE = "image-resolvable";

    private static final AtomicLong IDS = new AtomicLong();

    /** Identifies this instance in the shared verdict cache: a reloaded policy starts afresh. */
    private final long id = IDS.incrementAndGet();

    private final ImagePolicySpec spec;
    private final ImagePolicyRuntime runtime;
    private final List<Check<PodImages>> checks;
    private final Optional<DigestChecks> digestChecks;

    ImageSupplyChainPolicy(ImagePolicySpec spec, ImagePolicyRuntime runtime, Optional<DigestChecks> digestChecks) {
        this.spec = spec;
        this.runtime = runtime;
        this.checks = ImageChecks.of(spec);
        this.digestChecks = digestChecks;
    }

    public ImagePolicySpec spec() {
        return spec;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public FailurePolicy failurePolicy() {
        return spec.failurePolicy();
    }

    @Override
    public boolean appliesTo(AdmissionInput input) {
        return ReviewedImages.applies(input);
    }

    /**
     * @throws dev.assay.model.NoVerdictException when a registry the verdict needs cannot be reached
     */
    @Override
    public List<PolicyViolation> review(AdmissionInput input) {
        List<ImageField> fields = ReviewedImages.of(input, spec);
        if (fields.isEmpty()) {
            return List.of();
        }
        List<PolicyViolation> violations = new ArrayList<>();
        PodImages images = new PodImages(fields);
        for (Check<PodImages> check : checks) {
            for (Violation violation : check.check(images)) {
                violations.add(violation(violation.check(), severityOf(violation.check()), violation.message()));
            }
        }
        if (digestChecks.isPresent()) {
            for (ImageField field : fields) {
                if (field.reference().isPresent()) {
                    violations.addAll(registryChecks(field));
                }
            }
        }
        return List.copyOf(violations);
    }

    private List<PolicyViolation> registryChecks(ImageField field) {
        String where = field.describe() + " at " + field.pointer();
        ImageReference reference = field.reference().orElseThrow();
        String imageByDigest;
        try {
            String digest = reference.digest() != null
                    ? reference.digest().toString()
                    : runtime.resolve(reference, spec.cacheTtl());
            imageByDigest = reference.repositoryUrl() + "@" + digest;
        } catch (InvalidInputException e) {
            return List.of(violation(RESOLVABLE, Severity.HIGH, where + " cannot be resolved: " + e.getMessage()));
        }
        List<DigestFinding> findings;
        try {
            findings = runtime.verdict(
                    new ImagePolicyRuntime.VerdictKey(id, imageByDigest),
                    spec.cacheTtl(),
                    () -> digestChecks.orElseThrow().evaluate(imageByDigest));
        } catch (InvalidInputException e) {
            return List.of(violation(RESOLVABLE, Severity.HIGH, where + " cannot be verified: " + e.getMessage()));
        }
        List<PolicyViolation> violations = new ArrayList<>(findings.size());
        for (DigestFinding finding : findings) {
            violations.add(violation(
                    finding.rule(),
                    finding.severity(),
                    where + " (" + imageByDigest.substring(imageByDigest.indexOf('@') + 1) + ") " + finding.message()));
        }
        return violations;
    }

    private PolicyViolation violation(String rule, Severity severity, String message) {
        return new PolicyViolation(spec.name(), rule, spec.mode(), severity, message);
    }

    private static Severity severityOf(String check) {
        return switch (check) {
            case RequireDigestCheck.ID, DisallowLatestCheck.ID -> Severity.MEDIUM;
            case AllowedRegistriesCheck.ID -> Severity.HIGH;
            default -> Severity.HIGH;
        };
    }
}
