package dev.assay.match.rpm;

import dev.assay.match.internal.DistroPackage;
import dev.assay.match.internal.Identification;
import dev.assay.match.internal.OsvEcosystemMatcher;
import dev.assay.match.internal.OsvMatcher;
import dev.assay.match.internal.OsvQuery;
import dev.assay.match.internal.ReleaseScope;
import dev.assay.model.Component;
import dev.assay.model.PackageType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RPM packages of the distributions that publish OSV records, each scoped to the installed release:
 *
 * <ul>
 *   <li>Red Hat Enterprise Linux: {@code Red Hat:enterprise_linux:<major>::<repository>}, by binary or source
 *       rpm name (Red Hat's records use both). Extended-support streams ({@code rhel_eus:9.2}, {@code
 *       rhel_aus}, {@code rhel_e4s}) carry backports a standard installation does not get and are not applied.
 *   <li>Rocky Linux and AlmaLinux: {@code Rocky Linux:<major>}, {@code AlmaLinux:<major>}, by source rpm.
 *   <li>openSUSE: {@code openSUSE:Leap 15.5}, {@code openSUSE:Tumbleweed}, by source rpm.
 *   <li>SUSE Linux Enterprise: any {@code SUSE:...Linux Enterprise... 15 SP5} product of the same service
 *       pack (packages ship through the Basesystem, Server and other modules of one service pack), by
 *       source rpm.
 *   <li>Mageia: {@code Mageia:<release>}, by source rpm.
 * </ul>
 *
 * Versions are {@code epoch:version-release}: the component's version when it carries the epoch (Assay's rpm
 * cataloger writes it so), else the purl's version with its {@code epoch} qualifier. Other rpm distributions
 * (Fedora, Amazon Linux, Oracle Linux, CentOS) have no OSV ecosystem and are reported as not checked.
 */
public final class RpmMatcher extends OsvEcosystemMatcher {
    public static final String ID = "rpm-matcher";
    static final String RED_HAT = "Red Hat";
    static final String ROCKY = "Rocky Linux";
    static final String ALMA = "AlmaLinux";
    static final String OPENSUSE = "openSUSE";
    static final String SUSE = "SUSE";
    static final String MAGEIA = "Mageia";

    public RpmMatcher() {
        super(ID, PackageType.RPM, OsvMatcher.forEcosystem(ID, RED_HAT));
    }

    @Override
    protected Identification identify(Component component) {
        DistroPackage distro = DistroPackage.of(component);
        String version = epochVersion(component);
        String binary = component.purl().name();
        String source = DistroPackage.sourceName(component);
        String sourceVersion = DistroPackage.sourceVersion(component).orElse(version);
        String release = distro.release();
        String major = major(release);
        String id = distro.id();
        if (release.isEmpty() && !id.equals("opensuse-tumbleweed")) {
            return Identification.unidentified("rpm package " + binary
                    + " has no distribution release (distro qualifier); advisories are per release");
        }
        return switch (id) {
            case "rhel", "redhat" -> {
                ReleaseScope scope = redHat(major);
                List<OsvQuery> queries = new ArrayList<>();
                queries.add(new OsvQuery(RED_HAT, binary, version, scope));
                if (!source.equals(binary)) {
                    queries.add(new OsvQuery(RED_HAT, source, sourceVersion, scope));
                }
                yield Identification.of(queries);
            }
            case "rocky" ->
                Identification.of(new OsvQuery(ROCKY, source, sourceVersion, ReleaseScope.exactly(ROCKY, major)));
            case "almalinux" ->
                Identification.of(new OsvQuery(ALMA, source, sourceVersion, ReleaseScope.exactly(ALMA, major)));
            case "mageia" ->
                Identification.of(new OsvQuery(MAGEIA, source, sourceVersion, ReleaseScope.exactly(MAGEIA, major)));
            case "opensuse-leap", "opensuse" ->
                Identification.of(new OsvQuery(OPENSUSE, source, sourceVersion, openSuse("Leap " + release)));
            case "opensuse-tumbleweed" ->
                Identification.of(new OsvQuery(OPENSUSE, source, sourceVersion, openSuse("Tumbleweed")));
            case "sles", "sled", "sle-micro", "suse" ->
                Identification.of(new OsvQuery(SUSE, source, sourceVersion, suse(release)));
            default -> Identification.unidentified("no advisory ecosystem for rpm distribution '" + id + "'");
        };
    }

    /** {@code enterprise_linux:9::appstream} and {@code enterprise_linux:9::baseos} for major 9. */
    static ReleaseScope redHat(String major) {
        String prefix = "enterprise_linux:" + major + ":";
        return new ReleaseScope(
                RED_HAT + ":enterprise_linux:" + major,
                release -> release.startsWith(prefix) || release.equals("enterprise_linux:" + major));
    }

    /** openSUSE writes its release as the marketing name, with or without the leading "openSUSE ". */
    static ReleaseScope openSuse(String release) {
        return new ReleaseScope(
                OPENSUSE + ":" + release,
                recordRelease -> recordRelease.equals(release) || recordRelease.equals("openSUSE " + release));
    }

    /**
     * A SUSE Linux Enterprise product of the same version: {@code 15.5} is {@code 15 SP5}, {@code 15} is
     * {@code 15} without a service pack; the record's release must name "Linux Enterprise" and end with it.
     */
    static ReleaseScope suse(String release) {
        int dot = release.indexOf('.');
        String servicePack = dot < 0 || release.substring(dot + 1).equals("0")
                ? release
                : release.substring(0, dot) + " SP" + release.substring(dot + 1);
        String suffix = " " + servicePack;
        return new ReleaseScope(
                SUSE + ":Linux Enterprise " + servicePack,
                recordRelease -> recordRelease.contains("Linux Enterprise") && recordRelease.endsWith(suffix));
    }

    static String major(String release) {
        int dot = release.indexOf('.');
        return dot < 0 ? release : release.substring(0, dot);
    }

    /** {@code epoch:version-release}, or {@code version-release} when the package has no epoch. */
    static String epochVersion(Component component) {
        String version = version(component);
        if (version.isEmpty() || version.indexOf(':') >= 0) {
            return version;
        }
        String epoch = component.purl().qualifiers().getOrDefault("epoch", "").strip();
        return epoch.isEmpty() ? version : epoch.toLowerCase(Locale.ROOT) + ":" + version;
    }
}
