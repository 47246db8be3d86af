package dev.assay.catalog.os;

import dev.assay.catalog.spi.CatalogContext;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.CatalogTag;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.catalog.spi.FileResolver;
import dev.assay.catalog.spi.PathPattern;
import dev.assay.model.AssayException;
import dev.assay.model.Component;
import dev.assay.model.Distro;
import dev.assay.model.Evidence;
import dev.assay.model.Location;
import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Unknown;
import dev.assay.model.untrusted.BoundedInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installed Debian packages from the dpkg database: {@code var/lib/dpkg/status}, and the one-file-per-package
 * {@code var/lib/dpkg/status.d/} that distroless images use instead. All files of one database are read
 * together so that dependency edges can cross files; licenses come from each package's copyright file.
 */
public final class DpkgDbCataloger implements Cataloger {
    public static final String ID = "dpkg-db-cataloger";

    private static final Logger LOG = LoggerFactory.getLogger(DpkgDbCataloger.class);
    private static final String DATABASE_DIRECTORY = "var/lib/dpkg/";
    private static final PathPattern DATABASE =
            PathPattern.anyOf("**/var/lib/dpkg/status", "**/var/lib/dpkg/status.d/*");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<CatalogTag> tags() {
        return EnumSet.of(CatalogTag.IMAGE, CatalogTag.ECOSYSTEM_OS, CatalogTag.INSTALLED);
    }

    @Override
    public CatalogResult catalog(CatalogContext context, FileResolver files) {
        // One rootfs normally has one database; a directory holding several root filesystems has one each.
        Map<String, List<Location>> databasesByRoot = new TreeMap<>();
        for (Location location : files.files(DATABASE)) {
            if (location.path().endsWith(".md5sums")) {
                continue;
            }
            int at = location.path().lastIndexOf(DATABASE_DIRECTORY);
            String root = location.path().substring(0, at);
            databasesByRoot.computeIfAbsent(root, ignored -> new ArrayList<>()).add(location);
        }
        CatalogResult result = CatalogResult.EMPTY;
        for (Map.Entry<String, List<Location>> database : databasesByRoot.entrySet()) {
            result = result.plus(catalogDatabase(context, files, database.getKey(), database.getValue()));
        }
        return result;
    }

