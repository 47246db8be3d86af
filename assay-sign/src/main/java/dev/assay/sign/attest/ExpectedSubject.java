package dev.assay.sign.attest;

import dev.assay.model.InvalidInputException;
import dev.assay.sign.intoto.Subject;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An artifact that must be one of a statement's subjects, matched by SHA-256 (the name in a statement is
 * the signer's choice and proves nothing).
 *
 * @param name how the artifact is named in verdicts
 * @param sha256 lower-case hex
 */
public record ExpectedSubject(String name, String sha256) {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ExpectedSubject {
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new InvalidInputException("'" + sha256 + "' is not a SHA-256 digest (64 hex digits)", name);
        }
    }

    /** The file's name and the SHA-256 of its content. */
    public static ExpectedSubject ofFile(Path file) {
        return new ExpectedSubject(String.valueOf(file.getFileName()), Subject.sha256Hex(file));
    }
}
