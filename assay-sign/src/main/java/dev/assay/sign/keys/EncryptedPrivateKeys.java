package dev.assay.sign.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.sign.JsonFields;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * Private keys encrypted at rest in the format of cosign and the Sigstore clients: a PEM block labelled
 * {@code ENCRYPTED SIGSTORE PRIVATE KEY} (older cosign: {@code ENCRYPTED COSIGN PRIVATE KEY}) holding JSON
 * that names the key derivation (scrypt, with its parameters and salt), the cipher (NaCl secretbox, with
 * its nonce) and the ciphertext of the PKCS#8 private key.
 */
public final class EncryptedPrivateKeys {
    public static final String LABEL = "ENCRYPTED SIGSTORE PRIVATE KEY";
    private static final List<String> LABELS = List.of(LABEL, "ENCRYPTED COSIGN PRIVATE KEY");

    /** cosign's cost for new keys: 2^16 rounds of scrypt with r = 8, p = 1. */
    private static final int SCRYPT_N = 65_536;

    private static final int SCRYPT_R = 8;
    private static final int SCRYPT_P = 1;

    /** Refused above this: a hostile key file must not make Assay allocate gigabytes or spin for minutes. */
    private static final long MAX_SCRYPT_MEMORY_BYTES = 256L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private EncryptedPrivateKeys() {}

    /** The private key as an encrypted PEM file that cosign reads too. */
    public static String encrypt(PrivateKey key, char[] password) {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[32];
        byte[] nonce = new byte[SecretBox.NONCE_BYTES];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] secret = derive(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P);
        byte[] pkcs8 = key.getEncoded();
        try {
            byte[] ciphertext = SecretBox.seal(secret, nonce, pkcs8);
            ObjectNode document = JSON.createObjectNode();
            ObjectNode kdf = document.putObject("kdf");
            kdf.put("name", "scrypt");
            ObjectNode params = kdf.putObject("params");
            params.put("N", SCRYPT_N);
            params.put("r", SCRYPT_R);
            params.put("p", SCRYPT_P);
            kdf.put("salt", Base64.getEncoder().encodeToString(salt));
            ObjectNode cipher = document.putObject("cipher");
            cipher.put("name", "nacl/secretbox");
            cipher.put("nonce", Base64.getEncoder().encodeToString(nonce));
            document.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
            return new Pem(LABEL, document.toString().getBytes(StandardCharsets.UTF_8)).encode();
        } finally {
            Arrays.fill(secret, (byte) 0);
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /**
     * The private key of an encrypted key file written by Assay, cosign or another Sigstore client.
     *
     * @param name how the file is named in errors
     * @throws WrongPasswordException when the password does not open it (or the file was altered)
     * @throws InvalidInputException when it is not such a file
     */
    public static PrivateKey decrypt(String pemText, char[] password, String name) {
        Pem pem = Pem.decode(pemText, name);
        if (!LABELS.contains(pem.label())) {
            throw new InvalidInputException(
                    name + " is a '" + pem.label() + "' PEM block, not an encrypted Sigstore/cosign private key", name);
        }
        JsonNode document = SafeJson.read(pem.content(), name);
        JsonNode kdf = document.path("kdf");
        JsonNode params = kdf.path("params");
        if (!kdf.path("name").asText().equals("scrypt")
                || !document.path("cipher").path("name").asText().equals("nacl/secretbox")) {
            throw new InvalidInputException(
                    name + ": unsupported key encryption (expected scrypt and nacl/secretbox)", name);
        }
        long n = params.path("N").asLong(-1);
        int r = params.path("r").asInt(-1);
        int p = params.path("p").asInt(-1);
        if (n < 2 || (n & (n - 1)) != 0 || r < 1 || p < 1 || p > 16 || 128L * r * n * p > MAX_SCRYPT_MEMORY_BYTES) {
            throw new InvalidInputException(
                    name + ": scrypt parameters out of range (N=" + n + ", r=" + r + ", p=" + p + ")", name);
        }
        byte[] salt = JsonFields.base64(document.path("kdf").path("salt"), name, "salt");
        byte[] nonce = JsonFields.base64(document.path("cipher").path("nonce"), name, "nonce");
        byte[] ciphertext = JsonFields.base64(document.path("ciphertext"), name, "ciphertext");
        if (nonce.length != SecretBox.NONCE_BYTES) {
            throw new InvalidInputException(name + ": the nonce must be 24 bytes", name);
        }
        byte[] secret = derive(password, salt, (int) n, r, p);
        byte[] pkcs8 = SecretBox.open(secret, nonce, ciphertext).orElseThrow(() -> new WrongPasswordException(name));
        Arrays.fill(secret, (byte) 0);
        try {
            return KeyEncodings.privateKey(pkcs8, name);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int n, int r, int p) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] passwordBytes = new byte[encoded.remaining()];
        encoded.get(passwordBytes);
        try {
            return SCrypt.generate(passwordBytes, salt, n, r, p, SecretBox.KEY_BYTES);
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
        }
    }
}