    private CatalogResult catalogDatabase(
            CatalogContext context, FileResolver files, String root, List<Location> locations) {
        Map<String, DpkgPackage> packages = new LinkedHashMap<>();
        List<Unknown> unknowns = new ArrayList<>();
        for (Location location : locations) {
            try {
                readDatabaseFile(context, files, location, packages, unknowns);
            } catch (AssayException e) {
                unknowns.add(new Unknown(location, ID, e.getMessage()));
            } catch (IOException | UncheckedIOException e) {
                unknowns.add(new Unknown(location, ID, "cannot read: " + e.getMessage()));
            } catch (RuntimeException e) {
                LOG.debug("{} failed on {}", ID, location, e);
                unknowns.add(new Unknown(
                        location,
                        ID,
                        "could not be parsed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
            }
        }
        Optional<Distro> distro = context.distribution();
        Map<DpkgPackage, Purl> purls = new LinkedHashMap<>();
        for (DpkgPackage dpkgPackage : packages.values()) {
            purls.put(dpkgPackage, purl(dpkgPackage, distro.orElse(null)));
        }
        LicenseLookup licenses = new LicenseLookup(files, root);
        List<Component> components = new ArrayList<>();
        for (Map.Entry<DpkgPackage, Purl> entry : purls.entrySet()) {
            components.add(component(entry.getKey(), entry.getValue(), distro.orElse(null), licenses));
        }
        return new CatalogResult(components, relationships(purls), unknowns);
    }

    private static void readDatabaseFile(
            CatalogContext context,
            FileResolver files,
            Location location,
            Map<String, DpkgPackage> packages,
            List<Unknown> unknowns)
            throws IOException {
        byte[] bytes;
        try (InputStream stream = files.open(location)) {
            bytes = BoundedInput.readAll(stream, context.limits().maxFileBytes(), location.path());
        }
        // Malformed UTF-8 (a Latin-1 maintainer name in an old database) becomes U+FFFD, never a failure.
        ControlStanza.ProblemLog problems = new ControlStanza.ProblemLog();
        for (ControlStanza stanza : ControlStanza.parseAll(new String(bytes, StandardCharsets.UTF_8), problems)) {
            switch (DpkgPackage.decode(stanza, location)) {
                case DpkgPackage.Installed installed -> {
                    DpkgPackage dpkgPackage = installed.dpkgPackage();
                    packages.putIfAbsent(dpkgPackage.name() + ":" + dpkgPackage.architecture(), dpkgPackage);
                }
                case DpkgPackage.NotInstalled ignored -> {}
                case DpkgPackage.Malformed malformed -> problems.add(malformed.reason());
            }
        }
        for (String problem : problems.summary()) {
            unknowns.add(new Unknown(location, ID, problem));
        }
    }

    static Purl purl(DpkgPackage dpkgPackage, Distro distro) {
        Map<String, String> qualifiers = new HashMap<>();
        qualifiers.put("arch", dpkgPackage.architecture());
        qualifiers.put("upstream", dpkgPackage.upstream());
        if (distro != null) {
            qualifiers.put("distro", distro.purlQualifier());
        }
        // Without os-release the package is still a Debian-format package; "debian" is the purl spec's
        // default namespace for the deb type.
        String namespace = distro == null ? "debian" : distro.id();
        return Purl.of(PackageType.DEB, namespace, dpkgPackage.name(), dpkgPackage.version(), qualifiers);
    }

    private static Component component(DpkgPackage dpkgPackage, Purl purl, Distro distro, LicenseLookup licenses) {
        Component.Builder builder = Component.builder(purl)
                .evidence(new Evidence(
                        ID,
                        dpkgPackage.location(),
                        dpkgPackage.location().path().contains("status.d/") ? "dpkg status.d" : "dpkg status"))
                .licenses(licenses.of(dpkgPackage.name()))
                .property(OsPackageProperties.SOURCE_PACKAGE, dpkgPackage.sourceName())
                .property(OsPackageProperties.SOURCE_VERSION, dpkgPackage.sourceVersion())
                .property(OsPackageProperties.ARCH, dpkgPackage.architecture())
                .property(OsPackageProperties.MAINTAINER, dpkgPackage.maintainer());
        OsPackageProperties.distro(distro).ifPresent(value -> builder.property(OsPackageProperties.DISTRO, value));
        if (!dpkgPackage.status().equals("installed")) {
            builder.property("assay:dpkg-status", dpkgPackage.status());
        }
        return builder.build();
    }

    /**
     * Depends and Pre-Depends edges to the installed packages that satisfy them: for {@code a | b} the first
     * alternative that is installed (by name, else through a package that Provides it), matching the
     * architecture qualifier ({@code :any}, {@code :native}, {@code :amd64}) where several architectures are
     * installed.
     */
    static List<Relationship> relationships(Map<DpkgPackage, Purl> purls) {
        Map<String, List<DpkgPackage>> byName = new HashMap<>();
        Map<String, List<DpkgPackage>> byProvided = new HashMap<>();
        for (DpkgPackage dpkgPackage : purls.keySet()) {
            byName.computeIfAbsent(dpkgPackage.name(), ignored -> new ArrayList<>())
                    .add(dpkgPackage);
            for (DebianRelation provided : dpkgPackage.provides()) {
                byProvided
                        .computeIfAbsent(provided.name(), ignored -> new ArrayList<>())
                        .add(dpkgPackage);
            }
        }
        TreeSet<Relationship> edges = new TreeSet<>();
        for (Map.Entry<DpkgPackage, Purl> entry : purls.entrySet()) {
            DpkgPackage from = entry.getKey();
            for (List<DebianRelation> clause : from.depends()) {
                for (DebianRelation alternative : clause) {
                    List<DpkgPackage> targets = satisfying(from, alternative, byName, byProvided);
                    if (!targets.isEmpty()) {
                        for (DpkgPackage target : targets) {
                            if (!target.equals(from)) {
                                edges.add(Relationship.dependsOn(entry.getValue(), purls.get(target)));
                            }
                        }
                        break;
                    }
                }
            }
        }
        return List.copyOf(edges);
    }

    private static List<DpkgPackage> satisfying(
            DpkgPackage from,
            DebianRelation relation,
            Map<String, List<DpkgPackage>> byName,
            Map<String, List<DpkgPackage>> byProvided) {
        List<DpkgPackage> real = byArchitecture(from, relation, byName.getOrDefault(relation.name(), List.of()));
        if (!real.isEmpty()) {
            return real;
        }
        return byArchitecture(from, relation, byProvided.getOrDefault(relation.name(), List.of()));
    }

    private static List<DpkgPackage> byArchitecture(
            DpkgPackage from, DebianRelation relation, List<DpkgPackage> candidates) {
        if (candidates.size() <= 1) {
            return candidates;
        }
        String wanted = relation.architecture();
        String architecture =
                wanted.isEmpty() || wanted.equals("any") || wanted.equals("native") ? from.architecture() : wanted;
        List<DpkgPackage> matching = candidates.stream()
                .filter(candidate -> candidate.architecture().equals(architecture)
                        || candidate.architecture().equals("all"))
                .toList();
        return matching.isEmpty() ? candidates : matching;
    }

    /**
     * Reads each package's {@code usr/share/doc/<name>/copyright} through the resolver (so a link can never
     * leave the root), at most {@link DebianCopyright#MAX_BYTES} of it, once per resolved file: many
     * packages' doc directories are links to one shared directory.
     */
    private static final class LicenseLookup {
        private final FileResolver files;
        private final String root;
        private final Map<String, List<String>> byResolvedPath = new HashMap<>();
        private final Set<String> unreadable = new HashSet<>();

        LicenseLookup(FileResolver files, String root) {
            this.files = files;
            this.root = root;
        }

        List<String> of(String packageName) {
            Optional<Location> copyright = files.resolve(root + "usr/share/doc/" + packageName + "/copyright");
            if (copyright.isEmpty()) {
                return List.of();
            }
            String path = copyright.get().path();
            if (unreadable.contains(path)) {
                return List.of();
            }
            List<String> cached = byResolvedPath.get(path);
            if (cached != null) {
                return cached;
            }
            try (InputStream stream = files.open(copyright.get())) {
                List<String> licenses = DebianCopyright.licenses(stream.readNBytes(DebianCopyright.MAX_BYTES));
                byResolvedPath.put(path, licenses);
                return licenses;
            } catch (IOException | RuntimeException e) {
                // Licenses are secondary facts: an unreadable copyright file costs the license, not the package.
                LOG.debug("cannot read {}", path, e);
                unreadable.add(path);
                return List.of();
            }
        }
    }
}
