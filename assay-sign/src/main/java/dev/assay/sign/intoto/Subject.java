package dev.assay.sign.intoto;

import dev.assay.model.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * An artifact a statement is about.
 *
 * @param digest algorithm name (in-toto spelling: {@code sha256}, {@code sha512}) to lower-case hex
 */
public record Subject(String name, Map<String, String> digest) {
    public Subject {
        digest = Map.copyOf(digest);
    }

    /** A subject for a file: its file name and SHA-256. */
    public static Subject ofFile(Path file) {
        return new Subject(String.valueOf(file.getFileName()), Map.of("sha256", sha256Hex(file)));
    }

    public static String sha256Hex(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputSink.INSTANCE);
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), file.toString(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Whether this subject names the given SHA-256 (hex, any case). */
    public boolean hasSha256(String hex) {
        String own = digest.get("sha256");
        return own != null && own.toLowerCase(Locale.ROOT).equals(hex.toLowerCase(Locale.ROOT));
    }

    private static final class OutputSink extends java.io.OutputStream {
        static final OutputSink INSTANCE = new OutputSink();

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}
    }
}
