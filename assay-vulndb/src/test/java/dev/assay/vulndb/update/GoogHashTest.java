package dev.assay.vulndb.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoogHashTest {
    // MD5 and CRC32C of the ASCII bytes "hello", as GCS would report them.
    private static final String HELLO_MD5 = "XUFAKrxLKna5cZ2REBfFkg==";
    private static final String HELLO_CRC32C = "mpiydg==";

    @Test
    void parse_oneCommaSeparatedValue_readsBothHashes() throws Exception {
        GoogHash hash = GoogHash.parse(List.of("crc32c=" + HELLO_CRC32C + ",md5=" + HELLO_MD5));

        assertThat(hash.md5()).contains("5d41402abc4b2a76b9719d911017c592");
        assertThat(hash.crc32cValue()).hasValue(0x9a98b276L);
    }

    @Test
    void parse_twoHeaderLinesAndUnknownKeys_readsBothHashes() throws Exception {
        GoogHash hash = GoogHash.parse(List.of("crc32c=" + HELLO_CRC32C, " md5=" + HELLO_MD5 + " , sha1=abc"));

        assertThat(hash.md5()).contains("5d41402abc4b2a76b9719d911017c592");
        assertThat(hash.crc32cValue()).isPresent();
    }

    @Test
    void parse_noHeader_isEmpty() throws Exception {
        assertThat(GoogHash.parse(List.of()).isEmpty()).isTrue();
    }

    @Test
    void parse_wrongLengthOrNotBase64_throws() {
        assertThatThrownBy(() -> GoogHash.parse(List.of("md5=AAAA")))
                .isInstanceOf(GoogHash.MalformedHashException.class);
        assertThatThrownBy(() -> GoogHash.parse(List.of("crc32c=***")))
                .isInstanceOf(GoogHash.MalformedHashException.class);
    }

    @Test
    void headerValue_roundTrips() throws Exception {
        GoogHash hash = GoogHash.parse(List.of("crc32c=" + HELLO_CRC32C + ",md5=" + HELLO_MD5));

        assertThat(GoogHash.parse(List.of(hash.headerValue()))).isEqualTo(hash);
    }
}
