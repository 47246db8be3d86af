package dev.assay.server;

import io.helidon.http.encoding.ContentDecoder;
import io.helidon.http.encoding.ContentEncoder;
import io.helidon.http.encoding.ContentEncoding;
import io.helidon.http.encoding.ContentEncodingContext;
import java.util.Set;

/**
 * Content encodings the HTTP stack accepts on requests without decoding them: the body reaches the handler
 * as sent, so the handler bounds both the compressed and the decompressed size (a gzip bomb is refused
 * rather than inflated by the stack) and decides itself which encodings it supports (415 for the others).
 * Responses are never encoded.
 */
final class PassThroughEncodings implements ContentEncoding {
    private static final Set<String> IDS = Set.of("gzip", "x-gzip", "deflate", "br", "zstd", "compress");

    private PassThroughEncodings() {}

    static ContentEncodingContext context() {
        return ContentEncodingContext.builder()
                .contentEncodingsDiscoverServices(false)
                .addContentEncoding(new PassThroughEncodings())
                .build();
    }

    @Override
    public Set<String> ids() {
        return IDS;
    }

    @Override
    public boolean supportsEncoding() {
        return false;
    }

    @Override
    public boolean supportsDecoding() {
        return true;
    }

    @Override
    public ContentDecoder decoder() {
        return ContentDecoder.NO_OP;
    }

    @Override
    public ContentEncoder encoder() {
        return ContentEncoder.NO_OP;
    }

    @Override
    public String name() {
        return "pass-through";
    }

    @Override
    public String type() {
        return "pass-through";
    }
}
