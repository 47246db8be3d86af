package dev.assay.server.portfolio.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretSealerTest {
    private static final String SECRET = "0123456789abcdef-é-secret";

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void seal_thenOpen_givesTheSecretBack_andNeverTheSameTextTwice() {
        SecretSealer sealer = SecretSealer.withKey(key(7));

        String first = sealer.seal(SECRET);
        String second = sealer.seal(SECRET);

        assertThat(first).startsWith(SecretSealer.PREFIX).doesNotContain("secret");
        assertThat(second).isNotEqualTo(first);
        assertThat(sealer.open(first)).isEqualTo(SECRET);
        assertThat(sealer.open(second)).isEqualTo(SECRET);
        assertThat(SecretSealer.isSealed(first)).isTrue();
    }

    @Test
    void open_valueInTheClear_isReadAsItIs_withOrWithoutKey() {
        assertThat(SecretSealer.withKey(key(7)).open(SECRET)).isEqualTo(SECRET);
        assertThat(SecretSealer.none().open(SECRET)).isEqualTo(SECRET);
        assertThat(SecretSealer.none().seal(SECRET)).isEqualTo(SECRET);
        assertThat(SecretSealer.none().seals()).isFalse();
    }

    @Test
    void open_withAnotherKeyOrNone_isRefusedNamingTheVariable() {
        String sealed = SecretSealer.withKey(key(7)).seal(SECRET);

        assertThatThrownBy(() -> SecretSealer.withKey(key(8)).open(sealed))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ASSAY_SECRET_KEY");
        assertThatThrownBy(() -> SecretSealer.none().open(sealed))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no key is set");
    }

    @Test
    void open_everyFlippedByte_isRefused() {
        SecretSealer sealer = SecretSealer.withKey(key(7));
        String sealed = sealer.seal(SECRET);
        byte[] raw = Base64.getDecoder().decode(sealed.substring(SecretSealer.PREFIX.length()));
        for (int i = 0; i < raw.length; i++) {
            byte[] flipped = raw.clone();
            flipped[i] ^= 0x01;
            String tampered = SecretSealer.PREFIX + Base64.getEncoder().encodeToString(flipped);
            assertThatThrownBy(() -> sealer.open(tampered))
                    .as("byte %d flipped", i)
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> sealer.open(SecretSealer.PREFIX + "not*base64"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("damaged");
        assertThatThrownBy(() -> sealer.open(SecretSealer.PREFIX + "AAAA"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("damaged");
    }

    @Test
    void withThePreviousKey_opensWhatEitherSealed_butSealsWithTheNewOne() {
        String old = SecretSealer.withKey(key(1)).seal(SECRET);
        SecretSealer rotating = SecretSealer.withKeys(key(2), key(1));

        assertThat(rotating.open(old)).isEqualTo(SECRET);
        String resealed = rotating.resealed(old).orElseThrow();
        assertThat(rotating.resealed(resealed))
                .as("sealed with the new key: left as it is")
                .isEmpty();
        assertThat(SecretSealer.withKey(key(2)).open(resealed)).isEqualTo(SECRET);
        assertThat(rotating.resealed(SECRET)).as("in the clear").isPresent();
        assertThat(SecretSealer.none().resealed(SECRET))
                .as("no key: stays in the clear")
                .isEmpty();
        assertThatThrownBy(() -> SecretSealer.withKeys(key(2), key(3)).open(old))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void fromBase64_acceptsThirtyTwoBytesOnly() {
        String good = Base64.getEncoder().encodeToString(key(3));
        assertThat(SecretSealer.fromBase64(good + "\n").seals()).isTrue();
        assertThatThrownBy(() -> SecretSealer.fromBase64("not base64!"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> SecretSealer.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("32 bytes, not 16");
        assertThatThrownBy(() -> SecretSealer.fromBase64(good, "not base64!"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ASSAY_SECRET_KEY_PREVIOUS");
    }
}
