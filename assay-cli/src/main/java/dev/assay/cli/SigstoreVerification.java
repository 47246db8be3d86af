package dev.assay.cli;

import dev.assay.sign.Verification;
import dev.assay.sigstore.IdentityPolicy;
import dev.assay.sigstore.KeylessBundleVerifier;
import dev.assay.sigstore.ManagedKeyBundleVerifier;
import dev.assay.sigstore.TrustRoot;
import java.nio.file.Path;
import java.security.PublicKey;

/**
 * The CLI's one door to assay-sigstore. Its signatures name no sigstore type, so the JVM loads that module
 * (and sigstore-java behind it) only when a command actually verifies against a trusted root.
 */
final class SigstoreVerification {
    private SigstoreVerification() {}

    static Verification keyless(
            Path file,
            byte[] bundle,
            String bundleName,
            Path trustedRoot,
            String identity,
            String identityPattern,
            String issuer) {
        IdentityPolicy policy = identity != null
                ? IdentityPolicy.exact(identity, issuer)
                : IdentityPolicy.regexp(identityPattern, issuer);
        return KeylessBundleVerifier.verify(file, bundle, bundleName, TrustRoot.load(trustedRoot), policy);
    }

    static Verification withKey(Path file, byte[] bundle, String bundleName, Path trustedRoot, PublicKey key) {
        return ManagedKeyBundleVerifier.verify(file, bundle, bundleName, TrustRoot.load(trustedRoot), key);
    }
}
