package dev.assay.sigstore;

import dev.assay.model.InvalidInputException;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whom a keyless signature must come from: a certificate identity (a subject alternative name, given
 * exactly or as a pattern) and the exact OIDC issuer that vouched for it. Both are required, because an
 * identity string means nothing without the issuer that asserted it.
 */
public final class IdentityPolicy {
    private final String identity;
    private final Pattern identityPattern;
    private final String issuer;

    private IdentityPolicy(String identity, Pattern identityPattern, String issuer) {
        this.identity = identity;
        this.identityPattern = identityPattern;
        this.issuer = issuer;
    }

    public static IdentityPolicy exact(String identity, String issuer) {
        return new IdentityPolicy(
                requireText(identity, "certificate identity"), null, requireText(issuer, "OIDC issuer"));
    }

    /**
     * The pattern must match the whole identity (it is anchored): a pattern meant as "this repository's
     * workflows" must not also accept a look-alike repository whose name merely contains it.
     *
     * @throws InvalidInputException when the pattern is not a valid regular expression
     */
    public static IdentityPolicy regexp(String identityPattern, String issuer) {
        requireText(identityPattern, "certificate identity pattern");
        try {
            return new IdentityPolicy(null, Pattern.compile(identityPattern), requireText(issuer, "OIDC issuer"));
        } catch (PatternSyntaxException e) {
            throw new InvalidInputException(
                    "the certificate identity pattern is not a valid regular expression: " + e.getDescription(),
                    identityPattern,
                    e);
        }
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("the expected " + what + " is empty", value);
        }
        return value;
    }

    /** @return why the certificate's identity is not acceptable; empty when it is */
    Optional<String> mismatch(CertificateIdentity certificate) {
        boolean identityMatches = certificate.subjectAlternativeNames().stream()
                .anyMatch(name -> identityPattern == null
                        ? name.equals(identity)
                        : identityPattern.matcher(name).matches());
        if (!identityMatches) {
            return Optional.of("certificate identity " + certificate.describeNames() + " does not match the expected "
                    + (identityPattern == null ? "'" + identity + "'" : "pattern '" + identityPattern.pattern() + "'"));
        }
        if (certificate.issuer().isEmpty()) {
            return Optional.of("the certificate names no OIDC issuer (no Fulcio issuer extension)");
        }
        if (!certificate.issuer().get().equals(issuer)) {
            return Optional.of("certificate OIDC issuer '"
                    + certificate.issuer().get() + "' does not match the expected '" + issuer + "'");
        }
        return Optional.empty();
    }

    /** For messages: {@code identity 'X' from issuer 'Y'}. */
    public String describe() {
        return (identityPattern == null
                        ? "identity '" + identity + "'"
                        : "identity matching '" + identityPattern.pattern() + "'")
                + " from issuer '" + issuer + "'";
    }
}
