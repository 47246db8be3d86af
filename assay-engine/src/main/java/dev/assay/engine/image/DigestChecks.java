package dev.assay.engine.image;

import dev.assay.engine.ImageVerificationReport;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Severity;
import dev.assay.policy.image.ImagePolicySpec;
import dev.assay.policy.image.SignatureRule;
import dev.assay.policy.image.VulnerabilityRule;
import dev.assay.sign.Verification;
import dev.assay.sign.attest.VulnPredicateReader;
import dev.assay.sign.intoto.PredicateTypes;
import dev.assay.sign.intoto.Statement;
import dev.assay.sign.slsa.ProvenanceExpectations;
import dev.assay.sign.slsa.ProvenanceVerifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of one policy that need the registry, for one image known by its digest: signatures,
 * provenance and vulnerabilities. Each authority's signatures and attestations are read and verified once
 * (one pass over cosign's tags and the referrers) and serve every rule that trusts that authority.
 * Verification itself is the signing capability's ({@code ImageSignatures}, {@code ProvenanceVerifier});
 * this class decides what the verified evidence means for the policy.
 */
final class DigestChecks {
    static final String SIGNATURES = "image-signatures";
    static final String PROVENANCE = "image-provenance";
    static final String VULNERABILITIES = "image-vulnerabilities";

    private static final List<String> PROVENANCE_TYPES =
            List.of(PredicateTypes.SLSA_PROVENANCE_V1, PredicateTypes.SLSA_PROVENANCE_V02);
    private static final int LISTED = 5;

    private final ImagePolicySpec spec;
    private final ImagePolicyRuntime runtime;
    private final List<TrustedAuthority> signatureAuthorities;
    private final List<TrustedAuthority> provenanceSigners;
    private final Optional<ProvenanceExpectations> provenance;
    private final List<TrustedAuthority> vulnerabilitySigners;
    private final List<String> attestationTypes;

    DigestChecks(
            ImagePolicySpec spec,
            ImagePolicyRuntime runtime,
            List<TrustedAuthority> signatureAuthorities,
            List<TrustedAuthority> provenanceSigners,
            Optional<ProvenanceExpectations> provenance,
            List<TrustedAuthority> vulnerabilitySigners) {
        this.spec = spec;
        this.runtime = runtime;
        this.signatureAuthorities = List.copyOf(signatureAuthorities);
        this.provenanceSigners = List.copyOf(provenanceSigners);
        this.provenance = provenance;
        this.vulnerabilitySigners = List.copyOf(vulnerabilitySigners);
        List<String> types = new ArrayList<>();
        if (provenance.isPresent()) {
            types.addAll(PROVENANCE_TYPES);
        }
        if (spec.vulnerabilities().isPresent()) {
            types.add(PredicateTypes.VULN);
        }
        this.attestationTypes = List.copyOf(types);
    }

    /**
     * @param imageByDigest {@code registry/repository@sha256:...}
     * @throws dev.assay.model.NoVerdictException when the registry (or the scanner) cannot be reached
     */
    List<DigestFinding> evaluate(String imageByDigest) {
        Map<TrustedAuthority, ImageVerificationReport> reports = new LinkedHashMap<>();
        List<DigestFinding> findings = new ArrayList<>();
        spec.signatures()
                .ifPresent(rule -> signatures(rule, imageByDigest, reports).ifPresent(findings::add));
        if (provenance.isPresent()) {
            provenance(imageByDigest, reports).ifPresent(findings::add);
        }
        spec.vulnerabilities()
                .ifPresent(rule -> vulnerabilities(rule, imageByDigest, reports).ifPresent(findings::add));
        return List.copyOf(findings);
    }

    /**
     * One authority's view of the image: its signatures and, when a rule needs them, its attestations of the
     * types the rules read. A signatures-only policy reads no attestation at all; with attestation rules,
     * those of other types are still fetched (the verifier learns a type by reading the signed statement) but
     * never count as evidence.
     */
    private ImageVerificationReport report(
            TrustedAuthority authority, String imageByDigest, Map<TrustedAuthority, ImageVerificationReport> reports) {
        return reports.computeIfAbsent(
                authority,
                key -> attestationTypes.isEmpty()
                        ? runtime.signatures().verify(imageByDigest, key.trust(), null)
                        : runtime.signatures().verifyWithAttestations(imageByDigest, key.trust(), attestationTypes));
    }

    private Optional<DigestFinding> signatures(
            SignatureRule rule, String imageByDigest, Map<TrustedAuthority, ImageVerificationReport> reports) {
        List<String> failures = new ArrayList<>();
        int passed = 0;
        for (TrustedAuthority authority : signatureAuthorities) {
            ImageVerificationReport report = report(authority, imageByDigest, reports);
            if (report.signatureVerified()) {
                passed++;
                if (!rule.allOf()) {
                    return Optional.empty();
                }
            } else {
                failures.add(authority.name() + ": " + signatureReason(report));
            }
        }
        if (rule.allOf() && passed == signatureAuthorities.size()) {
            return Optional.empty();
        }
        return Optional.of(new DigestFinding(
                SIGNATURES,
                Severity.HIGH,
                "is not signed as required (" + rule.describe() + "): " + String.join("; ", failures)));
    }

    private static String signatureReason(ImageVerificationReport report) {
        if (report.signatures().isEmpty()) {
            return "no signatures found for " + report.imageDigest();
        }
        return "no valid signature for " + report.imageDigest() + ": " + rejections(report.signatures());
    }

    private Optional<DigestFinding> provenance(
            String imageByDigest, Map<TrustedAuthority, ImageVerificationReport> reports) {
        ProvenanceExpectations expected = provenance.orElseThrow();
        List<String> failures = new ArrayList<>();
        for (TrustedAuthority signer : provenanceSigners) {
            ImageVerificationReport report = report(signer, imageByDigest, reports);
            List<Statement> statements = statementsOf(report, PROVENANCE_TYPES);
            if (statements.isEmpty()) {
                failures.add(signer.name() + ": " + missing(report, PROVENANCE_TYPES, "SLSA provenance"));
                continue;
            }
            Set<String> reasons = new LinkedHashSet<>();
            for (Statement statement : statements) {
                Verification claims = ProvenanceVerifier.checkClaims(statement, expected);
                if (claims instanceof Verification.Verified) {
                    return Optional.empty();
                }
                reasons.add(((Verification.Rejected) claims).reason());
            }
            failures.add(signer.name() + ": " + String.join("; ", reasons));
        }
        return Optional.of(new DigestFinding(
                PROVENANCE,
                Severity.HIGH,
                "has no acceptable SLSA provenance (signed by any of " + names(provenanceSigners) + "): "
                        + String.join("; ", failures)));
    }

    private Optional<DigestFinding> vulnerabilities(
            VulnerabilityRule rule, String imageByDigest, Map<TrustedAuthority, ImageVerificationReport> reports) {
        // The same attestation is usually found twice (cosign's tag and the referrer): say each reason once.
        Set<String> failures = new LinkedHashSet<>();
        List<VulnPredicateReader.Report> usable = new ArrayList<>();
        Instant now = runtime.clock().instant();
        List<String> vulnTypes = List.of(PredicateTypes.VULN);
        for (TrustedAuthority signer : vulnerabilitySigners) {
            ImageVerificationReport report = report(signer, imageByDigest, reports);
            List<Statement> statements = statementsOf(report, vulnTypes);
            if (statements.isEmpty()) {
                failures.add(signer.name() + ": " + missing(report, vulnTypes, "vulnerability"));
            }
            for (Statement statement : statements) {
                VulnPredicateReader.Report read;
                try {
                    read = VulnPredicateReader.read(statement.predicate(), "the vulnerability attestation");
                } catch (InvalidInputException e) {
                    failures.add(signer.name() + ": " + e.getMessage());
                    continue;
                }
                if (rule.maxScanAge().isPresent()
                        && (read.scanFinishedOn().isEmpty()
                                || read.scanFinishedOn()
                                        .get()
                                        .plus(rule.maxScanAge().get())
                                        .isBefore(now))) {
                    failures.add(signer.name() + ": the " + read.scanner() + " scan of "
                            + read.scanFinishedOn().map(Instant::toString).orElse("an unknown time")
                            + " is older than maxScanAge");
                    continue;
                }
                usable.add(read);
            }
        }
        Optional<VulnPredicateReader.Report> latest = usable.stream()
                .max(Comparator.comparing(report -> report.scanFinishedOn().orElse(Instant.MIN)));
        if (latest.isEmpty() && rule.scan()) {
            latest = Optional.of(runtime.scanner()
                    .orElseThrow(() -> new IllegalStateException("a scanning policy was loaded without a scanner"))
                    .scan(imageByDigest));
        }
        if (latest.isEmpty()) {
            return Optional.of(new DigestFinding(
                    VULNERABILITIES,
                    Severity.HIGH,
                    "has no usable vulnerability attestation (signed by any of " + names(vulnerabilitySigners) + "): "
                            + String.join("; ", failures)));
        }
        VulnPredicateReader.Report report = latest.get();
        List<VulnPredicateReader.Vulnerability> over = report.atLeast(rule.maxSeverity());
        if (over.isEmpty()) {
            return Optional.empty();
        }
        List<String> listed = over.stream()
                .limit(LISTED)
                .map(vulnerability ->
                        vulnerability.id() + " (" + vulnerability.severity() + ", " + vulnerability.component() + ")")
                .toList();
        String more = over.size() > LISTED ? " and " + (over.size() - LISTED) + " more" : "";
        return Optional.of(new DigestFinding(
                VULNERABILITIES,
                over.get(0).severity(),
                "has " + over.size() + " " + (over.size() == 1 ? "vulnerability" : "vulnerabilities")
                        + " at or above " + rule.maxSeverity() + " in the " + report.scanner() + " scan"
                        + report.scanFinishedOn().map(time -> " of " + time).orElse("") + ": "
                        + String.join(", ", listed) + more));
    }

    private static List<Statement> statementsOf(ImageVerificationReport report, List<String> types) {
        return report.verifiedStatements().stream()
                .filter(statement -> types.contains(statement.predicateType()))
                .toList();
    }

    /** Why no attestation of the types counts: none found, or the reasons those that were found failed. */
    private static String missing(ImageVerificationReport report, List<String> types, String what) {
        List<ImageVerificationReport.Check> relevant = report.attestations().stream()
                .filter(check -> !check.verified())
                .filter(check -> check.predicateType() == null || types.contains(check.predicateType()))
                .toList();
        return relevant.isEmpty()
                ? "no " + what + " attestation found for " + report.imageDigest()
                : "no valid " + what + " attestation for " + report.imageDigest() + ": " + rejections(relevant);
    }

    private static String rejections(List<ImageVerificationReport.Check> checks) {
        Set<String> distinct = new LinkedHashSet<>();
        for (ImageVerificationReport.Check check : checks) {
            if (check.verdict() instanceof Verification.Rejected rejected) {
                distinct.add(rejected.reason());
            }
        }
        return String.join("; ", distinct);
    }

    private static String names(List<TrustedAuthority> authorities) {
        return String.join(
                ", ", authorities.stream().map(TrustedAuthority::name).toList());
    }
}
