package dev.assay.report;

import dev.assay.model.AdvisoryDatabaseSummary;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.EpssScore;
import dev.assay.model.Finding;
import dev.assay.model.Location;
import dev.assay.model.MatchEvidence;
import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import dev.assay.model.Rating;
import dev.assay.model.Relationship;
import dev.assay.model.Sbom;
import dev.assay.model.SbomMetadata;
import dev.assay.model.ScanResult;
import dev.assay.model.Severity;
import dev.assay.model.SuppressedFinding;
import dev.assay.model.Tool;
import dev.assay.model.Unknown;
import dev.assay.model.VexStatus;
import dev.assay.model.Vulnerability;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Hand-made scan results: an image with findings of every kind a report must show (a KEV-listed Log4Shell, a
 * transitive npm finding, one without a fix, one without a severity, OS packages in the base layer, a finding
 * VEX suppressed), an empty scan, and one whose text fields are hostile.
 */
final class SampleScanResults {
    static final Instant SCANNED_AT = Instant.parse("2026-03-02T09:30:00Z");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    static final String BASE_LAYER = "sha256:5d0da3dc976460b72c77d94c8a1ad043720b0416bfc16c52c45d4847e53fadb6";
    static final String APP_LAYER = "sha256:8a3c0d7e1f4b2a6c9d0e5f7a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f2a4b6c";
    static final String WEB_LAYER = "sha256:1f2e3d4c5b6a79880f1e2d3c4b5a69788f9e0d1c2b3a49586f7e8d9c0b1a2f3e";

