package dev.assay.sbom;

import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Distro;
import dev.assay.model.HashAlgorithm;
import dev.assay.model.Location;
import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Sbom;
import dev.assay.model.SbomMetadata;
import dev.assay.model.Scope;
import dev.assay.model.Tool;
import dev.assay.model.Unknown;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** SBOMs for codec tests: one with every feature, and seeded random ones for round-trip properties. */
final class SampleSboms {
    static final String LAYER = "sha256:" + "ab".repeat(32);
    static final Purl SUBJECT = Purl.of(PackageType.GENERIC, null, "shop-image", "1.0");
    static final Purl APP = Purl.of(PackageType.NPM, null, "shop", "2.1.0");
    static final Purl LODASH = Purl.of(PackageType.NPM, null, "lodash", "4.17.21");
    static final Purl JACKSON = Purl.of(PackageType.MAVEN, "com.fasterxml.jackson.core", "jackson-databind", "2.17.0");
    static final Purl LIBC = Purl.of(
            PackageType.DEB, "debian", "libc6", "2.36-9+deb12u4", Map.of("arch", "amd64", "distro", "debian-12"));
    static final Purl SPRING = Purl.of(PackageType.MAVEN, "org.springframework", "spring-core", "6.1.0");
    static final Purl BUSYBOX = Purl.of(PackageType.GENERIC, null, "busybox", "1.36.1");
    static final Purl BASE = Purl.of(PackageType.GENERIC, null, "debian-base", "12");
    static final Purl CONFIG = Purl.of(PackageType.GENERIC, null, "app.conf", null);
    static final Purl OS_PACKAGE = Purl.of(PackageType.GENERIC, null, "debian", "12");
    static final Purl MOCHA = Purl.of(PackageType.NPM, null, "mocha", "10.0.0");

    private SampleSboms() {}

    /** Every component kind, scope, hash and license shape, evidence with layers, unknowns and a distro. */
    static Sbom rich() {
        List<Component> components = List.of(
                Component.builder(APP)
                        .kind(ComponentKind.APPLICATION)
                        .license("MIT")
                        .evidence(
                                "javascript-package-lock-cataloger",
                                Location.of("app/package-lock.json"),
                                "package-lock.json")
                        .property("assay:lockfile-version", "3")
                        .build(),
                Component.builder(LODASH)
                        .license("MIT OR Apache-2.0")
                        .hash(HashAlgorithm.SHA512, "cf".repeat(64))
                        .evidence(
                                "javascript-package-lock-cataloger",
                                new Location("app/package-lock.json", LAYER),
                                "package-lock.json")
                        .evidence(
                                "javascript-package-cataloger",
                                new Location("app/node_modules/lodash/package.json", LAYER),
                                "package.json")
                        .build(),
                Component.builder(MOCHA)
                        .scope(Scope.EXCLUDED)
                        .license("Apache License, Version 2.0")
                        .license("BSD-3-Clause")
                        .evidence("javascript-package-lock-cataloger", Location.of("app/package-lock.json"), "")
                        .build(),
                Component.builder(JACKSON)
                        .kind(ComponentKind.LIBRARY)
                        .hash(HashAlgorithm.SHA1, "a1".repeat(20))
                        .hash(HashAlgorithm.SHA256, "b2".repeat(32))
                        .hash(HashAlgorithm.MD5, "c3".repeat(16))
                        .license("Apache-2.0")
                        .evidence(
                                "java-archive-cataloger",
                                new Location("app/lib/app.jar", LAYER)
                                        .nested("BOOT-INF/lib/jackson-databind-2.17.0.jar"),
                                "pom.properties")
                        .build(),
                Component.builder(SPRING)
                        .kind(ComponentKind.FRAMEWORK)
                        .scope(Scope.OPTIONAL)
                        .license("Apache-2.0 WITH Classpath-exception-2.0")
                        .evidence("java-archive-cataloger", Location.of("app/lib/spring-core.jar"), "file name")
                        .build(),
                Component.builder(LIBC)
                        .license("GPL-2.0-or-later")
                        .license("LGPL-2.1-or-later")
                        .hash(HashAlgorithm.SHA256, "d4".repeat(32))
                        .evidence("os-dpkg-cataloger", new Location("var/lib/dpkg/status", LAYER), "dpkg status")
                        .property("assay:source-package", "glibc")
                        .property("assay:architecture", "amd64")
                        .build(),
                Component.builder(BUSYBOX)
                        .kind(ComponentKind.FILE)
                        .hash(HashAlgorithm.SHA3_256, "e5".repeat(32))
                        .hash(HashAlgorithm.BLAKE2B_512, "f6".repeat(64))
                        .evidence("binary-cataloger", new Location("bin/busybox", LAYER), "binary version string")
                        .build(),
                Component.builder(BASE).kind(ComponentKind.CONTAINER).build(),
                Component.builder(OS_PACKAGE)
                        .kind(ComponentKind.OPERATING_SYSTEM)
                        .build(),
                Component.builder(CONFIG).kind(ComponentKind.FILE).build());
        List<Relationship> relationships = List.of(
                Relationship.dependsOn(SUBJECT, APP),
                Relationship.dependsOn(APP, LODASH),
                Relationship.dependsOn(APP, MOCHA),
                Relationship.dependsOn(APP, JACKSON),
                Relationship.dependsOn(JACKSON, SPRING),
                Relationship.contains(SUBJECT, LIBC),
                Relationship.contains(SUBJECT, BUSYBOX),
                Relationship.contains(BASE, LIBC),
                Relationship.contains(APP, CONFIG));
        List<Unknown> unknowns = List.of(
                new Unknown(
                        new Location("app/broken/package-lock.json", LAYER),
                        "javascript-package-lock-cataloger",
                        "not valid JSON: unexpected end of input"),
                new Unknown(
                        Location.of("app/lib/bomb.jar"), "java-archive-cataloger", "expands past the limit: 1 GiB"));
        Component subject = Component.builder(SUBJECT)
                .kind(ComponentKind.CONTAINER)
                .name("shop-image")
                .build();
        TreeMap<String, String> properties = new TreeMap<>();
        properties.put("assay:source-kind", "image");
        properties.put("assay:image:digest", "sha256:" + "12".repeat(32));
        SbomMetadata metadata = new SbomMetadata(
                "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
                Instant.parse("2025-05-01T10:15:30Z"),
                subject,
                List.of(new Tool("Assay", "assay", "0.1.0")),
                new Distro("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)"),
                properties);
        return new Sbom(metadata, components, relationships, unknowns);
    }

