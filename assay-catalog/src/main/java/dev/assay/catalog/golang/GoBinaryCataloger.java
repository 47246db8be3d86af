package dev.assay.catalog.golang;

import dev.assay.catalog.source.DirectoryFileResolver;
import dev.assay.catalog.spi.CatalogContext;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.CatalogTag;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.catalog.spi.FileResolver;
import dev.assay.catalog.spi.PathPattern;
import dev.assay.catalog.spi.SourceKind;
import dev.assay.model.AssayException;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Evidence;
import dev.assay.model.Location;
import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Unknown;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds Go executables (ELF, Mach-O, PE) and reports the modules their embedded build info names: the
 * main module as an application, every module of the build list, and the Go standard library (as {@code
 * pkg:golang/stdlib}, so that vulnerabilities of the standard library match). Files are chosen cheaply
 * first (execute bit or binary directory, then four bytes of magic); only headers and the build info are
 * read, with bounded positioned reads.
 */
public final class GoBinaryCataloger implements Cataloger {
    public static final String ID = "go-binary-cataloger";
    static final String VERSION_SOURCE = "Go build info";

    private static final Logger LOG = LoggerFactory.getLogger(GoBinaryCataloger.class);
    private static final PathPattern EVERY_FILE = PathPattern.glob("**/*");
    private static final Set<String> BINARY_DIRECTORIES = Set.of("bin", "sbin", "libexec");
    private static final List<String> NON_BINARY_PREFIXES =
            List.of("etc/", "usr/share/", "usr/include/", "var/", "usr/lib/python", "usr/local/share/");

    /** Build settings worth keeping: they explain the binary without leaking flags that may hold secrets. */
    private static final Set<String> KEPT_SETTINGS = Set.of(
            "GOOS",
            "GOARCH",
            "GOAMD64",
            "GOARM",
            "CGO_ENABLED",
            "-buildmode",
            "-compiler",
            "-tags",
            "-trimpath",
            "vcs",
            "vcs.revision",
            "vcs.time",
            "vcs.modified");