    static final Purl SUBJECT = Purl.of(
            "oci",
            null,
            "shop-api",
            "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            Map.of("repository_url", "registry.example.com/shop/shop-api", "tag", "1.4.2"));
    static final Purl LOG4J_CORE = Purl.of(PackageType.MAVEN, "org.apache.logging.log4j", "log4j-core", "2.14.1");
    static final Purl LOG4J_API = Purl.of(PackageType.MAVEN, "org.apache.logging.log4j", "log4j-api", "2.14.1");
    static final Purl JACKSON =
            Purl.of(PackageType.MAVEN, "com.fasterxml.jackson.core", "jackson-databind", "2.9.10.8");
    static final Purl MKDIRP = Purl.of(PackageType.NPM, null, "mkdirp", "0.5.5");
    static final Purl MINIMIST = Purl.of(PackageType.NPM, null, "minimist", "1.2.5");
    static final Purl IP = Purl.of(PackageType.NPM, null, "ip", "2.0.0");
    static final Purl X_NET = Purl.of(PackageType.GOLANG, "golang.org/x", "net", "v0.17.0");
    static final Purl OPENSSL = Purl.of(
            PackageType.DEB, "debian", "openssl", "3.0.11-1~deb12u1", Map.of("arch", "amd64", "distro", "debian-12"));
    static final Purl LIBC = Purl.of(
            PackageType.DEB, "debian", "libc6", "2.36-9+deb12u4", Map.of("arch", "amd64", "distro", "debian-12"));

    private SampleScanResults() {}

    static ReportOptions options() {
        return new ReportOptions("0.1.0", CLOCK, false, ReportOptions.DEFAULT_WIDTH);
    }

    static AdvisoryDatabaseSummary database() {
        return new AdvisoryDatabaseSummary(
                "/home/ci/.cache/assay/advisories.db", Instant.parse("2026-02-27T06:00:00Z"), false, 248_913);
    }

    static ScanResult empty() {
        Component subject = Component.builder(Purl.of(PackageType.GENERIC, null, "empty-project", "1.0.0"))
                .kind(ComponentKind.APPLICATION)
                .build();
        SbomMetadata metadata = new SbomMetadata(
                "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
                SCANNED_AT,
                subject,
                List.of(new Tool("Assay", "assay", "0.1.0")),
                null,
                new java.util.TreeMap<>(Map.of("assay:source-kind", "directory")));
        return new ScanResult(
                new Sbom(metadata, List.of(), List.of(), List.of()),
                List.of(),
                List.of(),
                new AdvisoryDatabaseSummary(
                        "assay snapshot 2026-02", Instant.parse("2026-02-01T00:00:00Z"), true, 1_204));
    }

    static ScanResult realistic() {
        Component subject = Component.builder(SUBJECT)
                .kind(ComponentKind.CONTAINER)
                .name("registry.example.com/shop/shop-api:1.4.2")
                .version("sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                .build();
        Component log4jCore = Component.builder(LOG4J_CORE)
                .evidence(
                        "java-archive-cataloger",
                        new Location("app/lib/log4j-core-2.14.1.jar", APP_LAYER),
                        "pom.properties")
                .license("Apache-2.0")
                .build();
        Component log4jApi = Component.builder(LOG4J_API)
                .evidence(
                        "java-archive-cataloger",
                        new Location("app/lib/log4j-api-2.14.1.jar", APP_LAYER),
                        "pom.properties")
                .build();
        Component jackson = Component.builder(JACKSON)
                .evidence(
                        "java-archive-cataloger",
                        new Location("app/lib/shop-api.jar", APP_LAYER)
                                .nested("BOOT-INF/lib/jackson-databind-2.9.10.8.jar"),
                        "MANIFEST.MF Implementation-Version")
                .build();
        Location lockfile = new Location("web/package-lock.json", WEB_LAYER);
        Component mkdirp = Component.builder(MKDIRP)
                .evidence("javascript-package-lock-cataloger", lockfile, "package-lock.json")
                .build();
        Component minimist = Component.builder(MINIMIST)
                .evidence("javascript-package-lock-cataloger", lockfile, "package-lock.json")
                .build();
        Component ip = Component.builder(IP)
                .evidence("javascript-package-lock-cataloger", lockfile, "package-lock.json")
                .build();
        Component xNet = Component.builder(X_NET)
                .evidence(
                        "go-module-binary-cataloger",
                        new Location("usr/local/bin/shop-worker", APP_LAYER),
                        "Go build info")
                .build();
        Location dpkgStatus = new Location("var/lib/dpkg/status", BASE_LAYER);
        Component openssl = Component.builder(OPENSSL)
                .evidence("dpkg-db-cataloger", dpkgStatus, "dpkg status")
                .property("assay:source-package", "openssl")
                .build();
        Component libc = Component.builder(LIBC)
                .evidence("dpkg-db-cataloger", dpkgStatus, "dpkg status")
                .property("assay:source-package", "glibc")
                .build();

        SbomMetadata metadata = new SbomMetadata(
                "urn:uuid:0c8f2a4e-6b1d-4f3a-9e7c-5d2b8a1f6e30",
                SCANNED_AT,
                subject,
                List.of(new Tool("Assay", "assay", "0.1.0")),
                null,
                new java.util.TreeMap<>(Map.of("assay:source-kind", "image")));
        Sbom sbom = new Sbom(
                metadata,
                List.of(log4jCore, log4jApi, jackson, mkdirp, minimist, ip, xNet, openssl, libc),
                List.of(
                        Relationship.dependsOn(SUBJECT, LOG4J_CORE),
                        Relationship.dependsOn(LOG4J_CORE, LOG4J_API),
                        Relationship.dependsOn(SUBJECT, JACKSON),
                        Relationship.dependsOn(SUBJECT, MKDIRP),
                        Relationship.dependsOn(MKDIRP, MINIMIST),
                        Relationship.dependsOn(SUBJECT, IP),
                        Relationship.dependsOn(SUBJECT, X_NET),
                        Relationship.dependsOn(SUBJECT, OPENSSL),
                        Relationship.dependsOn(SUBJECT, LIBC)),
                List.of(new Unknown(
                        new Location("app/plugins/broken.jar", APP_LAYER),
                        "java-archive-cataloger",
                        "zip END header not found")));

        Finding log4shell = new Finding(
                new Vulnerability(
                        "CVE-2021-44228",
                        List.of("GHSA-jfh8-c2jp-5v3q"),
                        "Remote code injection in Log4j",
                        List.of(
                                new Rating(
                                        "CVSS_V3",
                                        10.0,
                                        Severity.CRITICAL,
                                        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H",
                                        "nvd"),
                                new Rating("CVSS_V2", 9.3, Severity.HIGH, "AV:N/AC:M/Au:N/C:C/I:C/A:C", "nvd")),
                        List.of(
                                "https://logging.apache.org/log4j/2.x/security.html",
                                "https://nvd.nist.gov/vuln/detail/CVE-2021-44228",
                                "https://github.com/advisories/GHSA-jfh8-c2jp-5v3q"),
                        Instant.parse("2021-12-10T00:00:40Z"),
                        Instant.parse("2025-02-04T14:25:37Z")),
                log4jCore,
                Severity.CRITICAL,
                List.of("2.3.1", "2.12.2", "2.15.0"),
                List.of(new MatchEvidence(
                        "java-matcher",
                        "GHSA-jfh8-c2jp-5v3q",
                        "Maven",
                        "org.apache.logging.log4j:log4j-core",
                        ">=2.13.0|<2.15.0",
                        "maven",
                        "github-advisory-database")),
                List.of(LOG4J_CORE),
                true,
                new EpssScore("CVE-2021-44228", 0.94358, 0.99959));
        Finding minimistPollution = new Finding(
                new Vulnerability(
                        "CVE-2021-44906",
                        List.of("GHSA-xvch-5gv4-984h"),
                        "Prototype Pollution in minimist",
                        List.of(new Rating(
                                "CVSS_V3",
                                9.8,
                                Severity.CRITICAL,
                                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                                "github-advisory-database")),
                        List.of("https://github.com/advisories/GHSA-xvch-5gv4-984h"),
                        Instant.parse("2022-03-18T00:01:09Z"),
                        Instant.parse("2024-02-22T14:43:36Z")),
                minimist,
                Severity.CRITICAL,
                List.of("0.2.4", "1.2.6"),
                List.of(new MatchEvidence(
                        "javascript-matcher",
                        "GHSA-xvch-5gv4-984h",
                        "npm",
                        "minimist",
                        ">=1.0.0|<1.2.6",
                        "semver",
                        "github-advisory-database")),
                List.of(MKDIRP, MINIMIST),
                false,
                new EpssScore("CVE-2021-44906", 0.01309, 0.85812));
        Finding ipSsrf = new Finding(
                new Vulnerability(
                        "CVE-2024-29415",
                        List.of("GHSA-2p57-rm9w-gvfp"),
                        "ip SSRF improper categorization in isPublic",
                        List.of(new Rating(
                                "CVSS_V3",
                                8.1,
                                Severity.HIGH,
                                "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H",
                                "github-advisory-database")),
                        List.of("https://github.com/indutny/node-ip/issues/150"),
                        Instant.parse("2024-05-27T20:15:08Z"),
                        null),
                ip,
                Severity.HIGH,
                List.of(),
                List.of(new MatchEvidence(
                        "javascript-matcher",
                        "GHSA-2p57-rm9w-gvfp",
                        "npm",
                        "ip",
                        ">=0",
                        "semver",
                        "github-advisory-database")),
                List.of(IP),
                false,
                null);
        Finding opensslDos = new Finding(
                new Vulnerability(
                        "CVE-2023-5678",
                        List.of("DSA-5585-1"),
                        "Excessive time spent in DH check / generation with large Q parameter value",
                        List.of(new Rating(
                                "CVSS_V3",
                                5.3,
                                Severity.MEDIUM,
                                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L",
                                "nvd")),
                        List.of("https://www.openssl.org/news/secadv/20231106.txt"),
                        Instant.parse("2023-11-06T16:15:42Z"),
                        null),
                openssl,
                Severity.MEDIUM,
                List.of("3.0.13-1~deb12u1"),
                List.of(new MatchEvidence(
                        "dpkg-matcher",
                        "DEBIAN-CVE-2023-5678",
                        "Debian:12",
                        "openssl",
                        "<3.0.13-1~deb12u1",
                        "deb",
                        "debian-security-tracker")),
                List.of(),
                false,
                new EpssScore("CVE-2023-5678", 0.00341, 0.71234));
        Finding globDos = new Finding(
                new Vulnerability(
                        "CVE-2010-4756",
                        List.of(),
                        "The glob implementation in the GNU C Library allows remote authenticated users to cause a denial of service via crafted glob expressions",
                        List.of(new Rating(Rating.DATABASE, Double.NaN, Severity.LOW, "", "debian")),
                        List.of(),
                        Instant.parse("2011-03-02T20:00:01Z"),
                        null),
                libc,
                Severity.LOW,
                List.of(),
                List.of(new MatchEvidence(
                        "dpkg-matcher",
                        "DEBIAN-CVE-2010-4756",
                        "Debian:12",
                        "glibc",
                        "version list",
                        "deb",
                        "debian-security-tracker")),
                List.of(),
                false,
                null);
        Finding http2Flood = new Finding(
                new Vulnerability(
                        "GO-2024-2687",
                        List.of("CVE-2023-45288", "GHSA-4v7x-pqxf-cx7m"),
                        "HTTP/2 CONTINUATION flood in net/http",
                        List.of(),
                        List.of("https://go.dev/issue/65051"),
                        Instant.parse("2024-04-03T21:12:01Z"),
                        null),
                xNet,
                Severity.UNKNOWN,
                List.of("0.23.0"),
                List.of(new MatchEvidence(
                        "go-module-matcher",
                        "GO-2024-2687",
                        "Go",
                        "golang.org/x/net",
                        "<0.23.0",
                        "semver",
                        "go-vulndb")),
                List.of(X_NET),
                false,
                null);
        Finding jacksonNesting = new Finding(
                new Vulnerability(
                        "CVE-2020-36518",
                        List.of("GHSA-57j2-w4cx-62h2"),
                        "Deeply nested json in jackson-databind",
                        List.of(new Rating(
                                "CVSS_V3",
                                7.5,
                                Severity.HIGH,
                                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
                                "github-advisory-database")),
                        List.of("https://github.com/FasterXML/jackson-databind/issues/2816"),
                        Instant.parse("2022-03-12T00:00:36Z"),
                        null),
                jackson,
                Severity.HIGH,
                List.of("2.12.6.1", "2.13.2.1"),
                List.of(new MatchEvidence(
                        "java-matcher",
                        "GHSA-57j2-w4cx-62h2",
                        "Maven",
                        "com.fasterxml.jackson.core:jackson-databind",
                        "<2.12.6.1",
                        "maven",
                        "github-advisory-database")),
                List.of(JACKSON),
                false,
                new EpssScore("CVE-2020-36518", 0.00521, 0.77245));

        return new ScanResult(
                sbom,
                List.of(http2Flood, globDos, ipSsrf, opensslDos, minimistPollution, log4shell),
                List.of(new SuppressedFinding(
                        jacksonNesting,
                        VexStatus.NOT_AFFECTED,
                        "vulnerable_code_not_in_execute_path",
                        "shop-api reads JSON only from its own configuration files, never from requests",
                        "vex/shop-api.openvex.json#stmt-2")),
                database());
    }

    /** Escape sequences, line breaks, bidi overrides, Markdown and HTML, script URLs and a lone surrogate. */
    static final String HOSTILE_SUMMARY = "first line\nCVE-9999-0001  fake-row  1.0  no fix\r"
            + "\u001B[31mred\u001B[0m \u001B]0;retitled\u0007 \u001B[2J\u009B1A "
            + "\u202Egnp.exe\u202C <img src=x onerror=alert(1)> [click](javascript:alert(1)) *bold* | pipe \uD800 end";

    static ScanResult hostile() {
        Purl purl = Purl.of(PackageType.NPM, null, "evil-pkg", "1.0.0");
        Component component = Component.builder(purl)
                .name("evil\u001B[2J\nSECOND LINE\u0007")
                .version("1.0.0\r\u001B[1A")
                .evidence(
                        "javascript-package-lock-cataloger",
                        Location.of("dir with space/\u001B[31mpackage-lock.json"),
                        "")
                .build();
        Finding finding = new Finding(
                new Vulnerability(
                        "GHSA-xxxx-yyyy-zzzz",
                        List.of("CVE-2099-0001\n"),
                        HOSTILE_SUMMARY,
                        List.of(new Rating("CVSS_V3", 7.2, Severity.HIGH, "CVSS:3.1/\u001B[0m", "evil\nsource")),
                        List.of(
                                "javascript:alert(1)",
                                "https://example.com/advisory?q=<script>",
                                "not a url",
                                "data:text/html,<script>alert(1)</script>"),
                        null,
                        null),
                component,
                Severity.HIGH,
                List.of("1.0.1\n\u001B[31m"),
                List.of(),
                List.of(purl),
                true,
                null);
        Component other = Component.builder(Purl.of(PackageType.NPM, null, "other-pkg", "2.0.0"))
                .name("other\u202Epkg")
                .build();
        Finding suppressedFinding = new Finding(
                new Vulnerability("CVE-2099-0002", List.of(), "plain\u0000summary", List.of(), List.of(), null, null),
                other,
                Severity.MEDIUM,
                List.of(),
                List.of(),
                List.of(),
                false,
                null);
        Sbom sbom = new Sbom(null, List.of(component), List.of(), List.of());
        return new ScanResult(
                sbom,
                List.of(finding),
                List.of(new SuppressedFinding(
                        suppressedFinding,
                        VexStatus.NOT_AFFECTED,
                        "vulnerable_code_not_in_execute_path\n",
                        "not reachable\n\nCVE-9999-0002  forged  row\u001B[1A",
                        "vex\u0000.json")),
                new AdvisoryDatabaseSummary(
                        "/tmp/db\u001B]8;;http://evil.example\u0007link\u001B]8;;\u0007",
                        Instant.parse("2026-03-01T00:00:00Z"),
                        false,
                        10));
    }
}
