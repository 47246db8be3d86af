package dev.assay.sign.keys;

import dev.assay.model.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One PEM block (RFC 7468): a label and the bytes between the BEGIN and END lines. */
public record Pem(String label, byte[] content) {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]{1,64})-----\\r?\\n([A-Za-z0-9+/=\\r\\n]{0,1048576}?)-----END \\1-----");

    /** Larger than any key file; bounds what is read from an untrusted file. */
    public static final int MAX_TEXT_CHARS = 1 << 20;

    public String encode() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(content);
        return "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n";
    }

    /**
     * The first PEM block of {@code text}.
     *
     * @param name how the input is named in errors
     * @throws InvalidInputException when there is no well-formed block
     */
    public static Pem decode(String text, String name) {
        if (text.length() > MAX_TEXT_CHARS) {
            throw new InvalidInputException(name + " is too large to be a PEM key file", name);
        }
        Matcher matcher = BLOCK.matcher(text);
        if (!matcher.find()) {
            throw new InvalidInputException(name + " holds no PEM block (-----BEGIN ...-----)", name);
        }
        try {
            return new Pem(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name + ": the PEM block is not valid base64", name, e);
        }
    }
}
