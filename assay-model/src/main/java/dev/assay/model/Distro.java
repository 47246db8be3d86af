package dev.assay.model;

import java.util.Locale;
import java.util.Objects;

/**
 * The Linux distribution of a root filesystem, from {@code etc/os-release}. Recorded so that matching
 * uses the advisories of the right distribution and release ({@code Debian:12}, {@code Alpine:v3.20}).
 */
public record Distro(String id, String versionId, String versionCodename, String prettyName) {
    public Distro {
        Objects.requireNonNull(id, "id");
        id = id.toLowerCase(Locale.ROOT);
        versionId = versionId == null ? "" : versionId;
        versionCodename = versionCodename == null ? "" : versionCodename;
        prettyName = prettyName == null ? "" : prettyName;
    }

    /** The purl {@code distro} qualifier value, e.g. {@code debian-12} or {@code alpine-3.20.1}. */
    public String purlQualifier() {
        return versionId.isEmpty() ? id : id + "-" + versionId;
    }
}
