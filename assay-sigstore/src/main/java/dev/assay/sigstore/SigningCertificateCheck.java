package dev.assay.sigstore;

import dev.sigstore.fulcio.client.FulcioVerificationException;
import java.io.IOException;
import java.security.cert.CertPath;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The leaf certificate chains to a Fulcio CA of the trusted root that was valid when it was issued, and
 * carries an SCT from a CT log of the trusted root. Only the leaf is taken from the bundle: intermediates
 * come from the trusted root, and a bundle that brings its own root is refused outright.
 */
final class SigningCertificateCheck {
    private SigningCertificateCheck() {}

    static void verify(List<X509Certificate> chain, TrustRoot root) throws CheckFailed {
        for (X509Certificate certificate : chain) {
            if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                    && signedBySelf(certificate)) {
                throw new CheckFailed("the bundle's certificate chain contains a self-signed root certificate ("
                        + certificate.getSubjectX500Principal().getName()
                        + "); trust anchors come from the trusted root, never from the bundle");
            }
        }
        X509Certificate leaf = chain.get(0);
        CertPath leafOnly;
        try {
            leafOnly = CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf));
        } catch (CertificateException e) {
            throw new CheckFailed("the bundle's certificate cannot be used: " + TrustRoot.describe(e));
        }
        try {
            root.fulcioVerifier().verifySigningCertificate(leafOnly);
        } catch (FulcioVerificationException | IOException | RuntimeException e) {
            throw new CheckFailed(reason(e.getMessage() == null ? "" : e.getMessage(), leaf));
        }
    }

    private static boolean signedBySelf(X509Certificate certificate) {
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** sigstore-java reports chain and SCT failures as one exception type; its messages tell them apart. */
    private static String reason(String message, X509Certificate leaf) {
        String firstLine = message.lines().findFirst().orElse("").strip();
        if (message.startsWith("No valid Certificate Authorities")) {
            return "no Fulcio CA of the trusted root was valid when the certificate was issued ("
                    + leaf.getNotBefore().toInstant() + ")";
        }
        if (message.startsWith("Certificate was not verifiable against CAs")) {
            String detail = message.lines().skip(1).findFirst().orElse("").strip();
            return "the certificate does not chain to a Fulcio CA of the trusted root"
                    + (detail.isEmpty() ? "" : ": " + detail);
        }
        if (message.startsWith("No ct logs")) {
            return "the trusted root lists no CT log, so the certificate's SCT cannot be checked";
        }
        if (message.startsWith("No valid SCTs") || message.contains("SCT")) {
            return "the certificate carries no valid SCT from a CT log of the trusted root (" + firstLine + ")";
        }
        return "the certificate was not verified against the trusted root: " + firstLine;
    }
}
