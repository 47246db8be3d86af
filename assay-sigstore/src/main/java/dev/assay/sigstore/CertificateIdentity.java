package dev.assay.sigstore;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;

/**
 * Who a Fulcio certificate was issued to: its subject alternative names (e-mail, URI or Fulcio's
 * UTF-8 other-name) and the OIDC issuer that vouched for them.
 */
record CertificateIdentity(List<String> subjectAlternativeNames, Optional<String> issuer) {
    /** Fulcio's issuer extension, DER UTF8String (current) and raw bytes (the deprecated first form). */
    private static final String ISSUER_V2_OID = "1.3.6.1.4.1.57264.1.8";

    private static final String ISSUER_V1_OID = "1.3.6.1.4.1.57264.1.1";

    private static final int OTHER_NAME = 0;
    private static final int RFC822_NAME = 1;
    private static final int URI = 6;

    static CertificateIdentity of(X509Certificate certificate) {
        return new CertificateIdentity(subjectAlternativeNames(certificate), issuer(certificate));
    }

    String describeNames() {
        return subjectAlternativeNames.isEmpty()
                ? "(none)"
                : String.join(
                        ", ",
                        subjectAlternativeNames.stream()
                                .map(name -> "'" + name + "'")
                                .toList());
    }

    private static List<String> subjectAlternativeNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            var entries = certificate.getSubjectAlternativeNames();
            if (entries == null) {
                return List.of();
            }
            for (List<?> entry : entries) {
                int type = (Integer) entry.get(0);
                Object value = entry.get(1);
                if ((type == RFC822_NAME || type == URI) && value instanceof String text) {
                    names.add(text);
                } else if (type == OTHER_NAME && value instanceof byte[] der) {
                    otherName(der).ifPresent(names::add);
                }
            }
        } catch (CertificateParsingException | RuntimeException e) {
            // An undecodable SAN extension identifies nobody: the policy then fails on an empty list.
            return List.of();
        }
        return List.copyOf(names);
    }

    /** OtherName ::= SEQUENCE { type-id OID, value [0] EXPLICIT ANY }; Fulcio puts a UTF8String there. */
    private static Optional<String> otherName(byte[] der) {
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
            if (sequence.size() == 2
                    && sequence.getObjectAt(1) instanceof ASN1TaggedObject tagged
                    && tagged.getExplicitBaseObject() instanceof ASN1String text) {
                return Optional.of(text.getString());
            }
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> issuer(X509Certificate certificate) {
        byte[] v2 = certificate.getExtensionValue(ISSUER_V2_OID);
        if (v2 != null) {
            try {
                byte[] inner = ASN1OctetString.getInstance(v2).getOctets();
                if (ASN1Primitive.fromByteArray(inner) instanceof ASN1String text) {
                    return Optional.of(text.getString());
                }
            } catch (java.io.IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        byte[] v1 = certificate.getExtensionValue(ISSUER_V1_OID);
        if (v1 != null) {
            try {
                return Optional.of(new String(ASN1OctetString.getInstance(v1).getOctets(), StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
