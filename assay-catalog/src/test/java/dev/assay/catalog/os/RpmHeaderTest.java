package dev.assay.catalog.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpmHeaderTest {

    @Test
    void parse_wellFormedHeader_readsStringsArraysAndIntegers() {
        byte[] blob = new HeaderBlob()
                .string(RpmHeader.NAME, "openssl")
                .int32(RpmHeader.EPOCH, 1)
                .stringArray(RpmHeader.PROVIDENAME, "libssl.so.3()(64bit)", "openssl")
                .build();

        RpmHeader header = RpmHeader.parse(blob);

        assertThat(header.string(RpmHeader.NAME)).hasValue("openssl");
        assertThat(header.int32(RpmHeader.EPOCH)).hasValue(1);
        assertThat(header.strings(RpmHeader.PROVIDENAME)).containsExactly("libssl.so.3()(64bit)", "openssl");
        assertThat(header.string(RpmHeader.LICENSE)).isEmpty();
    }

    @Test
    void parse_offsetOutsideData_failsOnRead() {
        byte[] blob = new HeaderBlob()
                .raw(RpmHeader.NAME, 6, 1_000_000, 1)
                .padding(16)
                .build();

        RpmHeader header = RpmHeader.parse(blob);

        assertThatThrownBy(() -> header.string(RpmHeader.NAME))
                .isInstanceOf(RpmHeader.MalformedHeaderException.class)
                .hasMessageContaining("offset 1000000");
    }

    @Test
    void parse_negativeOffset_failsOnRead() {
        RpmHeader header = RpmHeader.parse(
                new HeaderBlob().raw(RpmHeader.NAME, 6, -4, 1).padding(16).build());

        assertThatThrownBy(() -> header.string(RpmHeader.NAME)).isInstanceOf(RpmHeader.MalformedHeaderException.class);
    }

    @Test
    void parse_hugeCount_failsWithoutAllocating() {
        RpmHeader header = RpmHeader.parse(new HeaderBlob()
                .raw(RpmHeader.PROVIDENAME, 8, 0, Integer.MAX_VALUE)
                .raw(RpmHeader.DIRINDEXES, 4, 0, Integer.MAX_VALUE)
                .padding(16)
                .build());

        assertThatThrownBy(() -> header.strings(RpmHeader.PROVIDENAME))
                .isInstanceOf(RpmHeader.MalformedHeaderException.class)
                .hasMessageContaining("claims");
        assertThatThrownBy(() -> header.int32s(RpmHeader.DIRINDEXES))
                .isInstanceOf(RpmHeader.MalformedHeaderException.class)
                .hasMessageContaining("run past");
    }

    @Test
    void parse_unterminatedString_fails() {
        byte[] blob = new HeaderBlob()
                .raw(RpmHeader.NAME, 6, 0, 1)
                .data("abc".getBytes(StandardCharsets.UTF_8))
                .build();

        RpmHeader header = RpmHeader.parse(blob);

        assertThatThrownBy(() -> header.string(RpmHeader.NAME)).hasMessageContaining("not terminated");
    }

    @Test
    void parse_indexAndDataLargerThanBlob_failsUpFront() {
        ByteBuffer lying = ByteBuffer.allocate(8).putInt(0x7FFF).putInt(0x0FFFFFFF);
        ByteBuffer tooMany = ByteBuffer.allocate(8).putInt(-1).putInt(16);

        assertThatThrownBy(() -> RpmHeader.parse(lying.array())).isInstanceOf(RpmHeader.MalformedHeaderException.class);
        assertThatThrownBy(() -> RpmHeader.parse(tooMany.array()))
                .isInstanceOf(RpmHeader.MalformedHeaderException.class)
                .hasMessageContaining("index entries");
        assertThatThrownBy(() -> RpmHeader.parse(new byte[3])).hasMessageContaining("truncated");
    }

    @Test
    void parse_wrongType_fails() {
        RpmHeader header =
                RpmHeader.parse(new HeaderBlob().int32(RpmHeader.NAME, 7).build());

        assertThatThrownBy(() -> header.string(RpmHeader.NAME)).hasMessageContaining("expected a string type");
    }

    /** Writes header blobs in rpm's layout: counts, index entries, data store. */
    static final class HeaderBlob {
        private final List<int[]> entries = new ArrayList<>();
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();

        HeaderBlob string(int tag, String value) {
            entries.add(new int[] {tag, 6, data.size(), 1});
            data.writeBytes((value + "\0").getBytes(StandardCharsets.UTF_8));
            return this;
        }

        HeaderBlob stringArray(int tag, String... values) {
            entries.add(new int[] {tag, 8, data.size(), values.length});
            for (String value : values) {
                data.writeBytes((value + "\0").getBytes(StandardCharsets.UTF_8));
            }
            return this;
        }

        HeaderBlob int32(int tag, int value) {
            while (data.size() % 4 != 0) {
                data.write(0);
            }
            entries.add(new int[] {tag, 4, data.size(), 1});
            data.writeBytes(ByteBuffer.allocate(4).putInt(value).array());
            return this;
        }

        HeaderBlob raw(int tag, int type, int offset, int count) {
            entries.add(new int[] {tag, type, offset, count});
            return this;
        }

        HeaderBlob padding(int bytes) {
            data.writeBytes(new byte[bytes]);
            return this;
        }

        HeaderBlob data(byte[] bytes) {
            data.writeBytes(bytes);
            return this;
        }

        byte[] build() {
            ByteBuffer buffer = ByteBuffer.allocate(8 + 16 * entries.size() + data.size());
            buffer.putInt(entries.size()).putInt(data.size());
            for (int[] entry : entries) {
                for (int value : entry) {
                    buffer.putInt(value);
                }
            }
            buffer.put(data.toByteArray());
            return buffer.array();
        }
    }
}
