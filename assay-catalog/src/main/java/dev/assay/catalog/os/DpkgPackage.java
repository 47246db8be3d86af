package dev.assay.catalog.os;

import dev.assay.catalog.spi.Words;
import dev.assay.model.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One installed package from the dpkg database, decoded from its control stanza.
 *
 * @param sourceName the source package: the {@code Source} field's name, else the binary package's own name
 * @param sourceVersion the source version: the {@code Source} field's {@code (version)}, else the package version
 * @param upstream the purl {@code upstream} qualifier: empty without a {@code Source} field, else the source
 *     name, followed by {@code @version} when the source version differs from the binary's (as syft writes it)
 * @param status the dpkg state word ({@code installed}, {@code unpacked}, ...), {@code installed} when the
 *     stanza has no Status field (distroless {@code status.d} entries omit it)
 * @param depends the {@code Pre-Depends} and {@code Depends} clauses
 */
record DpkgPackage(
        String name,
        String version,
        String architecture,
        String sourceName,
        String sourceVersion,
        String upstream,
        String maintainer,
        String status,
        List<List<DebianRelation>> depends,
        List<DebianRelation> provides,
        Location location) {

    // Debian policy allows [a-z0-9][a-z0-9+.-]+ for names and [epoch:]upstream[-revision] with a small
    // alphabet for versions; bounding the length keeps a hostile multi-megabyte Version line out of purls.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9+.\\-_]{0,127}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9.+~:_\\-]{1,256}");
    private static final Pattern ARCHITECTURE = Pattern.compile("[A-Za-z0-9\\-_]{1,64}");

    /**
     * The dpkg states in which the package's files are on disk. {@code config-files} (removed, configuration
     * kept) and {@code not-installed} are left out. A package marked for removal ({@code deinstall ok
     * installed}) or held ({@code hold ok installed}) is still installed, and so is one whose configuration
     * failed half-way: its code is present and can be vulnerable.
     */
    private static final Set<String> FILES_PRESENT = Set.of(
            "installed", "triggers-awaited", "triggers-pending", "half-configured", "unpacked", "half-installed");

    DpkgPackage {
        depends = List.copyOf(depends);
        provides = List.copyOf(provides);
    }

    /** What one stanza decodes to. */
    sealed interface Decoded {}

    record Installed(DpkgPackage dpkgPackage) implements Decoded {}

    record NotInstalled() implements Decoded {}

    record Malformed(String reason) implements Decoded {}

    static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    static Decoded decode(ControlStanza stanza, Location location) {
        String where = "stanza at line " + stanza.line();
        String name = stanza.field("Package").orElse("");
        if (name.isEmpty()) {
            return new Malformed(where + " has no Package field");
        }
        if (!isValidName(name)) {
            return new Malformed(where + " has an invalid Package name '" + ControlStanza.shorten(name) + "'");
        }
        String status = stanza.field("Status").map(DpkgPackage::stateWord).orElse("installed");
        if (!FILES_PRESENT.contains(status)) {
            return new NotInstalled();
        }
        String version = stanza.field("Version").orElse("");
        if (!VERSION.matcher(version).matches()) {
            return new Malformed(
                    where + " (" + name + ") has no valid Version: '" + ControlStanza.shorten(version) + "'");
        }
        String architecture = stanza.field("Architecture").orElse("");
        if (!architecture.isEmpty() && !ARCHITECTURE.matcher(architecture).matches()) {
            return new Malformed(where + " (" + name + ") has an invalid Architecture '"
                    + ControlStanza.shorten(architecture) + "'");
        }
        String declaredSource = stanza.field("Source").orElse("");
        String sourceName = name;
        String sourceVersion = version;
        if (!declaredSource.isEmpty()) {
            // "Source: glibc" or "Source: glibc (2.36-9)" when the source version differs from the binary's.
            String[] parts = Words.split(declaredSource, 2).toArray(String[]::new);
            if (!isValidName(parts[0])) {
                return new Malformed(where + " (" + name + ") has an invalid Source '"
                        + ControlStanza.shorten(declaredSource) + "'");
            }
            sourceName = parts[0];
            if (parts.length == 2) {
                String inParentheses = parts[1].strip();
                if (inParentheses.startsWith("(") && inParentheses.endsWith(")")) {
                    String candidate = inParentheses
                            .substring(1, inParentheses.length() - 1)
                            .strip();
                    if (!VERSION.matcher(candidate).matches()) {
                        return new Malformed(where + " (" + name + ") has an invalid Source version '"
                                + ControlStanza.shorten(candidate) + "'");
                    }
                    sourceVersion = candidate;
                }
            }
        }
        List<List<DebianRelation>> depends = new ArrayList<>();
        depends.addAll(DebianRelation.parseField(stanza.field("Pre-Depends").orElse("")));
        depends.addAll(DebianRelation.parseField(stanza.field("Depends").orElse("")));
        List<DebianRelation> provides = new ArrayList<>();
        for (List<DebianRelation> clause :
                DebianRelation.parseField(stanza.field("Provides").orElse(""))) {
            provides.addAll(clause);
        }
        return new Installed(new DpkgPackage(
                name.toLowerCase(Locale.ROOT),
                version,
                architecture.toLowerCase(Locale.ROOT),
                sourceName.toLowerCase(Locale.ROOT),
                sourceVersion,
                declaredSource.isEmpty()
                        ? ""
                        : sourceName.toLowerCase(Locale.ROOT)
                                + (sourceVersion.equals(version) ? "" : "@" + sourceVersion),
                ControlStanza.shorten(stanza.field("Maintainer").orElse("").replace('\n', ' '), 256),
                status,
                depends,
                provides,
                location));
    }

    /** The third word of {@code Status: want flag state}. */
    private static String stateWord(String status) {
        List<String> words = Words.split(status.strip());
        return words.size() == 3 ? words.get(2).toLowerCase(Locale.ROOT) : "";
    }
}
