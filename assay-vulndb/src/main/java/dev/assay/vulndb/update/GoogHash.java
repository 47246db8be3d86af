package dev.assay.vulndb.update;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The hashes Google Cloud Storage sends for a whole object in {@code x-goog-hash}: {@code
 * crc32c=<base64 of 4 bytes, big-endian>} and, for objects that are not composite, {@code md5=<base64 of
 * 16 bytes>}. GCS sends them as two header lines or as one comma-separated line; both are read. Other
 * keys are ignored.
 *
 * @param md5Hex lower-case hex MD5, or null when absent
 * @param crc32c the CRC32C as an unsigned 32-bit value, or -1 when absent
 */
record GoogHash(String md5Hex, long crc32c) {
    static final String HEADER = "x-goog-hash";

    boolean isEmpty() {
        return md5Hex == null && crc32c < 0;
    }

    Optional<String> md5() {
        return Optional.ofNullable(md5Hex);
    }

    OptionalLong crc32cValue() {
        return crc32c < 0 ? OptionalLong.empty() : OptionalLong.of(crc32c);
    }

    /** The header form, for storing alongside a partial download. */
    String headerValue() {
        StringBuilder value = new StringBuilder();
        if (crc32c >= 0) {
            byte[] bytes = {(byte) (crc32c >>> 24), (byte) (crc32c >>> 16), (byte) (crc32c >>> 8), (byte) crc32c};
            value.append("crc32c=").append(Base64.getEncoder().encodeToString(bytes));
        }
        if (md5Hex != null) {
            if (!value.isEmpty()) {
                value.append(',');
            }
            value.append("md5=")
                    .append(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(md5Hex)));
        }
        return value.toString();
    }

    /**
     * Parses every {@code x-goog-hash} value of a response.
     *
     * @throws MalformedHashException when a known key has a value that is not the right base64 length;
     *     a hash that cannot be read must not silently turn into "no hash to check"
     */
    static GoogHash parse(List<String> headerValues) throws MalformedHashException {
        String md5 = null;
        long crc32c = -1;
        for (String headerValue : headerValues) {
            for (String part : headerValue.split(",", -1)) {
                String item = part.strip();
                int equals = item.indexOf('=');
                if (equals <= 0) {
                    continue;
                }
                String key = item.substring(0, equals).strip().toLowerCase(Locale.ROOT);
                String encoded = item.substring(equals + 1).strip();
                switch (key) {
                    case "md5" -> md5 = HexFormat.of().formatHex(decode(encoded, 16, key));
                    case "crc32c" -> {
                        byte[] bytes = decode(encoded, 4, key);
                        crc32c = ((bytes[0] & 0xffL) << 24)
                                | ((bytes[1] & 0xffL) << 16)
                                | ((bytes[2] & 0xffL) << 8)
                                | (bytes[3] & 0xffL);
                    }
                    default -> {
                        // other algorithms are not checked
                    }
                }
            }
        }
        return new GoogHash(md5, crc32c);
    }

    private static byte[] decode(String encoded, int length, String key) throws MalformedHashException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new MalformedHashException("x-goog-hash " + key + " is not base64: " + shorten(encoded));
        }
        if (bytes.length != length) {
            throw new MalformedHashException(
                    "x-goog-hash " + key + " has " + bytes.length + " bytes instead of " + length);
        }
        return bytes;
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }

    /** A hash header that is present but unreadable. */
    static final class MalformedHashException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedHashException(String message) {
            super(message);
        }
    }
}