    private static final Pattern GO_RELEASE = Pattern.compile("go(\\d+(?:\\.\\d+)*(?:(?:rc|beta)\\d+)?)");
    private static final Pattern VCS_TIME = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})Z");
    private static final int MIN_EXECUTABLE_BYTES = 64;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<CatalogTag> tags() {
        return EnumSet.of(CatalogTag.ECOSYSTEM_GO, CatalogTag.INSTALLED, CatalogTag.IMAGE, CatalogTag.DIRECTORY);
    }

    @Override
    public CatalogResult catalog(CatalogContext context, FileResolver files) {
        CatalogResult result = CatalogResult.EMPTY;
        for (Location location : files.files(EVERY_FILE)) {
            if (context.sourceKind() != SourceKind.FILE && !isCandidate(files, location)) {
                continue;
            }
            result = result.plus(catalogOne(files, location));
        }
        return result;
    }

    private CatalogResult catalogOne(FileResolver files, Location location) {
        try (ResolverReaders.CloseableReader reader = ResolverReaders.open(files, location)) {
            if (reader.size() < MIN_EXECUTABLE_BYTES || !ExecutableLayout.hasExecutableMagic(reader.read(0, 4))) {
                return CatalogResult.EMPTY;
            }
            Optional<ExecutableLayout> layout;
            try {
                layout = ExecutableLayout.read(reader);
            } catch (RuntimeException e) {
                // Executable magic with headers that do not add up: not a binary we can say anything about.
                LOG.debug("{}: unreadable executable headers", location, e);
                return CatalogResult.EMPTY;
            }
            if (layout.isEmpty()) {
                return CatalogResult.EMPTY;
            }
            Optional<GoBuildInfo> buildInfo = GoBuildInfo.read(reader, layout.get(), location.path());
            return buildInfo.map(info -> fromBuildInfo(info, location)).orElse(CatalogResult.EMPTY);
        } catch (AssayException e) {
            return unknown(location, e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            return unknown(location, "cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            return unknown(
                    location,
                    "Go build info could not be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    e);
        }
    }

    private CatalogResult unknown(Location location, String reason, Exception cause) {
        LOG.debug("{} failed on {}", ID, location, cause);
        return CatalogResult.unknown(new Unknown(location, ID, reason));
    }

    CatalogResult fromBuildInfo(GoBuildInfo buildInfo, Location location) {
        Evidence evidence = new Evidence(ID, location, VERSION_SOURCE);
        GoModInfo modInfo = GoModInfo.parse(buildInfo.modInfo());
        List<Component> components = new ArrayList<>();
        List<Relationship> relationships = new ArrayList<>();
        List<Unknown> unknowns = new ArrayList<>();

        Purl main = null;
        Optional<GoModInfo.Module> mainModule = modInfo.main().map(GoBinaryCataloger::effective);
        if (mainModule.isPresent() && GoModules.isModulePath(mainModule.get().path())) {
            GoModInfo.Module module = mainModule.get();
            String version = mainVersion(module.version(), modInfo);
            main = GoModules.purl(module.path(), version);
            Component.Builder component = Component.builder(main)
                    .kind(ComponentKind.APPLICATION)
                    .evidence(evidence)
                    .group(GoModules.group(module.path()))
                    .name(GoModules.name(module.path()))
                    .property("assay:go-module-path", module.path())
                    .property("assay:go-package-path", modInfo.path())
                    .property("assay:go-version", buildInfo.goVersion())
                    .property("assay:go-h1", GoSum.isH1(module.sum()) ? module.sum() : "")
                    .property(
                            "assay:go-main-version-source",
                            version.equals(module.version()) ? "" : "pseudo-version from vcs settings");
            modInfo.settings().forEach((key, value) -> {
                if (KEPT_SETTINGS.contains(key)) {
                    component.property("assay:go-build:" + key, value);
                }
            });
            components.add(component.build());
        }

        for (GoModInfo.Module dependency : modInfo.dependencies()) {
            GoModInfo.Module module = effective(dependency);
            if (module.version().isEmpty()) {
                // Replaced by a local directory at build time: there is no module version to name.
                continue;
            }
            if (!GoModules.isModulePath(module.path()) || !GoModules.isVersion(module.version())) {
                unknowns.add(new Unknown(
                        location,
                        ID,
                        "Go build info names a malformed module " + GoModFile.printable(module.path()) + " "
                                + GoModFile.printable(module.version())));
                continue;
            }
            Purl purl = GoModules.purl(module.path(), module.version());
            Component.Builder component = Component.builder(purl)
                    .evidence(evidence)
                    .group(GoModules.group(module.path()))
                    .name(GoModules.name(module.path()))
                    .property("assay:go-module-path", module.path())
                    .property("assay:go-h1", GoSum.isH1(module.sum()) ? module.sum() : "");
            if (dependency.replacement().isPresent()) {
                component.property("assay:go-replaces", dependency.path() + "@" + dependency.version());
            }
            components.add(component.build());
            if (main != null) {
                relationships.add(Relationship.dependsOn(main, purl));
            }
        }

        Optional<Component> standardLibrary = standardLibrary(buildInfo.goVersion(), evidence);
        if (standardLibrary.isPresent()) {
            components.add(standardLibrary.get());
            if (main != null) {
                relationships.add(
                        Relationship.dependsOn(main, standardLibrary.get().purl()));
            }
        }
        return new CatalogResult(components, relationships, unknowns);
    }

    private static GoModInfo.Module effective(GoModInfo.Module module) {
        return module.replacement().orElse(module);
    }

    /**
     * {@code pkg:golang/stdlib@1.22.1}: the purl version without the {@code go} prefix, as the Go
     * vulnerability database (and syft) name standard library versions; the component keeps {@code go1.22.1}.
     */
    static Optional<Component> standardLibrary(String goVersion, Evidence evidence) {
        Matcher release = GO_RELEASE.matcher(goVersion);
        if (!release.lookingAt()) {
            // "devel go1.23-abcdef" toolchains match no released version.
            return Optional.empty();
        }
        String version = release.group(1);
        return Optional.of(Component.builder(Purl.of(PackageType.GOLANG, "", "stdlib", version))
                .version("go" + version)
                .evidence(evidence)
                .property("assay:go-version", goVersion)
                .build());
    }

    /**
     * A main module built from a checkout reports {@code (devel)}. With the VCS settings Go also embeds,
     * it gets the pseudo-version Go itself would give that commit ({@code v0.0.0-yyyymmddhhmmss-abcdefabcdef});
     * without them it stays unversioned rather than carrying "(devel)" into the purl.
     */
    static String mainVersion(String version, GoModInfo modInfo) {
        if (GoModules.isVersion(version)) {
            return version;
        }
        String revision = modInfo.settings().getOrDefault("vcs.revision", "");
        Matcher time = VCS_TIME.matcher(modInfo.settings().getOrDefault("vcs.time", ""));
        if (revision.length() >= 12 && revision.matches("[0-9a-f]+") && time.matches()) {
            String stamp =
                    time.group(1) + time.group(2) + time.group(3) + time.group(4) + time.group(5) + time.group(6);
            return "v0.0.0-" + stamp + "-" + revision.substring(0, 12).toLowerCase(Locale.ROOT);
        }
        return "";
    }

    /**
     * Whether a file deserves its first four bytes read: {@code .exe} files and files in binary directories
     * always (an image unpacked without modes must not hide {@code /usr/local/bin}); elsewhere, where the
     * resolver can tell (files on disk), executables only; otherwise extension-less files outside
     * directories that never hold programs.
     */
    private static boolean isCandidate(FileResolver files, Location location) {
        String path = location.path();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.toLowerCase(Locale.ROOT).endsWith(".exe")) {
            return true;
        }
        String[] parts = path.split("/");
        for (int index = 0; index < parts.length - 1; index++) {
            if (BINARY_DIRECTORIES.contains(parts[index])) {
                return true;
            }
        }
        if (files instanceof DirectoryFileResolver directory) {
            Optional<Boolean> executable = executable(directory, location);
            if (executable.isPresent()) {
                return executable.get();
            }
        }
        boolean hasExtension = name.indexOf('.', 1) > 0;
        return !hasExtension && NON_BINARY_PREFIXES.stream().noneMatch(path::startsWith);
    }

    private static Optional<Boolean> executable(DirectoryFileResolver directory, Location location) {
        try {
            Set<PosixFilePermission> permissions =
                    Files.getPosixFilePermissions(directory.hostPath(location), LinkOption.NOFOLLOW_LINKS);
            return Optional.of(permissions.contains(PosixFilePermission.OWNER_EXECUTE)
                    || permissions.contains(PosixFilePermission.GROUP_EXECUTE)
                    || permissions.contains(PosixFilePermission.OTHERS_EXECUTE));
        } catch (IOException | UnsupportedOperationException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
