package dev.assay.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

public final class Fixtures {
    private Fixtures() {}

    public static String admission(String name) {
        try (InputStream input = Fixtures.class.getResourceAsStream("/admission/" + name)) {
            if (input == null) {
                throw new IllegalStateException("missing fixture /admission/" + name);
            }
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture with another uid and dryRun flag. */
    public static String admission(String name, String uid, boolean dryRun) {
        String review = admission(name).replaceFirst("\"uid\": \"[^\"]+\"", "\"uid\": \"" + uid + "\"");
        return dryRun ? review.replace("\"dryRun\": false", "\"dryRun\": true") : review;
    }
}
