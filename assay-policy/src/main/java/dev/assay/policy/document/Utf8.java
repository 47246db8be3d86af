package dev.assay.policy.document;

import dev.assay.model.UnableToParseException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding. A lenient decoder would turn invalid bytes into U+FFFD, so a policy could compare
 * against a name that is not what the file holds; YAML and JSON are UTF-8, and anything else is rejected
 * with the offset of the first bad byte.
 */
final class Utf8 {
    private Utf8() {}

    static String decode(byte[] content, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(content);
        CharBuffer output = CharBuffer.allocate(content.length);
        var result = decoder.decode(input, output, true);
        if (result.isError()) {
            throw new UnableToParseException(
                    source + " is not valid UTF-8 (invalid byte at offset " + input.position() + ")", source);
        }
        try {
            var flushed = decoder.flush(output);
            if (flushed.isError()) {
                flushed.throwException();
            }
        } catch (CharacterCodingException e) {
            throw new UnableToParseException(source + " is not valid UTF-8", source, e);
        }
        output.flip();
        String text = output.toString();
        // A byte-order mark is legal in UTF-8 files but is not content.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
