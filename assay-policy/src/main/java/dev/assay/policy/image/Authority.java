package dev.assay.policy.image;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may sign an image or its attestations: the holder of a public key, or a keyless (Fulcio) identity
 * vouched for by an OIDC issuer. Files are named as the policy names them, resolved against the policy's
 * directory; they are read when the policy is loaded, not here.
 */
public sealed interface Authority {
    /** How messages name the authority: the policy's {@code name}, or one derived from its position. */
    String name();

    /** Where the authority is written, {@code policy.yaml:12: spec.signatures.anyOf[0]}, for load errors. */
    String location();

    /**
     * @param file the PEM file, when the key is given by file
     * @param pem the PEM text, when the key is given inline
     */
    record Key(String name, Optional<Path> file, Optional<String> pem, String location) implements Authority {
        public Key {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(pem, "pem");
            Objects.requireNonNull(location, "location");
            if (file.isPresent() == pem.isPresent()) {
                throw new IllegalArgumentException("a key is given by exactly one of file and pem");
            }
        }
    }

    /**
     * @param issuer the OIDC issuer that must have vouched for the identity, exactly
     * @param subject the certificate identity (a subject alternative name), exactly
     * @param subjectRegExp a pattern the whole identity must match, instead of {@code subject}
     * @param trustedRoot the Sigstore {@code trusted_root.json} the certificate must chain to
     */
    record Keyless(
            String name,
            String issuer,
            Optional<String> subject,
            Optional<String> subjectRegExp,
            Path trustedRoot,
            String location)
            implements Authority {
        public Keyless {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(subjectRegExp, "subjectRegExp");
            Objects.requireNonNull(trustedRoot, "trustedRoot");
            Objects.requireNonNull(location, "location");
            if (subject.isPresent() == subjectRegExp.isPresent()) {
                throw new IllegalArgumentException("a keyless identity has exactly one of subject and subjectRegExp");
            }
        }
    }
}
