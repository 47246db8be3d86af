package dev.assay.vulndb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.Advisory;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdvisoryCodecTest {
    @Test
    void decode_encodedAdvisory_isEqual() {
        Advisory advisory = TestAdvisories.full("FULL-1");

        byte[] bytes = AdvisoryCodec.encode(advisory);

        assertThat(AdvisoryCodec.decode(bytes, 0, bytes.length)).isEqualTo(advisory);
    }

    @Test
    void decode_minimalAdvisory_isEqual() {
        Advisory advisory =
                new Advisory("MIN-1", List.of(), null, null, null, null, null, List.of(), List.of(), List.of(), null);

        byte[] bytes = AdvisoryCodec.encode(advisory);

        assertThat(AdvisoryCodec.decode(bytes, 0, bytes.length)).isEqualTo(advisory);
    }

    @Test
    void encode_equalAdvisories_giveEqualBytes() {
        assertThat(AdvisoryCodec.encode(TestAdvisories.full("SAME-1")))
                .isEqualTo(AdvisoryCodec.encode(TestAdvisories.full("SAME-1")))
                .isNotEqualTo(AdvisoryCodec.encode(TestAdvisories.full("SAME-2")));
    }

    @Test
    void decode_everyTruncation_throwsMalformedData() {
        byte[] bytes = AdvisoryCodec.encode(TestAdvisories.full("CUT-1"));

        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> AdvisoryCodec.decode(truncated, 0, truncated.length))
                    .as("truncated to %d bytes", length)
                    .isInstanceOf(MalformedDataException.class);
        }
    }

    @Test
    void decode_hugeCount_failsWithoutAllocating() {
        ByteArrayEncoder out = new ByteArrayEncoder(16);
        out.writeString("HUGE-1");
        out.writeVarInt(Integer.MAX_VALUE);

        byte[] bytes = out.toByteArray();
        assertThatThrownBy(() -> AdvisoryCodec.decode(bytes, 0, bytes.length))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("exceeds");
    }
}
