package dev.assay.server.portfolio.store;

import dev.assay.model.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets the portfolio must keep readable (a webhook's HMAC secret signs every delivery, so a hash would
 * not do), sealed at rest with AES-256-GCM so that a database dump, a backup or a read-only SQL account
 * does not hand them out. A sealed value is {@value #PREFIX} and the base64 of a random 96-bit nonce and
 * the ciphertext with its tag. Without a key nothing is sealed, and values written before a key was set
 * are read as they are until {@link dev.assay.server.portfolio.store.PortfolioDatabase} reseals them.
 */
public final class SecretSealer {
    /** Marks a sealed value; webhook secrets that start with it are refused, so the mark is never ambiguous. */
    public static final String PREFIX = "sealed:v1:";

    /** The environment variable with the key: 32 random bytes, base64 ({@code openssl rand -base64 32}). */
    public static final String KEY_VARIABLE = "ASSAY_SECRET_KEY";

    /**
     * The key being replaced, during a rotation: values it sealed still open, and the server reseals them
     * with {@value #KEY_VARIABLE} when it starts.
     */
    public static final String PREVIOUS_KEY_VARIABLE = "ASSAY_SECRET_KEY_PREVIOUS";

    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] ASSOCIATED_DATA = "assay portfolio secret".getBytes(StandardCharsets.US_ASCII);

    private final SecretKey key;
    private final SecretKey previous;
    private final SecureRandom random;

    private SecretSealer(SecretKey key, SecretKey previous) {
        this.key = key;
        this.previous = previous;
        this.random = key == null ? null : new SecureRandom();
    }

    /** Stores secrets as given (no key configured). */
    public static SecretSealer none() {
        return new SecretSealer(null, null);
    }

    public static SecretSealer withKey(byte[] key) {
        return new SecretSealer(aesKey(key, KEY_VARIABLE), null);
    }

    /** Seals with {@code key}; opens what {@code key} or {@code previous} sealed (a key rotation). */
    public static SecretSealer withKeys(byte[] key, byte[] previous) {
        return new SecretSealer(aesKey(key, KEY_VARIABLE), aesKey(previous, PREVIOUS_KEY_VARIABLE));
    }

    /** The key as {@value #KEY_VARIABLE} carries it: standard base64 of 32 bytes. */
    public static SecretSealer fromBase64(String encoded) {
        return fromBase64(encoded, null);
    }

    /** As {@link #fromBase64(String)}, with the key being replaced ({@value #PREVIOUS_KEY_VARIABLE}) if any. */
    public static SecretSealer fromBase64(String encoded, String previousEncoded) {
        byte[] key = decode(encoded, KEY_VARIABLE);
        byte[] previous = previousEncoded == null ? null : decode(previousEncoded, PREVIOUS_KEY_VARIABLE);
        try {
            return previous == null ? withKey(key) : withKeys(key, previous);
        } finally {
            Arrays.fill(key, (byte) 0);
            if (previous != null) {
                Arrays.fill(previous, (byte) 0);
            }
        }
    }

    private static byte[] decode(String encoded, String variable) {
        try {
            return Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    variable + " is not base64 (make one with: openssl rand -base64 32)", variable);
        }
    }

    private static SecretKey aesKey(byte[] key, String variable) {
        if (key == null || key.length != KEY_BYTES) {
            throw new InvalidInputException(
                    variable + " must be " + KEY_BYTES + " bytes, not " + (key == null ? 0 : key.length), variable);
        }
        return new SecretKeySpec(key.clone(), "AES");
    }

    /** Whether values written now are sealed. */
    public boolean seals() {
        return key != null;
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** The value to store: sealed when there is a key, else the secret itself. */
    public String seal(String secret) {
        if (key == null) {
            return secret;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ASSOCIATED_DATA);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            ByteBuffer joined =
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
            return PREFIX + Base64.getEncoder().encodeToString(joined.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * The secret a stored value holds: a plaintext value as it is, a sealed one decrypted.
     *
     * @throws InvalidInputException a sealed value with no key, with another key, or damaged
     */
    public String open(String stored) {
        return unseal(stored).secret();
    }

    /**
     * The value to store in place of {@code stored} so that it is sealed with the current key: empty when
     * it already is, or when there is no key (a value in the clear then stays so).
     *
     * @throws InvalidInputException as {@link #open}
     */
    public Optional<String> resealed(String stored) {
        Unsealed unsealed = unseal(stored);
        return key == null || unsealed.withCurrentKey() ? Optional.empty() : Optional.of(seal(unsealed.secret()));
    }

    private record Unsealed(String secret, boolean withCurrentKey) {}

    private Unsealed unseal(String stored) {
        if (!isSealed(stored)) {
            return new Unsealed(stored, false);
        }
        if (key == null) {
            throw new InvalidInputException(
                    "the portfolio holds encrypted webhook secrets and no key is set: set " + KEY_VARIABLE
                            + " to the key they were encrypted with",
                    KEY_VARIABLE);
        }
        byte[] joined;
        try {
            joined = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("a stored webhook secret is damaged (not base64)", KEY_VARIABLE);
        }
        if (joined.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new InvalidInputException("a stored webhook secret is damaged (too short)", KEY_VARIABLE);
        }
        byte[] secret = decrypt(key, joined);
        if (secret != null) {
            return new Unsealed(new String(secret, StandardCharsets.UTF_8), true);
        }
        secret = previous == null ? null : decrypt(previous, joined);
        if (secret != null) {
            return new Unsealed(new String(secret, StandardCharsets.UTF_8), false);
        }
        throw new InvalidInputException(
                "a stored webhook secret does not open with the key " + KEY_VARIABLE
                        + " holds: it was encrypted with another key, or it is damaged",
                KEY_VARIABLE);
    }

    /** The plaintext, or null when the tag does not verify under {@code with}. */
    private static byte[] decrypt(SecretKey with, byte[] joined) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, with, new GCMParameterSpec(TAG_BITS, joined, 0, NONCE_BYTES));
            cipher.updateAAD(ASSOCIATED_DATA);
            return cipher.doFinal(joined, NONCE_BYTES, joined.length - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }
}
