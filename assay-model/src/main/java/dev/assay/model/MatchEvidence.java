package dev.assay.model;

import java.util.Objects;

/**
 * Why a component matched one advisory record: which matcher, which package identity it looked up, which
 * range or version list of the record contained the component's version, under which version ordering.
 *
 * @param advisoryId the id of the matched record (one finding can merge several records)
 * @param ecosystem the OSV ecosystem of the matched {@code affected[]} entry, e.g. {@code Debian:12}
 * @param packageName the package name looked up (for distro packages, the source package)
 * @param affectedRange the matched range in vers-like notation, e.g. {@code >=2.0-beta9|<2.15.0}, or
 *     {@code version list} when the version was listed explicitly
 * @param versionScheme the ordering used, e.g. {@code maven}, {@code pep440}, {@code deb}
 */
public record MatchEvidence(
        String matcherId,
        String advisoryId,
        String ecosystem,
        String packageName,
        String affectedRange,
        String versionScheme,
        String advisorySource) {
    public MatchEvidence {
        Objects.requireNonNull(matcherId, "matcherId");
        Objects.requireNonNull(advisoryId, "advisoryId");
        ecosystem = ecosystem == null ? "" : ecosystem;
        packageName = packageName == null ? "" : packageName;
        affectedRange = affectedRange == null ? "" : affectedRange;
        versionScheme = versionScheme == null ? "" : versionScheme;
        advisorySource = advisorySource == null ? "" : advisorySource;
    }
}
