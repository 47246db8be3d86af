package dev.assay.catalog.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.catalog.CatalogTesting;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.CatalogTag;
import dev.assay.model.Component;
import dev.assay.model.Distro;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Unknown;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DpkgDbCatalogerTest {
    private static final Distro BOOKWORM = new Distro("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)");
    private static final String STATUS = "var/lib/dpkg/status";

    private final DpkgDbCataloger cataloger = new DpkgDbCataloger();

    @TempDir
    Path root;

    @Test
    void tags_osCataloger_runsOnImagesOnly() {
        assertThat(cataloger.id()).isEqualTo("dpkg-db-cataloger");
        assertThat(cataloger.tags())
                .containsExactlyInAnyOrder(CatalogTag.IMAGE, CatalogTag.ECOSYSTEM_OS, CatalogTag.INSTALLED);
        assertThat(OsCatalogers.all()).anyMatch(registered -> registered.id().equals(DpkgDbCataloger.ID));
    }

    @Test
    void catalog_statusFile_emitsInstalledPackagesOnly() {
        CatalogResult result = catalogFixture("os/dpkg/rootfs");

        assertThat(result.unknowns()).isEmpty();
        assertThat(result.components())
                .extracting(component -> component.name() + ":"
                        + component.property("assay:arch").orElse(""))
                .containsExactlyInAnyOrder(
                        "base-files:amd64",
                        "cdebconf:amd64",
                        "dpkg:amd64",
                        "gcc-12-base:amd64",
                        "heldpkg:amd64",
                        "i386tool:i386",
                        "libaudit-common:all",
                        "libaudit1:amd64",
                        "libc6:amd64",
                        "libc6:i386",
                        "libcap-ng0:amd64",
                        "libgcc-s1:amd64",
                        "mawk:amd64",
                        "tar:amd64");
    }

    @Test
    void catalog_sourceField_becomesUpstreamQualifierAndProperties() {
        CatalogResult result = catalogFixture("os/dpkg/rootfs");

        Component libc6 = find(result, "libc6", "amd64");
        assertThat(libc6.bomRef())
                .isEqualTo("pkg:deb/debian/libc6@2.36-9%2Bdeb12u14?arch=amd64&distro=debian-12&upstream=glibc");
        assertThat(libc6.version()).isEqualTo("2.36-9+deb12u14");
        assertThat(libc6.group()).isEqualTo("debian");
        assertThat(libc6.properties())
                .containsEntry("assay:source-package", "glibc")
                .containsEntry("assay:source-version", "2.36-9+deb12u14")
                .containsEntry("assay:arch", "amd64")
                .containsEntry("assay:distro", "debian:12")
                .containsEntry("assay:maintainer", "GNU Libc Maintainers <debian-glibc@lists.debian.org>");
        assertThat(libc6.evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.catalogerId()).isEqualTo("dpkg-db-cataloger");
            assertThat(evidence.location().path()).isEqualTo(STATUS);
        });

        // "Source: libcap-ng (0.8.3-1)": a binNMU, whose source version differs from the binary version.
        Component capNg = find(result, "libcap-ng0", "amd64");
        assertThat(capNg.purl().qualifiers()).containsEntry("upstream", "libcap-ng@0.8.3-1");
        assertThat(capNg.bomRef()).contains("upstream=libcap-ng%400.8.3-1");
        assertThat(capNg.properties())
                .containsEntry("assay:source-package", "libcap-ng")
                .containsEntry("assay:source-version", "0.8.3-1");

        // No Source field: the package is its own source; syft leaves upstream out then, and so do we.
        Component mawk = find(result, "mawk", "amd64");
        assertThat(mawk.purl().qualifiers()).doesNotContainKey("upstream");
        assertThat(mawk.properties()).containsEntry("assay:source-package", "mawk");
    }

    @Test
    void catalog_epoch_staysInTheVersion() {
        CatalogResult result = catalogFixture("os/dpkg/rootfs");

        Component audit = find(result, "libaudit1", "amd64");
        assertThat(audit.version()).isEqualTo("1:3.0.9-1");
        assertThat(audit.purl().version()).contains("1:3.0.9-1");
        assertThat(audit.bomRef()).startsWith("pkg:deb/debian/libaudit1@1%3A3.0.9-1?");
        assertThat(Purl.parse(audit.bomRef())).isEqualTo(audit.purl());
    }

    @Test
    void catalog_heldPackage_isInstalledAndRemovedOneIsNot() {
        CatalogResult result = catalogFixture("os/dpkg/rootfs");

        assertThat(result.components()).noneMatch(component -> component.name().equals("oldpkg"));
        Component held = find(result, "heldpkg", "amd64");
        assertThat(held.version()).isEqualTo("2:1.0~rc1-1");
        assertThat(held.properties()).doesNotContainKey("assay:dpkg-status");
    }

    @Test
    void catalog_copyrightFiles_giveLicenses() {
        CatalogResult result = catalogFixture("os/dpkg/rootfs");

        // Machine-readable (DEP-5) files: every License field, Debian short names mapped to SPDX.
        assertThat(find(result, "libcap-ng0", "amd64").licenses())
                .containsExactly("GPL-2.0-or-later", "GPL-3.0-only", "LGPL-2.1-or-later");
        assertThat(find(result, "mawk", "amd64").licenses()).containsExactly("CC-BY-3.0", "GPL-2.0-only", "X11");
        assertThat(find(result, "libaudit1", "amd64").licenses()).containsExactly("GPL-2.0-only", "LGPL-2.1-only");
        // Free-form file: the /usr/share/common-licenses references.
        assertThat(find(result, "libc6", "amd64").licenses()).contains("GPL-2.0-only", "LGPL-2.1-only");
        // No copyright file in the fixture: no license, no error.
        assertThat(find(result, "tar", "amd64").licenses()).isEmpty();
    }

    @Test
    void catalog_depends_resolvesAlternativesVirtualPackagesAndArchitectures() {
        CatalogResult result = catalogFixture("os/dpkg/rootfs");

        assertThat(dependencies(result, "libaudit1", "amd64"))
                .containsExactlyInAnyOrder("libaudit-common:all", "libc6:amd64", "libcap-ng0:amd64");
        // Pre-Depends on the virtual package awk, provided by mawk.
        assertThat(dependencies(result, "base-files", "amd64")).containsExactly("mawk:amd64");
        // "debconf | debconf-2.0": debconf is absent, cdebconf provides debconf-2.0; mawk:any; a missing
        // package gives no edge.
        assertThat(dependencies(result, "heldpkg", "amd64")).containsExactlyInAnyOrder("cdebconf:amd64", "mawk:amd64");
        // With libc6 installed for two architectures, an i386 package depends on the i386 one.
        assertThat(dependencies(result, "i386tool", "i386")).containsExactly("libc6:i386");
        assertThat(dependencies(result, "libc6", "amd64")).containsExactly("libgcc-s1:amd64");
        // dpkg's Pre-Depends name packages missing from the fixture: only tar and libc6 are there.
        assertThat(dependencies(result, "dpkg", "amd64")).containsExactlyInAnyOrder("libc6:amd64", "tar:amd64");
    }

    @Test
    void catalog_distrolessStatusDirectory_readsEveryFileButMd5sums() {
        CatalogResult result = catalogFixture("os/dpkg/distroless");

        assertThat(result.unknowns()).isEmpty();
        assertThat(result.components())
                .extracting(Component::name)
                .containsExactlyInAnyOrder("libc6", "libssl3", "openssl-provider-legacy");
        Component libssl = find(result, "libssl3", "amd64");
        assertThat(libssl.bomRef())
                .isEqualTo("pkg:deb/debian/libssl3@3.0.15-1~deb12u1?arch=amd64&distro=debian-12&upstream=openssl");
        assertThat(libssl.evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.location().path()).isEqualTo("var/lib/dpkg/status.d/libssl3");
            assertThat(evidence.versionSource()).isEqualTo("dpkg status.d");
        });
        // Edges cross status.d files.
        assertThat(dependencies(result, "openssl-provider-legacy", "amd64")).containsExactly("libssl3:amd64");
        assertThat(dependencies(result, "libssl3", "amd64")).containsExactly("libc6:amd64");
    }

    @Test
    void catalog_withoutDistro_usesDebianNamespaceAndNoDistroQualifier() throws IOException {
        write(STATUS, stanza("zlib1g", "1:1.2.13.dfsg-1", "amd64") + "Source: zlib\n");

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, null);

        assertThat(result.components()).singleElement().satisfies(component -> {
            assertThat(component.bomRef())
                    .isEqualTo("pkg:deb/debian/zlib1g@1%3A1.2.13.dfsg-1?arch=amd64&upstream=zlib");
            assertThat(component.properties()).doesNotContainKey("assay:distro");
        });
    }

    @Test
    void catalog_ubuntu_usesUbuntuNamespace() throws IOException {
        write(STATUS, stanza("bash", "5.1-6ubuntu1", "amd64"));

        CatalogResult result =
                CatalogTesting.catalogRootfs(cataloger, root, new Distro("ubuntu", "22.04", "jammy", "Ubuntu"));

        assertThat(CatalogTesting.purls(result))
                .containsExactly("pkg:deb/ubuntu/bash@5.1-6ubuntu1?arch=amd64&distro=ubuntu-22.04");
        assertThat(result.components().getFirst().properties()).containsEntry("assay:distro", "ubuntu:22.04");
    }

    @Test
    void catalog_continuationLinesAndCrlf_areJoined() throws IOException {
        write(
                STATUS,
                "Package: multi\r\nStatus: install ok installed\r\nVersion: 1.0\r\nArchitecture: all\r\n"
                        + "Depends: a,\r\n b | c\r\nDescription: x\r\n more text\r\n\r\n"
                        + "Package: b\nStatus: install ok installed\nVersion: 2\nArchitecture: all\n");

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, BOOKWORM);

        assertThat(result.unknowns()).isEmpty();
        assertThat(dependencies(result, "multi", "all")).containsExactly("b:all");
    }

    // ---- hostile input ----

    @Test
    void catalog_truncatedDatabase_keepsCompleteStanzasAndNamesTheFile() throws IOException {
        write(STATUS, stanza("complete", "1.0", "amd64") + "\nPackage: cut-off\nStatus: install ok inst");

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, BOOKWORM);

        assertThat(result.components()).extracting(Component::name).containsExactly("complete");
    }

    @Test
    void catalog_truncatedBeforeVersion_reportsUnknown() throws IOException {
        write(STATUS, stanza("complete", "1.0", "amd64") + "\nPackage: cut-off\nStatus: install ok installed\n");

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, BOOKWORM);

        assertThat(result.components()).extracting(Component::name).containsExactly("complete");
        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo(STATUS);
            assertThat(unknown.catalogerId()).isEqualTo("dpkg-db-cataloger");
            assertThat(unknown.reason()).contains("cut-off").contains("Version");
        });
    }

    @Test
    void catalog_invalidUtf8_isReplacedNotFatal() throws IOException {
        byte[] prefix = "Package: latin\nStatus: install ok installed\nVersion: 1\nArchitecture: all\nMaintainer: Ren"
                .getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xE9, (byte) 0xFF, (byte) 0xC3};
        byte[] suffix = " <r@example.org>\n".getBytes(StandardCharsets.UTF_8);
        Path status = root.resolve(STATUS);
        Files.createDirectories(status.getParent());
        Files.write(status, concat(prefix, bad, suffix));

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, BOOKWORM);

        assertThat(result.unknowns()).isEmpty();
        assertThat(result.components())
                .singleElement()
                .satisfies(component -> assertThat(component.property("assay:maintainer"))
                        .hasValueSatisfying(value -> assertThat(value).startsWith("Ren\uFFFD")));
    }

    @Test
    void catalog_stanzaWithoutPackage_isUnknownAndOthersSurvive() throws IOException {
        write(STATUS, "Status: install ok installed\nVersion: 1.0\n\n" + stanza("kept", "1", "all"));

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, BOOKWORM);

        assertThat(result.components()).extracting(Component::name).containsExactly("kept");
        assertThat(result.unknowns())
                .extracting(Unknown::reason)
                .containsExactly("stanza at line 1 has no Package field");
    }

    @Test
    void catalog_hugeVersionLine_isUnknownNotAHugePurl() throws IOException {
        String huge = "1." + "9".repeat(2_000_000);
        write(STATUS, stanza("huge", huge, "amd64") + "\n" + stanza("kept", "1", "all"));

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, BOOKWORM);

        assertThat(result.components()).extracting(Component::name).containsExactly("kept");
        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.reason()).contains("huge").contains("no valid Version");
            assertThat(unknown.reason().length()).isLessThan(300);
        });
    }

    @Test
    void catalog_manyMalformedLines_reportsABoundedNumberOfUnknowns() throws IOException {
        write(STATUS, " orphan continuation\n".repeat(50_000) + "no colon here\n" + "\n" + stanza("kept", "1", "all"));

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, BOOKWORM);

        assertThat(result.components()).extracting(Component::name).containsExactly("kept");
        assertThat(result.unknowns()).hasSizeLessThanOrEqualTo(11);
        assertThat(result.unknowns()).anyMatch(unknown -> unknown.reason().equals("and 49991 more"));
    }

    @Test
    void catalog_binaryGarbage_isUnknownOrEmptyNeverACrash() throws IOException {
        byte[] garbage = new byte[64 * 1024];
        new java.util.Random(42).nextBytes(garbage);
        Path status = root.resolve(STATUS);
        Files.createDirectories(status.getParent());
        Files.write(status, garbage);

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, BOOKWORM);

        assertThat(result.components()).isEmpty();
        assertThat(result.unknowns())
                .allSatisfy(unknown -> assertThat(unknown.location().path()).isEqualTo(STATUS));
    }

    @Test
    void catalog_hugeCopyright_readsOnlyItsStart() throws IOException {
        write(STATUS, stanza("big", "1", "all"));
        StringBuilder copyright =
                new StringBuilder("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\n");
        copyright.append("Files: *\nLicense: MIT\n\n");
        String filler = "Files: x\nCopyright: someone\nLicense: BSD-3-clause\n\n";
        while (copyright.length() < 2 * DebianCopyright.MAX_BYTES) {
            copyright.append(filler);
        }
        copyright.append("Files: y\nLicense: BEYOND-THE-LIMIT\n");
        write("usr/share/doc/big/copyright", copyright.toString());

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, BOOKWORM);

        assertThat(result.components().getFirst().licenses()).containsExactly("BSD-3-Clause", "MIT");
    }

    @Test
    void catalog_copyrightLinkOutsideTheRoot_staysInsideTheRoot(@TempDir Path outside) throws IOException {
        Path secret = outside.resolve("copyright");
        Files.writeString(
                secret,
                "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
                        + "License: HOST-SECRET\n");
        write(STATUS, stanza("absolute", "1", "all") + "\n" + stanza("relative", "1", "all"));
        Path absoluteDoc = root.resolve("usr/share/doc/absolute");
        Files.createDirectories(absoluteDoc);
        Files.createSymbolicLink(absoluteDoc.resolve("copyright"), secret);
        Path relativeDoc = root.resolve("usr/share/doc/relative");
        Files.createDirectories(relativeDoc);
        Files.createSymbolicLink(relativeDoc.resolve("copyright"), relativeDoc.relativize(secret));

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, BOOKWORM);

        assertThat(result.components()).hasSize(2);
        assertThat(result.components())
                .allSatisfy(component -> assertThat(component.licenses()).isEmpty());
        assertThat(result.unknowns()).isEmpty();
    }

    @Test
    void catalog_docDirectoryLinkInsideTheRoot_isFollowed() throws IOException {
        write(STATUS, stanza("gcc-12-base", "12.2.0-14", "amd64") + "\n" + stanza("libgcc-s1", "12.2.0-14", "amd64"));
        write(
                "usr/share/doc/gcc-12-base/copyright",
                "Format: http://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\n"
                        + "Files: *\nLicense: GPL-3+ with GCC-exception-3.1 or LGPL-2.1+\n");
        Files.createSymbolicLink(root.resolve("usr/share/doc/libgcc-s1"), Path.of("gcc-12-base"));

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, BOOKWORM);

        assertThat(find(result, "libgcc-s1", "amd64").licenses())
                .containsExactly("GPL-3.0-or-later", "LGPL-2.1-or-later");
    }

    private CatalogResult catalogFixture(String fixture) {
        return CatalogTesting.catalogRootfs(cataloger, Fixtures.path(getClass(), fixture), BOOKWORM);
    }

    private static Component find(CatalogResult result, String name, String arch) {
        Optional<Component> found = result.components().stream()
                .filter(component -> component.name().equals(name)
                        && component.property("assay:arch").orElse("").equals(arch))
                .findFirst();
        assertThat(found).as(name + ":" + arch).isPresent();
        return found.get();
    }

    private static List<String> dependencies(CatalogResult result, String name, String arch) {
        Purl from = find(result, name, arch).purl();
        return result.relationships().stream()
                .filter(edge -> edge.from().equals(from))
                .map(Relationship::to)
                .map(to -> to.name() + ":" + to.qualifiers().get("arch"))
                .toList();
    }

    private static String stanza(String name, String version, String arch) {
        return "Package: " + name + "\nStatus: install ok installed\nVersion: " + version + "\nArchitecture: " + arch
                + "\n";
    }

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }
}
