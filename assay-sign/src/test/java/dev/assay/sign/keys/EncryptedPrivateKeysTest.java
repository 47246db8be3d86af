package dev.assay.sign.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EncryptedPrivateKeysTest {
    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void decrypt_ofEncrypt_givesAKeyThatSignsForThePublicKey(KeyAlgorithm algorithm) throws Exception {
        KeyPair pair = KeyPairs.generate(algorithm);

        String pem = EncryptedPrivateKeys.encrypt(pair.getPrivate(), PASSWORD);
        var decrypted = EncryptedPrivateKeys.decrypt(pem, PASSWORD, "test.key");

        assertThat(pem).startsWith("-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n");
        assertThat(decrypted.getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        String signatureAlgorithm = switch (algorithm) {
            case ECDSA_P256 -> "SHA256withECDSA";
            case ED25519 -> "Ed25519";
            case RSA_3072 -> "SHA256withRSA";
        };
        Signature signer = Signature.getInstance(signatureAlgorithm);
        signer.initSign(decrypted);
        signer.update("payload".getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(signatureAlgorithm);
        verifier.initVerify(PublicKeys.decode(PublicKeys.encode(pair.getPublic()), "test.pub"));
        verifier.update("payload".getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void encrypt_writesTheCosignJsonLayout() {
        String pem = EncryptedPrivateKeys.encrypt(
                KeyPairs.generate(KeyAlgorithm.ECDSA_P256).getPrivate(), PASSWORD);

        String json = new String(Pem.decode(pem, "k").content(), StandardCharsets.UTF_8);

        assertThat(json)
                .contains("\"kdf\":{\"name\":\"scrypt\",\"params\":{\"N\":65536,\"r\":8,\"p\":1},\"salt\":\"")
                .contains("\"cipher\":{\"name\":\"nacl/secretbox\",\"nonce\":\"")
                .contains("\"ciphertext\":\"");
        assertThat(json).doesNotContain(new String(PASSWORD));
    }

    @Test
    void decrypt_wrongPassword_isAWrongPasswordError() {
        String pem = EncryptedPrivateKeys.encrypt(
                KeyPairs.generate(KeyAlgorithm.ED25519).getPrivate(), PASSWORD);

        assertThatThrownBy(() -> EncryptedPrivateKeys.decrypt(pem, "nope".toCharArray(), "cosign.key"))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessageContaining("cosign.key");
    }

    @Test
    void decrypt_anyFlippedCiphertextByte_isRefused() {
        String pem = EncryptedPrivateKeys.encrypt(
                KeyPairs.generate(KeyAlgorithm.ECDSA_P256).getPrivate(), PASSWORD);
        String json = new String(Pem.decode(pem, "k").content(), StandardCharsets.UTF_8);
        String ciphertext = json.replaceAll(".*\"ciphertext\":\"([^\"]+)\".*", "$1");
        byte[] bytes = Base64.getDecoder().decode(ciphertext);
        for (int index = 0; index < bytes.length; index += 29) {
            byte[] altered = bytes.clone();
            altered[index] ^= 0x01;
            String tampered = json.replace(ciphertext, Base64.getEncoder().encodeToString(altered));
            String tamperedPem =
                    new Pem(EncryptedPrivateKeys.LABEL, tampered.getBytes(StandardCharsets.UTF_8)).encode();

            assertThatThrownBy(() -> EncryptedPrivateKeys.decrypt(tamperedPem, PASSWORD, "k"))
                    .isInstanceOf(WrongPasswordException.class);
        }
    }

    @Test
    void decrypt_hostileOrForeignFiles_areTypedInputErrors() {
        String hugeN = "{\"kdf\":{\"name\":\"scrypt\",\"params\":{\"N\":1073741824,\"r\":8,\"p\":1},\"salt\":\"AA==\"},"
                + "\"cipher\":{\"name\":\"nacl/secretbox\",\"nonce\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"},"
                + "\"ciphertext\":\"AA==\"}";
        String[] inputs = {
            "",
            "not a key",
            new Pem("PRIVATE KEY", new byte[] {1, 2, 3}).encode(),
            new Pem(EncryptedPrivateKeys.LABEL, "{".getBytes(StandardCharsets.UTF_8)).encode(),
            new Pem(EncryptedPrivateKeys.LABEL, "{\"kdf\":{\"name\":\"argon2\"}}".getBytes(StandardCharsets.UTF_8))
                    .encode(),
            new Pem(EncryptedPrivateKeys.LABEL, hugeN.getBytes(StandardCharsets.UTF_8)).encode(),
            "-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n!!!!\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n"
        };
        for (String input : inputs) {
            assertThatThrownBy(() -> EncryptedPrivateKeys.decrypt(input, PASSWORD, "bad.key"))
                    .as(input)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("bad.key");
        }
    }
}
