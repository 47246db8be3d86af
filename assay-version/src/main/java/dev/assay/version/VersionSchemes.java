package dev.assay.version;

import dev.assay.model.AffectedRange;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The version scheme of each OSV ecosystem and range type. Schemes are stateless and shared. Ecosystems are
 * matched on their base name, case-insensitively, so {@code Debian:12}, {@code Ubuntu:Pro:18.04:LTS}, {@code
 * Alpine:v3.20}, {@code Red Hat:rhel_aus:8.4::appstream} and {@code Maven:https://maven.google.com} all
 * resolve; {@code Root:<ecosystem>[:release]} resolves to the scheme of the ecosystem it wraps.
 */
public final class VersionSchemes {
    private static final MavenVersionScheme MAVEN = new MavenVersionScheme();
    private static final SemverVersionScheme SEMVER = new SemverVersionScheme();
    private static final GoVersionScheme GO = new GoVersionScheme();
    private static final Pep440VersionScheme PEP440 = new Pep440VersionScheme();
    private static final DebianVersionScheme DEB = new DebianVersionScheme();
    private static final RpmVersionScheme RPM = new RpmVersionScheme();
    private static final ApkVersionScheme APK = new ApkVersionScheme();
    private static final RubyGemsVersionScheme GEM = new RubyGemsVersionScheme();
    private static final NuGetVersionScheme NUGET = new NuGetVersionScheme();
    private static final ComposerVersionScheme COMPOSER = new ComposerVersionScheme();

    /** OSV ecosystem base names (lower case) and the scheme their {@code ECOSYSTEM} ranges use. */
    private static final Map<String, VersionScheme> BY_ECOSYSTEM = Map.ofEntries(
            Map.entry("maven", MAVEN),
            Map.entry("npm", SEMVER),
            Map.entry("crates.io", SEMVER),
            Map.entry("hex", SEMVER),
            Map.entry("pub", SEMVER),
            Map.entry("swifturl", SEMVER),
            Map.entry("pypi", PEP440),
            Map.entry("go", GO),
            Map.entry("rubygems", GEM),
            Map.entry("nuget", NUGET),
            Map.entry("packagist", COMPOSER),
            Map.entry("debian", DEB),
            Map.entry("ubuntu", DEB),
            Map.entry("alpine", APK),
            Map.entry("wolfi", APK),
            Map.entry("chainguard", APK),
            Map.entry("minimos", APK),
            Map.entry("red hat", RPM),
            Map.entry("rocky linux", RPM),
            Map.entry("almalinux", RPM),
            Map.entry("opensuse", RPM),
            Map.entry("suse", RPM),
            Map.entry("mageia", RPM),
            Map.entry("photon os", RPM),
            Map.entry("openeuler", RPM),
            Map.entry("azure linux", RPM));

    private VersionSchemes() {}

    /**
     * The scheme that orders versions of an OSV ecosystem, with or without its {@code :release} suffix;
     * empty for an ecosystem whose ordering Assay does not know (then only exact version lists can match).
     */
    public static Optional<VersionScheme> forEcosystem(String osvEcosystem) {
        if (osvEcosystem == null) {
            return Optional.empty();
        }
        String ecosystem = osvEcosystem.strip();
        int colon = ecosystem.indexOf(':');
        String base =
                (colon < 0 ? ecosystem : ecosystem.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        if (base.equals("root") && colon >= 0) {
            return forEcosystem(ecosystem.substring(colon + 1));
        }
        return Optional.ofNullable(BY_ECOSYSTEM.get(base));
    }

    /**
     * The scheme for the events of one OSV range: {@code SEMVER} ranges are SemVer whatever the ecosystem,
     * except Go's, whose module versions order as Go does (pseudo-versions, optional {@code v}); {@code
     * ECOSYSTEM} ranges use the ecosystem's scheme; {@code GIT} ranges hold commits, not versions, and have
     * none.
     */
    public static Optional<VersionScheme> forRangeType(AffectedRange.Type type, String osvEcosystem) {
        Objects.requireNonNull(type, "type");
        return switch (type) {
            case SEMVER ->
                Optional.of(forEcosystem(osvEcosystem)
                        .filter(scheme -> scheme == GO)
                        .orElse(SEMVER));
            case ECOSYSTEM -> forEcosystem(osvEcosystem);
            case GIT -> Optional.empty();
        };
    }

    /** Every scheme, one instance each. */
    public static List<VersionScheme> all() {
        return List.of(MAVEN, SEMVER, GO, PEP440, DEB, RPM, APK, GEM, NUGET, COMPOSER);
    }

    /** The scheme with this {@link VersionScheme#id()} ({@code maven}, {@code semver}, {@code deb}...). */
    public static Optional<VersionScheme> byId(String id) {
        return all().stream().filter(scheme -> scheme.id().equals(id)).findFirst();
    }

    public static VersionScheme maven() {
        return MAVEN;
    }

    public static VersionScheme semver() {
        return SEMVER;
    }

    public static VersionScheme go() {
        return GO;
    }

    public static Pep440VersionScheme pep440() {
        return PEP440;
    }

    public static VersionScheme deb() {
        return DEB;
    }

    public static VersionScheme rpm() {
        return RPM;
    }

    public static VersionScheme apk() {
        return APK;
    }

    public static VersionScheme gem() {
        return GEM;
    }

    public static VersionScheme nuget() {
        return NUGET;
    }

    public static ComposerVersionScheme composer() {
        return COMPOSER;
    }
}
