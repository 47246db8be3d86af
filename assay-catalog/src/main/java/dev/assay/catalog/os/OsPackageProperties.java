package dev.assay.catalog.os;

import dev.assay.model.Distro;
import java.util.Optional;

/**
 * The {@code assay:*} property names the OS catalogers share. Vulnerability matching for distribution
 * packages works on the source package and the release ({@code debian:12}), so every OS package carries
 * them explicitly rather than leaving them to be parsed back out of the purl.
 */
final class OsPackageProperties {
    static final String SOURCE_PACKAGE = "assay:source-package";
    static final String SOURCE_VERSION = "assay:source-version";
    static final String ARCH = "assay:arch";
    static final String DISTRO = "assay:distro";
    static final String MAINTAINER = "assay:maintainer";

    private OsPackageProperties() {}

    /** {@code debian:12}, {@code ubuntu:22.04}, {@code alpine:3.19.1}; the codename when there is no version. */
    static Optional<String> distro(Distro distro) {
        if (distro == null) {
            return Optional.empty();
        }
        if (!distro.versionId().isEmpty()) {
            return Optional.of(distro.id() + ":" + distro.versionId());
        }
        if (!distro.versionCodename().isEmpty()) {
            return Optional.of(distro.id() + ":" + distro.versionCodename());
        }
        return Optional.of(distro.id());
    }
}
