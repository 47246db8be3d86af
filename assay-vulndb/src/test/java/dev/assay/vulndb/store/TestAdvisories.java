package dev.assay.vulndb.store;

import dev.assay.model.Advisory;
import dev.assay.model.AffectedPackage;
import dev.assay.model.AffectedRange;
import dev.assay.model.RangeEvent;
import dev.assay.model.Rating;
import dev.assay.model.Severity;
import java.time.Instant;
import java.util.List;

/** Advisory values for store tests. */
final class TestAdvisories {
    private TestAdvisories() {}

    static Advisory advisory(String id, String modified, String ecosystem, String... names) {
        return advisoryWithSummary(id, modified, "summary of " + id, ecosystem, names);
    }

    static Advisory advisoryWithSummary(String id, String modified, String summary, String ecosystem, String... names) {
        List<AffectedPackage> affected = java.util.Arrays.stream(names)
                .map(name -> new AffectedPackage(
                        ecosystem,
                        name,
                        "",
                        List.of(new AffectedRange(
                                AffectedRange.Type.ECOSYSTEM,
                                "",
                                List.of(RangeEvent.introduced("0"), RangeEvent.fixed("1.2.3")))),
                        List.of("1.0.0"),
                        ""))
                .toList();
        return new Advisory(
                id,
                List.of("CVE-" + id),
                summary,
                "details of " + id,
                Instant.parse("2099-01-01T00:00:00Z"),
                modified == null ? null : Instant.parse(modified),
                null,
                affected,
                List.of(new Rating(
                        "CVSS_V3", 7.5, Severity.HIGH, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", "TEST")),
                List.of("https://example.com/" + id),
                "test");
    }

    /** Every field set, unusual values included: NaN score, nulls, non-ASCII text, a GIT range. */
    static Advisory full(String id) {
        return new Advisory(
                id,
                List.of("CVE-2099-0001", "GHSA-aaaa-bbbb-cccc"),
                "Überlauf in der Bibliothek – 漏洞 🐛",
                "line one\nline two\u0000with a NUL",
                Instant.parse("1969-12-31T23:59:59.999999999Z"),
                Instant.parse("2099-02-03T04:05:06.123456789Z"),
                Instant.parse("2100-01-01T00:00:00Z"),
                List.of(
                        new AffectedPackage(
                                "Debian:12",
                                "libexample",
                                "pkg:deb/debian/libexample",
                                List.of(
                                        new AffectedRange(
                                                AffectedRange.Type.ECOSYSTEM,
                                                "",
                                                List.of(
                                                        RangeEvent.introduced("0"),
                                                        RangeEvent.fixed("1:2.3-4+deb12u1"),
                                                        RangeEvent.limit("3.0"))),
                                        new AffectedRange(
                                                AffectedRange.Type.GIT,
                                                "https://example.com/repo.git",
                                                List.of(RangeEvent.introduced("abc"), RangeEvent.lastAffected("def")))),
                                List.of("1.0", "1.1"),
                                "high"),
                        new AffectedPackage("PyPI", "Zope.Interface", "", List.of(), List.of(), "")),
                List.of(
                        new Rating("CVSS_V4", Double.NaN, Severity.UNKNOWN, "CVSS:4.0/AV:N", "GHSA"),
                        new Rating(Rating.DATABASE, Double.NaN, Severity.LOW, "", "Debian"),
                        new Rating("CVSS_V2", 0.0, Severity.LOW, "AV:N/AC:L/Au:N/C:N/I:N/A:N", "NVD")),
                List.of("https://example.com/a", "https://example.com/b"),
                "osv:Debian");
    }
}
