package dev.assay.sigstore;

import dev.assay.model.InvalidInputException;
import dev.assay.sign.Verification;
import dev.assay.sigstore.SigstoreBundle.Material;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Verifies a keyless Sigstore bundle offline: a Fulcio certificate chaining to the trusted root, issued to
 * the expected identity, that signed the artifact (or an in-toto statement naming it) while valid, with the
 * signature recorded in a trusted transparency log. Every failed check is a {@link Verification.Rejected}
 * naming it.
 */
public final class KeylessBundleVerifier {
    private KeylessBundleVerifier() {}

    /**
     * @param artifact the signed file; for a DSSE bundle, a subject of the in-toto statement
     * @param bundleName how the bundle is named in errors
     * @throws InvalidInputException when the bundle is malformed or the artifact unreadable
     */
    public static Verification verify(
            Path artifact, byte[] bundleJson, String bundleName, TrustRoot root, IdentityPolicy policy) {
        return verify(Artifact.of(artifact), bundleJson, bundleName, root, policy);
    }

    /**
     * As {@link #verify(Path, byte[], String, TrustRoot, IdentityPolicy)}, for an artifact in memory: an
     * image's simple-signing payload (message signature) or its manifest (whose SHA-256, the image digest,
     * a DSSE statement must name).
     *
     * @param artifactName how the artifact is named in verdicts
     */
    public static Verification verify(
            byte[] artifact,
            String artifactName,
            byte[] bundleJson,
            String bundleName,
            TrustRoot root,
            IdentityPolicy policy) {
        return verify(Artifact.of(artifact, artifactName), bundleJson, bundleName, root, policy);
    }

    private static Verification verify(
            Artifact artifact, byte[] bundleJson, String bundleName, TrustRoot root, IdentityPolicy policy) {
        SigstoreBundle bundle = BundleParser.parse(bundleJson, bundleName);
        try {
            if (!(bundle.material() instanceof Material.Certificates certificates)) {
                throw new CheckFailed("the bundle is signed with a public key (managed key), not a Fulcio certificate:"
                        + " verify it with the public key");
            }
            SigningCertificateCheck.verify(certificates.chain(), root);
            CertificateIdentity identity = CertificateIdentity.of(certificates.leaf());
            Optional<String> mismatch = policy.mismatch(identity);
            if (mismatch.isPresent()) {
                throw new CheckFailed(mismatch.get());
            }
            BundleChecks.Passed passed =
                    BundleChecks.verify(artifact, bundle, root, new SigningMaterial.Leaf(certificates.leaf()));
            return new Verification.Verified("keyless signature by " + identity.describeNames() + " (issuer '"
                    + identity.issuer().orElse("") + "'), certificate chained to the trusted root, "
                    + Describe.logged(passed));
        } catch (CheckFailed e) {
            return new Verification.Rejected(e.getMessage());
        }
    }
}
