package dev.assay.match.vex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Finding;
import dev.assay.model.Purl;
import dev.assay.model.Sbom;
import dev.assay.model.SbomMetadata;
import dev.assay.model.Severity;
import dev.assay.model.VexStatus;
import dev.assay.model.Vulnerability;
import dev.assay.sbom.SbomCodecs;
import dev.assay.testkit.Corpora;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class VexApplierTest {
    private static final Purl SHOP = Purl.parse("pkg:maven/com.example/shop@1.0.0");
    private static final Purl LOG4J = Purl.parse("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar");
    private final VexApplier applier = VexApplier.create();

    private static Sbom sbom(Purl subject, Component... components) {
        Component subjectComponent = subject == null
                ? null
                : Component.builder(subject).kind(ComponentKind.APPLICATION).build();
        return new Sbom(
                new SbomMetadata("urn:uuid:1", Instant.EPOCH, subjectComponent, List.of(), null, new TreeMap<>()),
                List.of(components),
                List.of(),
                List.of());
    }

    private static Finding finding(String id, List<String> aliases, Component component, List<Purl> path) {
        return new Finding(
                new Vulnerability(id, aliases, "", List.of(), List.of(), null, null),
                component,
                Severity.CRITICAL,
                List.of(),
                List.of(),
                path,
                false,
                null);
    }

    private static Component component(Purl purl) {
        return Component.builder(purl).build();
    }

    private static VexStatement statement(
            String vulnerability, VexStatus status, Instant time, VexProduct... products) {
        return new VexStatement(
                vulnerability, List.of(), List.of(products), status, "component_not_present", "why", "", time, "s");
    }

    private static VexDocument document(String name, VexStatement... statements) {
        return new VexDocument(name, VexFormat.OPENVEX, List.of(statements), List.of());
    }

    private static VexProduct product(String purl) {
        return VexProduct.of(Purl.parse(purl));
    }

    @Test
    void apply_openVexSubcomponentOfTheScannedProduct_suppressesWithReasonAndSource() {
        VexDocument vex =
                OpenVexReader.read(Fixtures.bytes(VexApplierTest.class, "vex/openvex-v0.2.0.json"), "shop.vex.json");
        Component log4j = component(LOG4J);
        Finding log4shell = finding("CVE-2021-44228", List.of("GHSA-jfh8-c2jp-5v3q"), log4j, List.of(LOG4J));

        VexResult result = applier.apply(List.of(log4shell), sbom(SHOP, log4j), List.of(vex));

        assertThat(result.findings()).isEmpty();
        assertThat(result.suppressed()).singleElement().satisfies(suppressed -> {
            assertThat(suppressed.finding()).isEqualTo(log4shell);
            assertThat(suppressed.status()).isEqualTo(VexStatus.NOT_AFFECTED);
            assertThat(suppressed.justification()).isEqualTo("vulnerable_code_not_in_execute_path");
            assertThat(suppressed.statement()).startsWith("JNDI lookups are disabled");
            assertThat(suppressed.vexSource()).isEqualTo("https://example.org/vex/assay-test-1#log4shell");
        });
    }

    @Test
    void apply_subcomponentStatementInAnotherProduct_doesNotApply() {
        VexDocument vex =
                OpenVexReader.read(Fixtures.bytes(VexApplierTest.class, "vex/openvex-v0.2.0.json"), "shop.vex.json");
        Component log4j = component(LOG4J);
        Finding log4shell = finding("CVE-2021-44228", List.of(), log4j, List.of(LOG4J));

        VexResult result = applier.apply(
                List.of(log4shell), sbom(Purl.parse("pkg:maven/com.example/other@1.0.0"), log4j), List.of(vex));

        assertThat(result.findings()).containsExactly(log4shell);
        assertThat(result.suppressed()).isEmpty();
    }

    @Test
    void apply_vulnerabilityNamedByAnAliasInAnyCase_matches() {
        Component lib = component(Purl.parse("pkg:npm/lib@1.0.0"));
        Finding finding = finding("CVE-2024-0001", List.of("GHSA-abcd-efgh-ijkl"), lib, List.of());
        VexStatement byAlias = statement("ghsa-ABCD-efgh-ijkl", VexStatus.FIXED, null, product("pkg:npm/lib@1.0.0"));

        VexResult result = applier.apply(List.of(finding), sbom(null, lib), List.of(document("d", byAlias)));

        assertThat(result.suppressed())
                .singleElement()
                .satisfies(suppressed -> assertThat(suppressed.status()).isEqualTo(VexStatus.FIXED));
    }

    @Test
    void apply_productPurlRules_versionlessMatchesAllQualifiersMustAgree() {
        Component lib = component(Purl.parse("pkg:deb/debian/openssl@3.0.11-1?arch=amd64&distro=debian-12"));
        Finding finding = finding("CVE-2024-0001", List.of(), lib, List.of());
        Sbom sbom = sbom(null, lib);

        assertThat(applier.apply(
                        List.of(finding),
                        sbom,
                        List.of(document(
                                "d",
                                statement(
                                        "CVE-2024-0001",
                                        VexStatus.NOT_AFFECTED,
                                        null,
                                        product("pkg:deb/debian/openssl"))))))
                .satisfies(result -> assertThat(result.suppressed()).hasSize(1));
        assertThat(applier.apply(
                        List.of(finding),
                        sbom,
                        List.of(document(
                                "d",
                                statement(
                                        "CVE-2024-0001",
                                        VexStatus.NOT_AFFECTED,
                                        null,
                                        product("pkg:deb/debian/openssl@3.0.11-1?arch=amd64"))))))
                .satisfies(result -> assertThat(result.suppressed()).hasSize(1));
        assertThat(applier.apply(
                        List.of(finding),
                        sbom,
                        List.of(document(
                                "d",
                                statement(
                                        "CVE-2024-0001",
                                        VexStatus.NOT_AFFECTED,
                                        null,
                                        product("pkg:deb/debian/openssl@3.0.11-1?arch=arm64"))))))
                .satisfies(result -> assertThat(result.suppressed()).isEmpty());
        assertThat(applier.apply(
                        List.of(finding),
                        sbom,
                        List.of(document(
                                "d",
                                statement(
                                        "CVE-2024-0001",
                                        VexStatus.NOT_AFFECTED,
                                        null,
                                        product("pkg:deb/debian/openssl@3.0.10-1"))))))
                .satisfies(result -> assertThat(result.suppressed()).isEmpty());
        assertThat(applier.apply(
                        List.of(finding),
                        sbom,
                        List.of(document(
                                "d",
                                statement(
                                        "CVE-2024-0002",
                                        VexStatus.NOT_AFFECTED,
                                        null,
                                        product("pkg:deb/debian/openssl"))))))
                .satisfies(result -> assertThat(result.suppressed()).isEmpty());
    }

    @Test
    void apply_laterStatementWins_byTimestampThenPosition() {
        Component lib = component(Purl.parse("pkg:npm/lib@1.0.0"));
        Finding finding = finding("CVE-2024-0001", List.of(), lib, List.of());
        VexStatement notAffectedEarly = statement(
                "CVE-2024-0001", VexStatus.NOT_AFFECTED, Instant.parse("2024-01-01T00:00:00Z"), product("pkg:npm/lib"));
        VexStatement affectedLater = statement(
                "CVE-2024-0001", VexStatus.AFFECTED, Instant.parse("2024-02-01T00:00:00Z"), product("pkg:npm/lib"));

        VexResult laterAffected = applier.apply(
                List.of(finding),
                sbom(null, lib),
                List.of(document("b", affectedLater), document("a", notAffectedEarly)));
        VexResult laterPosition = applier.apply(
                List.of(finding),
                sbom(null, lib),
                List.of(
                        document("a", statement("CVE-2024-0001", VexStatus.AFFECTED, null, product("pkg:npm/lib"))),
                        document(
                                "b",
                                statement("CVE-2024-0001", VexStatus.NOT_AFFECTED, null, product("pkg:npm/lib")))));

        assertThat(laterAffected.findings()).containsExactly(finding);
        assertThat(laterAffected.annotations()).singleElement().satisfies(annotation -> {
            assertThat(annotation.statement().status()).isEqualTo(VexStatus.AFFECTED);
            assertThat(annotation.vexSource()).isEqualTo("b");
        });
        assertThat(laterPosition.suppressed()).hasSize(1);
    }

    @Test
    void apply_underInvestigation_keepsTheFindingAndAnnotatesIt() {
        Component lib = component(Purl.parse("pkg:npm/lib@1.0.0"));
        Finding finding = finding("CVE-2024-0001", List.of(), lib, List.of());

        VexResult result = applier.apply(
                List.of(finding),
                sbom(null, lib),
                List.of(document(
                        "d", statement("CVE-2024-0001", VexStatus.UNDER_INVESTIGATION, null, product("pkg:npm/lib")))));

        assertThat(result.findings()).containsExactly(finding);
        assertThat(result.annotations()).hasSize(1);
    }

    @Test
    void apply_productOnTheDependencyPath_coversItsDependencies() {
        Purl framework = Purl.parse("pkg:maven/org.example/framework@5.0.0");
        Component deep = component(LOG4J);
        Finding finding = finding("CVE-2021-44228", List.of(), deep, List.of(framework, LOG4J));
        Sbom sbom = sbom(null, component(framework), deep);

        VexResult result = applier.apply(
                List.of(finding),
                sbom,
                List.of(document(
                        "d",
                        statement(
                                "CVE-2021-44228",
                                VexStatus.NOT_AFFECTED,
                                null,
                                product("pkg:maven/org.example/framework")))));

        assertThat(result.suppressed()).hasSize(1);
    }

    @Test
    void apply_versionNarrowedProduct_appliesInsideTheRangeOnly() {
        VexProduct narrowed = new VexProduct(
                "acme",
                Purl.parse("pkg:generic/acme"),
                List.of("5.9.0"),
                List.of("vers:semver/>=2.0.0|<=2.7.0"),
                List.of());
        VexStatement statement = statement("CVE-2020-25649", VexStatus.NOT_AFFECTED, null, narrowed);
        Component jackson = component(Purl.parse("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0"));
        Finding finding = finding("CVE-2020-25649", List.of(), jackson, List.of());

        for (String version : List.of("2.0.0", "2.4.1", "2.7.0", "5.9.0")) {
            Purl acme = Purl.parse("pkg:generic/acme@" + version);
            assertThat(applier.apply(List.of(finding), sbom(acme, jackson), List.of(document("d", statement)))
                            .suppressed())
                    .as(version)
                    .hasSize(1);
        }
        for (String version : List.of("1.9.9", "2.7.1", "5.9.1")) {
            Purl acme = Purl.parse("pkg:generic/acme@" + version);
            assertThat(applier.apply(List.of(finding), sbom(acme, jackson), List.of(document("d", statement)))
                            .suppressed())
                    .as(version)
                    .isEmpty();
        }
    }

    @Test
    void apply_cycloneDxExampleBomAndItsVex_suppressesJacksonDatabind() throws IOException {
        Sbom sbom = SbomCodecs.read(
                Files.readAllBytes(Corpora.require("sbom/cyclonedx-bom-examples/VEX/bom.json")), "bom.json");
        VexDocument vex = VexDocuments.read(
                Files.readAllBytes(Corpora.require("sbom/cyclonedx-bom-examples/VEX/vex.json")), "vex.json");
        Component jackson = sbom.components().stream()
                .filter(component -> component.purl().name().equals("jackson-databind"))
                .findFirst()
                .orElseThrow();
        Finding cve = finding("CVE-2020-25649", List.of("GHSA-288c-cq4h-88gq"), jackson, List.of(jackson.purl()));
        Finding other = finding("CVE-2020-36518", List.of(), jackson, List.of(jackson.purl()));

        VexResult result = applier.apply(List.of(cve, other), sbom, List.of(vex));

        assertThat(result.findings()).containsExactly(other);
        assertThat(result.suppressed()).singleElement().satisfies(suppressed -> {
            assertThat(suppressed.finding()).isEqualTo(cve);
            assertThat(suppressed.status()).isEqualTo(VexStatus.NOT_AFFECTED);
            assertThat(suppressed.justification()).isEqualTo("code_not_reachable");
            assertThat(suppressed.vexSource()).startsWith("vex.json");
        });
    }

    @Test
    void apply_cycloneDxUseCase1ToAnSbomOfThatProduct_suppressesInsideIt() throws IOException {
        VexDocument vex = VexDocuments.read(
                Files.readAllBytes(Corpora.require("sbom/cyclonedx-bom-examples/VEX/Use-Cases/Case-1/vex.json")),
                "case-1.json");
        String productBom = """
                {"bomFormat": "CycloneDX", "specVersion": "1.4", "version": 1,
                 "metadata": {"component": {"type": "application", "name": "Acme Product", "version": "2.4.0",
                                            "bom-ref": "acme-product"}},
                 "components": [{"type": "library", "group": "com.fasterxml.jackson.core",
                                 "name": "jackson-databind", "version": "2.10.0",
                                 "purl": "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0"}]}
                """;
        Sbom sbom = SbomCodecs.read(productBom.getBytes(StandardCharsets.UTF_8), "acme.cdx.json");
        Component jackson = sbom.components().getFirst();
        Finding finding = finding("CVE-2020-25649", List.of(), jackson, List.of());

        VexResult result = applier.apply(List.of(finding), sbom, List.of(vex));

        assertThat(result.suppressed()).hasSize(1);
    }
}
