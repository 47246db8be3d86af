package dev.assay.sign.dsse;

import dev.assay.model.InvalidInputException;
import dev.assay.sign.Verification;
import dev.assay.sign.keys.SignatureSchemes;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;

/** Checks that at least one of an envelope's signatures verifies with a public key. */
public final class DsseVerifier {
    /**
     * Each signature tried costs a full public-key operation (about half a millisecond for ECDSA P-256), so
     * an envelope padded with thousands of well-formed signatures would be a denial of service; real
     * envelopes carry one, or a few for several signers.
     */
    public static final int MAX_SIGNATURES = 16;

    private DsseVerifier() {}

    /** @throws InvalidInputException when the envelope carries more than {@link #MAX_SIGNATURES} signatures */
    public static Verification verify(DsseEnvelope envelope, PublicKey key) {
        if (envelope.signatures().size() > MAX_SIGNATURES) {
            throw new InvalidInputException(
                    "the DSSE envelope carries " + envelope.signatures().size() + " signatures; at most "
                            + MAX_SIGNATURES + " are checked",
                    null);
        }
        String scheme = SignatureSchemes.forKey(key);
        byte[] signed = envelope.signedBytes();
        String hint = SignatureSchemes.keyHint(key);
        for (DsseSignature candidate : envelope.signatures()) {
            if (verifies(scheme, key, signed, candidate.signature())) {
                return new Verification.Verified("DSSE signature by key " + hint.substring(0, 16) + "... over a "
                        + envelope.payloadType() + " payload");
            }
        }
        return new Verification.Rejected(
                envelope.signatures().size() == 1
                        ? "the envelope's signature does not verify with key " + hint.substring(0, 16) + "..."
                        : "none of the envelope's " + envelope.signatures().size() + " signatures verifies with key "
                                + hint.substring(0, 16) + "...");
    }

    private static boolean verifies(String scheme, PublicKey key, byte[] signed, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(scheme);
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false; // malformed DER or wrong length: a failed signature, not unusable input
        } catch (GeneralSecurityException e) {
            throw new InvalidInputException("cannot verify with this key: " + e.getMessage(), null, e);
        }
    }
}
