package dev.assay.engine.k8s;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A file's bytes as UTF-8 text, with the places (char offsets) where the bytes were not UTF-8. Decoding goes
 * on past a bad byte (it becomes U+FFFD) so that one corrupt document does not cost the file's others: the
 * reader rejects only the documents that contain a bad byte. A leading byte-order mark is dropped.
 */
record DecodedText(String text, List<Integer> malformedOffsets) {
    DecodedText {
        malformedOffsets = List.copyOf(malformedOffsets);
    }

    static DecodedText of(byte[] bytes) {
        int start =
                bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF
                        ? 3
                        : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        // UTF-8 never decodes to more chars than bytes, and each bad sequence becomes one char.
        CharBuffer out = CharBuffer.allocate(bytes.length - start + 1);
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<Integer> malformed = new ArrayList<>();
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                break;
            }
            if (result.isError()) {
                malformed.add(out.position());
                out.put('\uFFFD');
                in.position(in.position() + result.length());
            } else {
                throw new IllegalStateException("UTF-8 decoding overflowed a buffer sized for its input");
            }
        }
        decoder.flush(out);
        out.flip();
        return new DecodedText(out.toString(), malformed);
    }

    /** Whether a bad byte lies in {@code [from, to)}. */
    boolean malformedBetween(int from, int to) {
        return malformedOffsets.stream().anyMatch(offset -> offset >= from && offset < to);
    }
}
