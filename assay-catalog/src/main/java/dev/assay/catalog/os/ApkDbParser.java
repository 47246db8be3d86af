package dev.assay.catalog.os;

import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.catalog.spi.Words;
import dev.assay.model.Component;
import dev.assay.model.Distro;
import dev.assay.model.HashAlgorithm;
import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Unknown;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Parses Alpine's installed database, {@code lib/apk/db/installed}: one record per package, separated by
 * blank lines, each line a one-letter key, a colon and a value ({@code P:} name, {@code V:} version,
 * {@code A:} arch, {@code L:} license, {@code o:} origin, {@code C:} checksum, {@code D:} depends,
 * {@code p:} provides, {@code m:} maintainer, {@code t:} build time; file lists are skipped).
 */
final class ApkDbParser {
    static final String ID = "apk-db-cataloger";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9+._\\-]{0,127}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9.+~_\\-]{1,128}");
    private static final Pattern ARCHITECTURE = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");
    private static final Pattern SPDX_OPERATOR = Pattern.compile("\\b(AND|OR|WITH)\\b|[()]");

    private ApkDbParser() {}

    /** One installed package, as the fields of its record say. */
    record ApkPackage(
            String name,
            String version,
            String architecture,
            String license,
            String origin,
            String checksum,
            String maintainer,
            String buildTime,
            List<String> depends,
            List<String> provides) {}

    static CatalogResult parse(ParseInput input) throws IOException {
        String text = input.text();
        ControlStanza.ProblemLog problems = new ControlStanza.ProblemLog();
        Map<String, ApkPackage> packages = new LinkedHashMap<>();
        Map<String, String> fields = new HashMap<>();
        int recordStart = 1;
        int lineNumber = 0;
        for (String rawLine : text.split("\n", -1)) {
            lineNumber++;
            String line = rawLine.endsWith("\r") ? rawLine.substring(0, rawLine.length() - 1) : rawLine;
            if (line.isBlank()) {
                finish(fields, recordStart, packages, problems);
                fields.clear();
                recordStart = lineNumber + 1;
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != ':') {
                problems.add("line " + lineNumber + ": not a 'K:value' line");
                continue;
            }
            // File lists (F:, R:, Z:, a:, M:) repeat per file; only the first value of each package field counts.
            fields.putIfAbsent(line.substring(0, 1), line.substring(2));
        }
        finish(fields, recordStart, packages, problems);

        Distro distro = input.context().distribution().orElse(null);
        Map<String, Purl> purls = new LinkedHashMap<>();
        List<Component> components = new ArrayList<>();
        for (ApkPackage apkPackage : packages.values()) {
            Purl purl = purl(apkPackage, distro);
            purls.put(apkPackage.name(), purl);
            components.add(component(input, apkPackage, purl, distro));
        }
        List<Unknown> unknowns = new ArrayList<>();
        for (String problem : problems.summary()) {
            unknowns.add(new Unknown(input.location(), input.catalogerId(), problem));
        }
        return new CatalogResult(components, relationships(packages, purls), unknowns);
    }

    private static void finish(
            Map<String, String> fields, int line, Map<String, ApkPackage> packages, ControlStanza.ProblemLog problems) {
        if (fields.isEmpty()) {
            return;
        }
        String where = "record at line " + line;
        String name = fields.getOrDefault("P", "").strip();
        if (name.isEmpty()) {
            problems.add(where + " has no P: (package name)");
            return;
        }
        if (!NAME.matcher(name).matches()) {
            problems.add(where + " has an invalid package name '" + ControlStanza.shorten(name) + "'");
            return;
        }
        String version = fields.getOrDefault("V", "").strip();
        if (!VERSION.matcher(version).matches()) {
            problems.add(where + " (" + name + ") has no valid V: (version) '" + ControlStanza.shorten(version) + "'");
            return;
        }
        String architecture = fields.getOrDefault("A", "").strip();
        if (!architecture.isEmpty() && !ARCHITECTURE.matcher(architecture).matches()) {
            architecture = "";
        }
        String origin = fields.getOrDefault("o", "").strip();
        if (!NAME.matcher(origin).matches()) {
            origin = name;
        }
        packages.putIfAbsent(
                name,
                new ApkPackage(
                        name,
                        version,
                        architecture,
                        ControlStanza.shorten(fields.getOrDefault("L", "").strip(), 512),
                        origin,
                        fields.getOrDefault("C", "").strip(),
                        ControlStanza.shorten(fields.getOrDefault("m", "").strip(), 256),
                        buildTime(fields.getOrDefault("t", "")),
                        words(fields.getOrDefault("D", "")),
                        words(fields.getOrDefault("p", ""))));
    }

    static Purl purl(ApkPackage apkPackage, Distro distro) {
        Map<String, String> qualifiers = new HashMap<>();
        qualifiers.put("arch", apkPackage.architecture());
        if (!apkPackage.origin().equals(apkPackage.name())) {
            qualifiers.put("upstream", apkPackage.origin());
        }
        if (distro != null) {
            qualifiers.put("distro", distro.purlQualifier());
        }
        // Wolfi and Chainguard images use the same database; their distro id is the namespace.
        String namespace = distro == null ? "alpine" : distro.id();
        return Purl.of(PackageType.APK, namespace, apkPackage.name(), apkPackage.version(), qualifiers);
    }

    private static Component component(ParseInput input, ApkPackage apkPackage, Purl purl, Distro distro) {
        Component.Builder builder = input.component(purl, "apk installed database")
                .licenses(licenses(apkPackage.license()))
                .property(OsPackageProperties.SOURCE_PACKAGE, apkPackage.origin())
                .property(OsPackageProperties.SOURCE_VERSION, apkPackage.version())
                .property(OsPackageProperties.ARCH, apkPackage.architecture())
                .property(OsPackageProperties.MAINTAINER, apkPackage.maintainer())
                .property("assay:build-time", apkPackage.buildTime());
        OsPackageProperties.distro(distro).ifPresent(value -> builder.property(OsPackageProperties.DISTRO, value));
        checksum(apkPackage.checksum(), builder);
        return builder.build();
    }

    /**
     * {@code C:} identifies the package's control data: {@code Q1} + base64 is a SHA-1, {@code Q2} + base64 a
     * SHA-256 (apk v3); anything else, including malformed base64, is left out rather than guessed.
     */
    private static void checksum(String checksum, Component.Builder builder) {
        if (checksum.length() < 3 || checksum.charAt(0) != 'Q') {
            return;
        }
        byte[] digest;
        try {
            digest = Base64.getDecoder().decode(checksum.substring(2));
        } catch (IllegalArgumentException e) {
            return;
        }
        if (checksum.charAt(1) == '1' && digest.length == 20) {
            builder.hash(HashAlgorithm.SHA1, HexFormat.of().formatHex(digest));
        } else if (checksum.charAt(1) == '2' && digest.length == 32) {
            builder.hash(HashAlgorithm.SHA256, HexFormat.of().formatHex(digest));
        }
    }

    /** {@code L:} is an SPDX expression ({@code MIT AND BSD-2-Clause}) or a space-separated list of names. */
    static List<String> licenses(String license) {
        if (license.isBlank()) {
            return List.of();
        }
        if (SPDX_OPERATOR.matcher(license).find()) {
            return List.of(license);
        }
        return List.copyOf(Words.split(license));
    }

    /**
     * Depends edges. A dependency names a package ({@code busybox}, {@code zlib>=1.2}), or something a package
     * provides ({@code so:libc.musl-x86_64.so.1}, {@code cmd:sh}, {@code /bin/sh}, {@code pc:zlib}); a
     * leading {@code !} is a conflict and gives no edge.
     */
    private static List<Relationship> relationships(Map<String, ApkPackage> packages, Map<String, Purl> purls) {
        Map<String, List<String>> providers = new HashMap<>();
        for (ApkPackage apkPackage : packages.values()) {
            for (String provided : apkPackage.provides()) {
                providers
                        .computeIfAbsent(withoutConstraint(provided), ignored -> new ArrayList<>())
                        .add(apkPackage.name());
            }
        }
        TreeSet<Relationship> edges = new TreeSet<>();
        for (ApkPackage apkPackage : packages.values()) {
            Purl from = purls.get(apkPackage.name());
            for (String dependency : apkPackage.depends()) {
                if (dependency.startsWith("!")) {
                    continue;
                }
                String name = withoutConstraint(dependency);
                List<String> targets =
                        packages.containsKey(name) ? List.of(name) : providers.getOrDefault(name, List.of());
                for (String target : targets) {
                    if (!target.equals(apkPackage.name())) {
                        edges.add(Relationship.dependsOn(from, purls.get(target)));
                    }
                }
            }
        }
        return List.copyOf(edges);
    }

    private static String withoutConstraint(String token) {
        for (int index = 0; index < token.length(); index++) {
            if ("<>=~".indexOf(token.charAt(index)) >= 0) {
                return token.substring(0, index);
            }
        }
        return token;
    }

    private static List<String> words(String value) {
        String stripped = value.strip();
        return stripped.isEmpty() ? List.of() : List.copyOf(Words.split(stripped));
    }

    private static String buildTime(String seconds) {
        try {
            long value = Long.parseLong(seconds.strip());
            return value > 0 && value < 32_503_680_000L
                    ? Instant.ofEpochSecond(value).toString()
                    : "";
        } catch (NumberFormatException e) {
            return "";
        }
    }
}
