package dev.assay.catalog.os;

import dev.assay.catalog.spi.FileResolver;
import dev.assay.model.Distro;
import dev.assay.model.Location;
import dev.assay.model.untrusted.BoundedInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Detects the distribution of a root filesystem from {@code etc/os-release} (falling back to {@code
 * usr/lib/os-release}, as systemd specifies), parsing the shell-style {@code KEY="value"} lines without
 * evaluating anything.
 */
public final class OsRelease {
    private static final long MAX_BYTES = 64 * 1024;
    private static final List<String> CANDIDATES = List.of("etc/os-release", "usr/lib/os-release");

    private OsRelease() {}

    public static Optional<Distro> detect(FileResolver files) {
        for (String candidate : CANDIDATES) {
            Optional<Location> location = files.resolve(candidate);
            if (location.isPresent()) {
                try (InputStream stream = files.open(location.get())) {
                    Optional<Distro> distro = parse(
                            new String(BoundedInput.readAll(stream, MAX_BYTES, candidate), StandardCharsets.UTF_8));
                    if (distro.isPresent()) {
                        return distro;
                    }
                } catch (IOException | RuntimeException e) {
                    // An unreadable os-release means "distribution unknown", which the SBOM then says.
                }
            }
        }
        return Optional.empty();
    }

    public static Optional<Distro> parse(String content) {
        Map<String, String> values = new HashMap<>();
        for (String rawLine : content.split("\n")) {
            String line = rawLine.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            values.put(
                    line.substring(0, equals).strip(),
                    unquote(line.substring(equals + 1).strip()));
        }
        String id = values.get("ID");
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(
                new Distro(id, values.get("VERSION_ID"), values.get("VERSION_CODENAME"), values.get("PRETTY_NAME")));
    }

    private static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            char last = value.charAt(value.length() - 1);
            if ((first == '"' || first == '\'') && last == first) {
                String inner = value.substring(1, value.length() - 1);
                return first == '"' ? inner.replaceAll("\\\\([\"\\\\$`])", "$1") : inner;
            }
        }
        return value;
    }
}
