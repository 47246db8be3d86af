package dev.assay.catalog.os;

import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.model.Component;
import dev.assay.model.Distro;
import dev.assay.model.Location;
import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.UnableToParseException;
import dev.assay.model.Unknown;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Installed rpm packages from the rpm database, in any of its three formats: SQLite ({@code rpmdb.sqlite}:
 * Fedora 33+, RHEL 9, Amazon Linux 2023), Berkeley DB hash ({@code Packages}: RHEL/CentOS 7 and 8, Amazon
 * Linux 2) and NDB ({@code Packages.db}: SUSE). Each stores one header blob per installed package; each format
 * has its own bounds-checked reader here, and the header blobs, purls and dependency graph are shared.
 */
final class RpmDbParser {
    static final String ID = "rpm-db-cataloger";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_+][A-Za-z0-9+._\\-]{0,255}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9.+~^_]{1,128}");
    private static final Pattern ARCHITECTURE = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

    private static final Map<String, String> NAMESPACE_BY_DISTRO_ID = Map.of(
            "rhel", "redhat",
            "opensuse-leap", "opensuse",
            "opensuse-tumbleweed", "opensuse",
            "opensuse-microos", "opensuse",
            "sles", "suse",
            "sle-micro", "suse");

    private RpmDbParser() {}

    /** One installed package, from its header. */
    record RpmPackage(
            String name,
            OptionalLong epoch,
            String version,
            String release,
            String architecture,
            String license,
            String vendor,
            String sourceRpm,
            String modularityLabel,
            List<String> provides,
            List<String> requires,
            RpmHeader header) {

        String versionRelease() {
            return version + "-" + release;
        }
    }

    /** The SQLite database: each row of its {@code Packages} table holds one header blob. */
    static CatalogResult parseSqlite(ParseInput input) throws IOException {
        List<Unknown> unknowns = new ArrayList<>();
        Optional<Location> wal = input.files().resolve(input.location().path() + "-wal");
        if (wal.isPresent() && input.files().size(wal.get()) > 0) {
            unknowns.add(new Unknown(
                    input.location(),
                    input.catalogerId(),
                    "the SQLite write-ahead log " + wal.get().path() + " holds changes that were never checkpointed;"
                            + " packages installed or removed since the last checkpoint may be missing or stale"));
        }
        SqliteDatabase database =
                SqliteDatabase.open(input.bytes(), input.location().path());
        ControlStanza.ProblemLog problems = new ControlStanza.ProblemLog();
        int root = database.tableRootPage("Packages", problems::add)
                .orElseThrow(() -> new UnableToParseException(
                        input.location().path() + " has no Packages table: not an rpm database",
                        input.location().path()));
        List<RpmPackage> packages = new ArrayList<>();
        database.forEachRow(
                root,
                row -> {
                    List<Object> values = row.values();
                    if (values.size() < 2 || !(values.get(1) instanceof byte[] blob)) {
                        problems.add("package row " + row.rowid() + " holds no header blob");
                        return;
                    }
                    decodeInto(packages, problems, "package row " + row.rowid(), blob);
                },
                problems::add);
        return result(input, packages, problems, unknowns);
    }

    /**
     * The Berkeley DB hash database {@code Packages} (RHEL/CentOS 7 and 8, Amazon Linux 2, UBI 8). A
     * leftover next to a newer database is ignored: rpm migrates to SQLite or NDB and may leave the old file.
     */
    static CatalogResult parseBerkeleyDb(ParseInput input) throws IOException {
        if (newerDatabaseBeside(input, "rpmdb.sqlite", "Packages.db")) {
            return CatalogResult.EMPTY;
        }
        byte[] bytes = input.bytes();
        ControlStanza.ProblemLog problems = new ControlStanza.ProblemLog();
        BerkeleyDbHashDatabase database =
                BerkeleyDbHashDatabase.open(bytes, input.location().path(), problems::add);
        List<RpmPackage> packages = new ArrayList<>();
        database.forEachHeaderBlob(
                (instance, blob) -> decodeInto(packages, problems, "package instance " + instance, blob),
                problems::add);
        return result(input, packages, problems, new ArrayList<>());
    }

    /** The NDB database {@code Packages.db} (SUSE, openSUSE); ignored next to a newer SQLite one. */
    static CatalogResult parseNdb(ParseInput input) throws IOException {
        if (newerDatabaseBeside(input, "rpmdb.sqlite")) {
            return CatalogResult.EMPTY;
        }
        NdbPackageDatabase database =
                NdbPackageDatabase.open(input.bytes(), input.location().path());
        ControlStanza.ProblemLog problems = new ControlStanza.ProblemLog();
        List<RpmPackage> packages = new ArrayList<>();
        database.forEachHeaderBlob(
                (instance, blob) -> decodeInto(packages, problems, "package " + instance, blob), problems::add);
        return result(input, packages, problems, new ArrayList<>());
    }

    private static boolean newerDatabaseBeside(ParseInput input, String... newerNames) {
        String path = input.location().path();
        String directory = path.substring(0, path.lastIndexOf('/') + 1);
        for (String newer : newerNames) {
            if (input.files().resolve(directory + newer).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static void decodeInto(
            List<RpmPackage> packages, ControlStanza.ProblemLog problems, String where, byte[] blob) {
        try {
            decode(RpmHeader.parse(blob)).ifPresent(packages::add);
        } catch (RpmHeader.MalformedHeaderException e) {
            problems.add(where + ": " + e.getMessage());
        }
    }

    private static CatalogResult result(
            ParseInput input, List<RpmPackage> packages, ControlStanza.ProblemLog problems, List<Unknown> unknowns) {
        Distro distro = input.context().distribution().orElse(null);
        Map<RpmPackage, Purl> purls = new LinkedHashMap<>();
        List<Component> components = new ArrayList<>();
        for (RpmPackage rpmPackage : packages) {
            Purl purl = purl(rpmPackage, distro);
            purls.put(rpmPackage, purl);
            components.add(component(input, rpmPackage, purl, distro));
        }
        List<Relationship> relationships = relationships(purls, problems);
        for (String problem : problems.summary()) {
            unknowns.add(new Unknown(input.location(), input.catalogerId(), problem));
        }
        return new CatalogResult(components, relationships, unknowns);
    }

    /** The package, or empty for rpm's imported signing keys ({@code gpg-pubkey}), which are not software. */
    static Optional<RpmPackage> decode(RpmHeader header) {
        String name = header.string(RpmHeader.NAME).orElse("");
        if (!NAME.matcher(name).matches()) {
            throw new RpmHeader.MalformedHeaderException(
                    "invalid or missing NAME '" + ControlStanza.shorten(name) + "'");
        }
        if (name.equals("gpg-pubkey")) {
            return Optional.empty();
        }
        String version = header.string(RpmHeader.VERSION).orElse("");
        String release = header.string(RpmHeader.RELEASE).orElse("");
        if (!VERSION.matcher(version).matches() || !VERSION.matcher(release).matches()) {
            throw new RpmHeader.MalformedHeaderException(name + " has an invalid VERSION or RELEASE '"
                    + ControlStanza.shorten(version) + "-" + ControlStanza.shorten(release) + "'");
        }
        OptionalLong epoch = header.int32(RpmHeader.EPOCH);
        if (epoch.isPresent() && epoch.getAsLong() < 0) {
            throw new RpmHeader.MalformedHeaderException(name + " has a negative EPOCH");
        }
        String architecture = header.string(RpmHeader.ARCH).orElse("");
        if (!architecture.isEmpty() && !ARCHITECTURE.matcher(architecture).matches()) {
            architecture = "";
        }
        return Optional.of(new RpmPackage(
                name,
                epoch,
                version,
                release,
                architecture,
                ControlStanza.shorten(header.string(RpmHeader.LICENSE).orElse(""), 512),
                ControlStanza.shorten(header.string(RpmHeader.VENDOR).orElse(""), 256),
                ControlStanza.shorten(header.string(RpmHeader.SOURCERPM).orElse(""), 512),
                ControlStanza.shorten(header.string(RpmHeader.MODULARITYLABEL).orElse(""), 256),
                header.strings(RpmHeader.PROVIDENAME),
                header.strings(RpmHeader.REQUIRENAME),
                header));
    }

    static Purl purl(RpmPackage rpmPackage, Distro distro) {
        Map<String, String> qualifiers = new HashMap<>();
        qualifiers.put("arch", rpmPackage.architecture());
        // The purl spec puts the epoch in a qualifier for rpm, not in the version.
        rpmPackage.epoch().ifPresent(epoch -> qualifiers.put("epoch", Long.toString(epoch)));
        qualifiers.put("upstream", rpmPackage.sourceRpm());
        if (distro != null) {
            qualifiers.put("distro", distro.purlQualifier());
        }
        return Purl.of(
                PackageType.RPM,
                namespace(distro, rpmPackage.vendor()),
                rpmPackage.name(),
                rpmPackage.versionRelease(),
                qualifiers);
    }

    /** The distro id (rhel is "redhat" in purls, as syft and trivy write it), else a guess from the vendor. */
    static String namespace(Distro distro, String vendor) {
        if (distro != null) {
            return NAMESPACE_BY_DISTRO_ID.getOrDefault(distro.id(), distro.id());
        }
        String lower = vendor.toLowerCase(Locale.ROOT);
        if (lower.startsWith("red hat")) {
            return "redhat";
        }
        for (String known : List.of("fedora", "centos", "rocky", "almalinux", "opensuse", "suse", "oracle", "amazon")) {
            if (lower.startsWith(known)) {
                return switch (known) {
                    case "oracle" -> "ol";
                    case "amazon" -> "amzn";
                    default -> known;
                };
            }
        }
        return "";
    }

    private static Component component(ParseInput input, RpmPackage rpmPackage, Purl purl, Distro distro) {
        String epochPrefix = rpmPackage.epoch().isPresent() ? rpmPackage.epoch().getAsLong() + ":" : "";
        Component.Builder builder = input.component(purl, "rpm database header")
                .version(epochPrefix + rpmPackage.versionRelease())
                .license(rpmPackage.license())
                .property(OsPackageProperties.ARCH, rpmPackage.architecture())
                .property("assay:vendor", rpmPackage.vendor())
                .property("assay:rpm-modularity-label", rpmPackage.modularityLabel());
        sourceNameAndVersion(rpmPackage.sourceRpm()).ifPresent(source -> {
            builder.property(OsPackageProperties.SOURCE_PACKAGE, source[0]);
            // The source rpm's file name has no epoch; it is the binary's, as grype assumes too.
            builder.property(OsPackageProperties.SOURCE_VERSION, epochPrefix + source[1]);
        });
        OsPackageProperties.distro(distro).ifPresent(value -> builder.property(OsPackageProperties.DISTRO, value));
        return builder.build();
    }

    /** {@code openssl-3.0.7-24.el9.src.rpm} is {@code [openssl, 3.0.7-24.el9]}. */
    static Optional<String[]> sourceNameAndVersion(String sourceRpm) {
        String base;
        if (sourceRpm.endsWith(".src.rpm")) {
            base = sourceRpm.substring(0, sourceRpm.length() - ".src.rpm".length());
        } else if (sourceRpm.endsWith(".nosrc.rpm")) {
            base = sourceRpm.substring(0, sourceRpm.length() - ".nosrc.rpm".length());
        } else {
            return Optional.empty();
        }
        int releaseDash = base.lastIndexOf('-');
        int versionDash = releaseDash <= 0 ? -1 : base.lastIndexOf('-', releaseDash - 1);
        if (versionDash <= 0) {
            return Optional.empty();
        }
        return Optional.of(new String[] {base.substring(0, versionDash), base.substring(versionDash + 1)});
    }

    /**
     * Requires edges: a requirement names a capability some installed package provides ({@code
     * libc.so.6()(64bit)}, {@code perl(Carp)}, a package name) or a file some package owns ({@code /bin/sh}).
     * rpm's internal {@code rpmlib(...)} features give no edge.
     */
    private static List<Relationship> relationships(Map<RpmPackage, Purl> purls, ControlStanza.ProblemLog problems) {
        Map<String, List<RpmPackage>> providers = new HashMap<>();
        Set<String> requiredFiles = new HashSet<>();
        for (RpmPackage rpmPackage : purls.keySet()) {
            providers
                    .computeIfAbsent(rpmPackage.name(), ignored -> new ArrayList<>())
                    .add(rpmPackage);
            for (String provided : rpmPackage.provides()) {
                providers
                        .computeIfAbsent(provided, ignored -> new ArrayList<>())
                        .add(rpmPackage);
            }
            for (String required : rpmPackage.requires()) {
                if (required.startsWith("/")) {
                    requiredFiles.add(required);
                }
            }
        }
        Map<String, List<RpmPackage>> fileOwners = new HashMap<>();
        if (!requiredFiles.isEmpty()) {
            for (RpmPackage rpmPackage : purls.keySet()) {
                try {
                    for (String file : files(rpmPackage.header())) {
                        if (requiredFiles.contains(file)) {
                            fileOwners
                                    .computeIfAbsent(file, ignored -> new ArrayList<>())
                                    .add(rpmPackage);
                        }
                    }
                } catch (RpmHeader.MalformedHeaderException e) {
                    problems.add(rpmPackage.name() + ": file list unreadable: " + e.getMessage());
                }
            }
        }
        TreeSet<Relationship> edges = new TreeSet<>();
        for (Map.Entry<RpmPackage, Purl> entry : purls.entrySet()) {
            RpmPackage from = entry.getKey();
            for (String required : from.requires()) {
                if (required.startsWith("rpmlib(")) {
                    continue;
                }
                List<RpmPackage> targets = providers.get(required);
                if (targets == null) {
                    targets = fileOwners.getOrDefault(required, List.of());
                }
                for (RpmPackage target : targets) {
                    if (!target.equals(from)) {
                        edges.add(Relationship.dependsOn(entry.getValue(), purls.get(target)));
                    }
                }
            }
        }
        return List.copyOf(edges);
    }

    /** The package's files: {@code DIRNAMES[DIRINDEXES[i]] + BASENAMES[i]}. */
    private static List<String> files(RpmHeader header) {
        List<String> basenames = header.strings(RpmHeader.BASENAMES);
        if (basenames.isEmpty()) {
            return List.of();
        }
        List<String> dirnames = header.strings(RpmHeader.DIRNAMES);
        int[] dirIndexes = header.int32s(RpmHeader.DIRINDEXES);
        if (dirIndexes.length != basenames.size()) {
            throw new RpmHeader.MalformedHeaderException("BASENAMES and DIRINDEXES differ in length");
        }
        List<String> files = new ArrayList<>(basenames.size());
        for (int index = 0; index < basenames.size(); index++) {
            int dirIndex = dirIndexes[index];
            if (dirIndex < 0 || dirIndex >= dirnames.size()) {
                throw new RpmHeader.MalformedHeaderException("DIRINDEXES entry " + dirIndex + " is out of range");
            }
            files.add(dirnames.get(dirIndex) + basenames.get(index));
        }
        return files;
    }
}
