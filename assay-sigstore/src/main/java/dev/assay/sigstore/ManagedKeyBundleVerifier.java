package dev.assay.sigstore;

import dev.assay.model.InvalidInputException;
import dev.assay.sign.Verification;
import dev.assay.sigstore.SigstoreBundle.Material;
import java.nio.file.Path;
import java.security.PublicKey;

/**
 * Verifies a Sigstore bundle signed with a managed key (no certificate) offline: the signature with the
 * given key, and its transparency-log entry (and timestamps) against the trusted root. Giving a trust root
 * asks for the log check, so a bundle without a log entry is rejected; verifying the signature alone is
 * {@code BlobVerifier}'s job.
 */
public final class ManagedKeyBundleVerifier {
    private ManagedKeyBundleVerifier() {}

    /**
     * @param artifact the signed file; for a DSSE bundle, a subject of the in-toto statement
     * @param bundleName how the bundle is named in errors
     * @throws InvalidInputException when the bundle is malformed or the artifact unreadable
     */
    public static Verification verify(
            Path artifact, byte[] bundleJson, String bundleName, TrustRoot root, PublicKey key) {
        SigstoreBundle bundle = BundleParser.parse(bundleJson, bundleName);
        try {
            if (!(bundle.material() instanceof Material.PublicKeyHint)) {
                throw new CheckFailed("the bundle carries a Fulcio certificate, not a managed key: verify it with a"
                        + " certificate identity and OIDC issuer instead of a key");
            }
            SigningMaterial.Key signer = new SigningMaterial.Key(key);
            BundleChecks.Passed passed = BundleChecks.verify(Artifact.of(artifact), bundle, root, signer);
            return new Verification.Verified("signature by " + signer.describe() + ", " + Describe.logged(passed));
        } catch (CheckFailed e) {
            return new Verification.Rejected(e.getMessage());
        }
    }
}
