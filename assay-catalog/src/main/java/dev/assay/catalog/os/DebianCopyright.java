package dev.assay.catalog.os;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Declared licenses from a Debian {@code usr/share/doc/<package>/copyright} file. A machine-readable file
 * (DEP-5, first field {@code Format:}) names each license in {@code License:} fields; a free-form file
 * usually points at {@code /usr/share/common-licenses/<name>}. Debian's short names are mapped to SPDX ids
 * where the mapping is unambiguous and kept as written otherwise.
 */
final class DebianCopyright {
    /** Enough for the header and file paragraphs of every copyright file in a Debian base image. */
    static final int MAX_BYTES = 1024 * 1024;

    private static final Pattern LICENSE_FIELD =
            Pattern.compile("^License:[ \\t]*(.*)$", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern COMMON_LICENSE = Pattern.compile("/usr/share/common-licenses/([A-Za-z0-9_.+\\-]+)");
    private static final Pattern ALTERNATIVES =
            Pattern.compile("\\s+(?:or|and)\\s+|\\s*[,|&]\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXCEPTION = Pattern.compile("\\s+with\\s+.*$", Pattern.CASE_INSENSITIVE);
    private static final int MAX_NAME_LENGTH = 64;

    private static final Map<String, String> SPDX_BY_DEBIAN_NAME = Map.ofEntries(
            Map.entry("gpl-1", "GPL-1.0-only"),
            Map.entry("gpl-1+", "GPL-1.0-or-later"),
            Map.entry("gpl-2", "GPL-2.0-only"),
            Map.entry("gpl-2+", "GPL-2.0-or-later"),
            Map.entry("gpl-3", "GPL-3.0-only"),
            Map.entry("gpl-3+", "GPL-3.0-or-later"),
            Map.entry("lgpl-2", "LGPL-2.0-only"),
            Map.entry("lgpl-2+", "LGPL-2.0-or-later"),
            Map.entry("lgpl-2.1", "LGPL-2.1-only"),
            Map.entry("lgpl-2.1+", "LGPL-2.1-or-later"),
            Map.entry("lgpl-3", "LGPL-3.0-only"),
            Map.entry("lgpl-3+", "LGPL-3.0-or-later"),
            Map.entry("agpl-3", "AGPL-3.0-only"),
            Map.entry("agpl-3+", "AGPL-3.0-or-later"),
            Map.entry("gfdl-1.2", "GFDL-1.2-only"),
            Map.entry("gfdl-1.2+", "GFDL-1.2-or-later"),
            Map.entry("gfdl-1.3", "GFDL-1.3-only"),
            Map.entry("gfdl-1.3+", "GFDL-1.3-or-later"),
            Map.entry("apache-2", "Apache-2.0"),
            Map.entry("apache-2.0", "Apache-2.0"),
            Map.entry("bsd-2-clause", "BSD-2-Clause"),
            Map.entry("bsd-3-clause", "BSD-3-Clause"),
            Map.entry("bsd-4-clause", "BSD-4-Clause"),
            Map.entry("expat", "MIT"),
            Map.entry("mit", "MIT"),
            Map.entry("isc", "ISC"),
            Map.entry("zlib", "Zlib"),
            Map.entry("mpl-1.1", "MPL-1.1"),
            Map.entry("mpl-2.0", "MPL-2.0"),
            Map.entry("cc0-1.0", "CC0-1.0"),
            Map.entry("psf-2", "PSF-2.0"),
            Map.entry("bsl-1.0", "BSL-1.0"),
            Map.entry("openssl", "OpenSSL"),
            Map.entry("curl", "curl"),
            Map.entry("x11", "X11"),
            Map.entry("unicode-dfs-2016", "Unicode-DFS-2016"));

    private DebianCopyright() {}

    /** The distinct license names the file declares, sorted; empty when it declares none recognisably. */
    static List<String> licenses(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        TreeSet<String> licenses = new TreeSet<>();
        if (isMachineReadable(text)) {
            Matcher field = LICENSE_FIELD.matcher(text);
            while (field.find()) {
                for (String part : ALTERNATIVES.split(field.group(1).strip())) {
                    addNormalized(licenses, EXCEPTION.matcher(part).replaceFirst(""));
                }
            }
        } else {
            Matcher reference = COMMON_LICENSE.matcher(text);
            while (reference.find()) {
                addNormalized(licenses, reference.group(1));
            }
        }
        return List.copyOf(licenses);
    }

    /** DEP-5 requires the first paragraph to start with the Format field (Format-Specification in drafts). */
    private static boolean isMachineReadable(String text) {
        String start = text.stripLeading();
        String lower = start.substring(0, Math.min(start.length(), 32)).toLowerCase(Locale.ROOT);
        return lower.startsWith("format:") || lower.startsWith("format-specification:");
    }

    private static void addNormalized(TreeSet<String> licenses, String raw) {
        String name = raw.strip();
        while (name.endsWith(".") || name.endsWith(";")) {
            name = name.substring(0, name.length() - 1).strip();
        }
        if (name.startsWith("(")) {
            name = name.substring(1).strip();
        }
        if (name.endsWith(")")) {
            name = name.substring(0, name.length() - 1).strip();
        }
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.equalsIgnoreCase("none")) {
            return;
        }
        licenses.add(SPDX_BY_DEBIAN_NAME.getOrDefault(name.toLowerCase(Locale.ROOT), name));
    }
}
