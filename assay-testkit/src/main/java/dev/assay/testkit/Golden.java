package dev.assay.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Golden-file assertions: output compared with {@code src/test/resources/golden/<name>} of the module under
 * test. Run with {@code -Dgolden.update=true} to (re)write the files from the current output, then review the
 * difference in version control before committing it. A missing golden file fails; it is never created
 * silently by a normal run.
 *
 * <p>Volatile parts (timestamps, random serial numbers) are replaced by a redaction before comparing and
 * before writing, so the files hold placeholders such as {@code <timestamp>}.
 */
public final class Golden {
    public static final String UPDATE_PROPERTY = "golden.update";

    private Golden() {}

    public static void assertMatches(String name, String actual) {
        assertMatches(name, actual, UnaryOperator.identity());
    }

    public static void assertMatches(String name, String actual, UnaryOperator<String> redaction) {
        compare(root(), name, actual, redaction, Boolean.getBoolean(UPDATE_PROPERTY));
    }

    static void compare(Path root, String name, String actual, UnaryOperator<String> redaction, boolean update) {
        Path file = file(root, name);
        String redacted = redaction.apply(actual);
        try {
            if (update) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, redacted, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError("missing golden file " + file + "; create it with -D" + UPDATE_PROPERTY
                        + "=true and review it");
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(redacted)
                    .as(
                            "output differs from golden file %s (refresh with -D%s=true, then review the diff)",
                            file, UPDATE_PROPERTY)
                    .isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A redaction replacing every match of {@code regex} with {@code placeholder}. */
    public static UnaryOperator<String> redacting(String regex, String placeholder) {
        Pattern pattern = Pattern.compile(regex);
        return text -> pattern.matcher(text).replaceAll(Matcher.quoteReplacement(placeholder));
    }

    /** The golden file's path in the source tree (tests run with the module directory as working directory). */
    public static Path file(String name) {
        return file(root(), name);
    }

    private static Path root() {
        return Path.of(System.getProperty("user.dir")).resolve("src/test/resources/golden");
    }

    private static Path file(Path root, String name) {
        Path normalizedRoot = root.toAbsolutePath().normalize();
        Path file = normalizedRoot.resolve(name).normalize();
        if (name.isBlank() || !file.startsWith(normalizedRoot) || file.equals(normalizedRoot)) {
            throw new IllegalArgumentException(
                    "golden file name must name a file under " + normalizedRoot + ": " + name);
        }
        return file;
    }
}
