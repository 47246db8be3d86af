package dev.assay.catalog.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.catalog.CatalogTesting;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.CatalogTag;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.model.Component;
import dev.assay.model.Distro;
import dev.assay.model.Hash;
import dev.assay.model.HashAlgorithm;
import dev.assay.model.Relationship;
import dev.assay.model.Unknown;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApkDbCatalogerTest {
    private static final Distro ALPINE = new Distro("alpine", "3.19.1", "", "Alpine Linux v3.19");
    private static final String DB = "lib/apk/db/installed";

    private final Cataloger cataloger = OsCatalogers.all().stream()
            .filter(candidate -> candidate.id().equals("apk-db-cataloger"))
            .findFirst()
            .orElseThrow();

    @TempDir
    Path root;

    @Test
    void tags_osCataloger_runsOnImagesOnly() {
        assertThat(cataloger.tags())
                .containsExactlyInAnyOrder(CatalogTag.IMAGE, CatalogTag.ECOSYSTEM_OS, CatalogTag.INSTALLED);
    }

    @Test
    void catalog_installedDatabase_emitsEveryPackageWithPurl() {
        CatalogResult result = catalogFixture();

        assertThat(result.unknowns()).isEmpty();
        assertThat(CatalogTesting.purls(result))
                .containsExactly(
                        "pkg:apk/alpine/alpine-baselayout-data@3.4.3-r2?arch=x86_64&distro=alpine-3.19.1&upstream=alpine-baselayout",
                        "pkg:apk/alpine/alpine-baselayout@3.4.3-r2?arch=x86_64&distro=alpine-3.19.1",
                        "pkg:apk/alpine/busybox-binsh@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1&upstream=busybox",
                        "pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1",
                        "pkg:apk/alpine/libcrypto3@3.1.4-r5?arch=x86_64&distro=alpine-3.19.1&upstream=openssl",
                        "pkg:apk/alpine/libssl3@3.1.4-r5?arch=x86_64&distro=alpine-3.19.1&upstream=openssl",
                        "pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64&distro=alpine-3.19.1",
                        "pkg:apk/alpine/scanelf@1.3.7-r2?arch=x86_64&distro=alpine-3.19.1&upstream=pax-utils",
                        "pkg:apk/alpine/ssl_client@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1&upstream=busybox");
    }

    @Test
    void catalog_packageFields_becomeLicensesHashAndProperties() {
        CatalogResult result = catalogFixture();

        Component musl = find(result, "musl");
        assertThat(musl.version()).isEqualTo("1.2.4_git20230717-r4");
        assertThat(musl.licenses()).containsExactly("MIT");
        // C:Q1<base64> is a SHA-1.
        assertThat(musl.hashes())
                .containsExactly(new Hash(HashAlgorithm.SHA1, "9b230d7ddeeee6fe544e03477aad5edf5a938d95"));
        assertThat(musl.properties())
                .containsEntry("assay:source-package", "musl")
                .containsEntry("assay:source-version", "1.2.4_git20230717-r4")
                .containsEntry("assay:arch", "x86_64")
                .containsEntry("assay:distro", "alpine:3.19.1")
                .containsEntry("assay:maintainer", "Timo Teräs <timo.teras@iki.fi>")
                .containsEntry("assay:build-time", "2024-01-23T08:37:02Z");
        assertThat(musl.evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.catalogerId()).isEqualTo("apk-db-cataloger");
            assertThat(evidence.location().path()).isEqualTo(DB);
        });
        assertThat(find(result, "libssl3").properties()).containsEntry("assay:source-package", "openssl");
        // An SPDX expression stays whole; a space-separated list is split.
        assertThat(find(result, "scanelf").licenses()).containsExactly("GPL-2.0-only AND BSD-2-Clause");
        assertThat(find(result, "ssl_client").licenses()).containsExactly("GPL-2.0-only", "MIT");
    }

    @Test
    void catalog_depends_resolveThroughProvides() {
        CatalogResult result = catalogFixture();

        assertThat(dependencies(result, "libssl3")).containsExactlyInAnyOrder("libcrypto3", "musl");
        assertThat(dependencies(result, "ssl_client")).containsExactlyInAnyOrder("libcrypto3", "libssl3", "musl");
        // A versioned name, a path provide (/bin/sh from busybox-binsh) and a conflict that gives no edge.
        assertThat(dependencies(result, "alpine-baselayout"))
                .containsExactlyInAnyOrder("alpine-baselayout-data", "busybox-binsh");
        assertThat(dependencies(result, "busybox-binsh")).containsExactly("busybox");
        assertThat(dependencies(result, "musl")).isEmpty();
    }

    @Test
    void catalog_wolfi_usesItsIdAsNamespace() throws IOException {
        write("P:glibc\nV:2.39-r1\nA:aarch64\nL:LGPL-2.1-or-later\no:glibc\n");

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, new Distro("wolfi", "20230201", "", ""));

        assertThat(CatalogTesting.purls(result))
                .containsExactly("pkg:apk/wolfi/glibc@2.39-r1?arch=aarch64&distro=wolfi-20230201");
    }

    @Test
    void catalog_withoutDistro_usesAlpineNamespace() throws IOException {
        write("P:zlib\nV:1.3.1-r0\nA:x86_64\n");

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, null);

        assertThat(CatalogTesting.purls(result)).containsExactly("pkg:apk/alpine/zlib@1.3.1-r0?arch=x86_64");
    }

    // ---- hostile input ----

    @Test
    void catalog_truncatedDatabase_keepsCompleteRecords() throws IOException {
        write("P:zlib\nV:1.3.1-r0\nA:x86_64\n\nP:cut\n");

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, ALPINE);

        assertThat(result.components()).extracting(Component::name).containsExactly("zlib");
        assertThat(result.unknowns()).singleElement().satisfies(unknown -> {
            assertThat(unknown.location().path()).isEqualTo(DB);
            assertThat(unknown.reason()).contains("cut").contains("version");
        });
    }

    @Test
    void catalog_recordWithoutName_isUnknown() throws IOException {
        write("V:1.0-r0\nA:x86_64\n\nP:kept\nV:1-r0\n");

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, ALPINE);

        assertThat(result.components()).extracting(Component::name).containsExactly("kept");
        assertThat(result.unknowns())
                .extracting(Unknown::reason)
                .containsExactly("record at line 1 has no P: (package name)");
    }

    @Test
    void catalog_hugeVersion_isUnknown() throws IOException {
        write("P:huge\nV:" + "1".repeat(3_000_000) + "\n\nP:kept\nV:1-r0\n");

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, ALPINE);

        assertThat(result.components()).extracting(Component::name).containsExactly("kept");
        assertThat(result.unknowns())
                .singleElement()
                .satisfies(unknown -> assertThat(unknown.reason().length()).isLessThan(300));
    }

    @Test
    void catalog_invalidUtf8AndBadChecksum_areTolerated() throws IOException {
        Path db = root.resolve(DB);
        Files.createDirectories(db.getParent());
        byte[] head = "P:latin\nV:1-r0\nC:Q1!!!not-base64\nm:Ren".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xE9;
        all[head.length + 1] = (byte) 0xFF;
        System.arraycopy(tail, 0, all, head.length + 2, tail.length);
        Files.write(db, all);

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, ALPINE);

        assertThat(result.unknowns()).isEmpty();
        assertThat(result.components()).singleElement().satisfies(component -> {
            assertThat(component.hashes()).isEmpty();
            assertThat(component.property("assay:maintainer")).hasValue("Ren\uFFFD\uFFFD");
        });
    }

    @Test
    void catalog_binaryGarbage_neverCrashes() throws IOException {
        byte[] garbage = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(garbage);
        Path db = root.resolve(DB);
        Files.createDirectories(db.getParent());
        Files.write(db, garbage);

        CatalogResult result = CatalogTesting.catalogRootfs(cataloger, root, ALPINE);

        assertThat(result.unknowns()).isNotEmpty().hasSizeLessThanOrEqualTo(11);
        assertThat(result.unknowns())
                .allSatisfy(unknown -> assertThat(unknown.location().path()).isEqualTo(DB));
    }

    private CatalogResult catalogFixture() {
        return CatalogTesting.catalogRootfs(cataloger, Fixtures.path(getClass(), "os/apk/rootfs"), ALPINE);
    }

    private void write(String content) throws IOException {
        Path db = root.resolve(DB);
        Files.createDirectories(db.getParent());
        Files.writeString(db, content, StandardCharsets.UTF_8);
    }

    private static Component find(CatalogResult result, String name) {
        return result.components().stream()
                .filter(component -> component.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no component " + name));
    }

    private static List<String> dependencies(CatalogResult result, String name) {
        Component from = find(result, name);
        return result.relationships().stream()
                .filter(edge -> edge.from().equals(from.purl()))
                .map(Relationship::to)
                .map(to -> to.name())
                .toList();
    }
}
