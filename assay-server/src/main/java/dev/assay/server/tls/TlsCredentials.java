package dev.assay.server.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A serving certificate chain (leaf first) and its private key, checked to belong together.
 *
 * @param fingerprint identifies the file contents it was read from, to notice when they change
 */
public record TlsCredentials(PrivateKey key, List<X509Certificate> chain, String fingerprint) {
    public TlsCredentials {
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain has at least the leaf");
        }
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** {@code CN=assay.assay-system.svc, expires 2027-01-01T00:00:00Z} for log lines. */
    public String describe() {
        return leaf().getSubjectX500Principal().getName() + ", serial "
                + leaf().getSerialNumber().toString(16) + ", expires "
                + leaf().getNotAfter().toInstant();
    }
}
