package dev.assay.sign.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PublicKeysTest {
    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void decode_ofEncode_isTheSameKey(KeyAlgorithm algorithm) {
        PublicKey key = KeyPairs.generate(algorithm).getPublic();

        assertThat(PublicKeys.decode(PublicKeys.encode(key), "k.pub").getEncoded())
                .isEqualTo(key.getEncoded());
    }

    @Test
    void decode_unsupportedAlgorithm_namesTheAlgorithm() throws Exception {
        KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA");
        dsa.initialize(2048);
        String pem = new Pem(PublicKeys.LABEL, dsa.generateKeyPair().getPublic().getEncoded()).encode();

        assertThatThrownBy(() -> PublicKeys.decode(pem, "dsa.pub"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dsa.pub");
    }

    @Test
    void decode_garbageDer_isInvalidInput() {
        String pem = new Pem(PublicKeys.LABEL, new byte[] {0x30, 0x03, 0x02, 0x01}).encode();

        assertThatThrownBy(() -> PublicKeys.decode(pem, "bad.pub"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not an EC, Ed25519 or RSA public key");
    }
}