    /** A random but valid inventory: purls across ecosystems, hashes, licenses, evidence and a DAG. */
    static Sbom random(long seed, int size) {
        Random random = new Random(seed);
        PackageType[] types = {PackageType.NPM, PackageType.MAVEN, PackageType.PYPI, PackageType.DEB, PackageType.GOLANG
        };
        String[] licenses = {"MIT", "Apache-2.0", "BSD-3-Clause", "GPL-3.0-only OR MIT", "Custom License 1.0", "ISC"};
        List<Component> components = new ArrayList<>();
        for (int index = 0; index < size; index++) {
            PackageType type = types[random.nextInt(types.length)];
            String namespace = switch (type) {
                case MAVEN -> "org.example.g" + random.nextInt(5);
                case GOLANG -> "github.com/example";
                case DEB -> "debian";
                default -> null;
            };
            Purl purl = Purl.of(type, namespace, "pkg-" + index, random.nextInt(10) + "." + random.nextInt(20) + ".0");
            Component.Builder builder = Component.builder(purl)
                    .kind(ComponentKind.values()[random.nextInt(ComponentKind.values().length)])
                    .scope(Scope.values()[random.nextInt(Scope.values().length)]);
            if (random.nextBoolean()) {
                builder.license(licenses[random.nextInt(licenses.length)]);
            }
            if (random.nextInt(4) == 0) {
                builder.license(licenses[random.nextInt(licenses.length)]);
            }
            if (random.nextBoolean()) {
                builder.hash(HashAlgorithm.SHA256, hex(random, 32));
            }
            if (random.nextInt(3) == 0) {
                builder.hash(HashAlgorithm.SHA1, hex(random, 20));
            }
            int evidenceCount = random.nextInt(3);
            for (int item = 0; item < evidenceCount; item++) {
                builder.evidence(
                        "cataloger-" + random.nextInt(3),
                        new Location(
                                "dir" + random.nextInt(4) + "/file-" + index + ".lock",
                                random.nextBoolean() ? "sha256:" + hex(random, 32) : null),
                        random.nextBoolean() ? "lockfile" : "");
            }
            if (random.nextInt(5) == 0) {
                builder.property("assay:extra", "value " + random.nextInt(100));
            }
            components.add(builder.build());
        }
        List<Relationship> relationships = new ArrayList<>();
        for (int index = 1; index < size; index++) {
            int edges = random.nextInt(3);
            for (int edge = 0; edge < edges; edge++) {
                Purl from = components.get(random.nextInt(index)).purl();
                Purl to = components.get(index).purl();
                relationships.add(
                        random.nextInt(4) == 0 ? Relationship.contains(from, to) : Relationship.dependsOn(from, to));
            }
        }
        Component subject = Component.builder(Purl.of(PackageType.GENERIC, null, "project-" + seed, null))
                .kind(ComponentKind.FILE)
                .build();
        if (size > 0) {
            relationships.add(
                    Relationship.dependsOn(subject.purl(), components.get(0).purl()));
        }
        List<Unknown> unknowns = new ArrayList<>();
        if (random.nextBoolean()) {
            unknowns.add(new Unknown(Location.of("broken-" + seed + ".lock"), "cataloger-1", "truncated: at line 3"));
        }
        SbomMetadata metadata = new SbomMetadata(
                null, Instant.EPOCH, subject, List.of(new Tool("Assay", "assay", "0.1.0")), null, new TreeMap<>());
        return new Sbom(metadata, components, relationships, unknowns);
    }

    private static String hex(Random random, int bytes) {
        StringBuilder hex = new StringBuilder();
        for (int index = 0; index < bytes; index++) {
            hex.append(String.format(java.util.Locale.ROOT, "%02x", random.nextInt(256)));
        }
        return hex.toString();
    }
}
