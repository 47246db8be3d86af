package dev.assay.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.ComponentKind;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Sbom;
import dev.assay.model.Scope;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** SBOMs written by other tools, in the shapes they actually use. */
class ForeignSbomReadTest {

    @Test
    void read_cycloneDxNestedComponents_areFlattenedWithContainsEdges() {
        String bom = """
                {"bomFormat":"CycloneDX","specVersion":"1.5","version":1,
                 "metadata":{"component":{"type":"application","bom-ref":"root","name":"webapp","version":"1"},
                   "tools":[{"vendor":"anchore","name":"syft","version":"1.0.0"}]},
                 "components":[
                   {"type":"library","bom-ref":"war","name":"app.war","purl":"pkg:maven/acme/app@1?type=war",
                    "components":[{"type":"library","bom-ref":"inner","name":"inner","version":"2",
                                   "purl":"pkg:maven/acme/inner@2","scope":"optional",
                                   "hashes":[{"alg":"SHA-1","content":"%s"}],
                                   "licenses":[{"license":{"id":"Apache-2.0"}},{"license":{"name":"Custom"}}]}]},
                   {"type":"file","name":"README.md"},
                   {"type":"operating-system","name":"alpine","version":"3.20.1","description":"Alpine Linux v3.20"}],
                 "dependencies":[{"ref":"root","dependsOn":["war"]},{"ref":"war","dependsOn":["inner"]}]}
                """.formatted("ab".repeat(20));

        Sbom sbom = SbomCodecs.read(bom.getBytes(StandardCharsets.UTF_8), "syft.json");

        Purl war = Purl.parse("pkg:maven/acme/app@1?type=war");
        Purl inner = Purl.parse("pkg:maven/acme/inner@2");
        Purl root = Purl.parse("pkg:generic/webapp@1");
        assertThat(sbom.components())
                .extracting(component -> component.purl().toString())
                .containsExactlyInAnyOrder(war.toString(), inner.toString(), "pkg:generic/README.md");
        assertThat(sbom.relationships())
                .containsExactlyInAnyOrder(
                        Relationship.contains(war, inner),
                        Relationship.dependsOn(root, war),
                        Relationship.dependsOn(war, inner));
        var innerComponent = sbom.component(inner).orElseThrow();
        assertThat(innerComponent.scope()).isEqualTo(Scope.OPTIONAL);
        assertThat(innerComponent.hashes()).hasSize(1);
        assertThat(innerComponent.licenses()).containsExactly("Apache-2.0", "Custom");
        assertThat(sbom.component(Purl.parse("pkg:generic/README.md"))
                        .orElseThrow()
                        .kind())
                .isEqualTo(ComponentKind.FILE);
        assertThat(sbom.metadata().subject().purl()).isEqualTo(root);
        assertThat(sbom.metadata().subject().kind()).isEqualTo(ComponentKind.APPLICATION);
        assertThat(sbom.metadata().distro().id()).isEqualTo("alpine");
        assertThat(sbom.metadata().distro().versionId()).isEqualTo("3.20.1");
        assertThat(sbom.metadata().tools())
                .extracting(dev.assay.model.Tool::name)
                .containsExactly("syft");
    }

    @Test
    void read_spdxFromAnotherTool_resolvesPurlsReversedEdgesAndLicenseRefs() {
        String document = """
                {"spdxVersion":"SPDX-2.2","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"x",
                 "documentNamespace":"https://example.com/x","creationInfo":{"created":"2024-02-03T04:05:06Z",
                   "creators":["Tool: trivy-0.50.1","Organization: Acme"]},
                 "documentDescribes":["SPDXRef-root"],
                 "hasExtractedLicensingInfos":[{"licenseId":"LicenseRef-acme","extractedText":"...","name":"Acme EULA"}],
                 "packages":[
                   {"SPDXID":"SPDXRef-root","name":"service","versionInfo":"3","downloadLocation":"NOASSERTION",
                    "primaryPackagePurpose":"APPLICATION"},
                   {"SPDXID":"SPDXRef-a","name":"requests","versionInfo":"2.31.0","downloadLocation":"NOASSERTION",
                    "licenseConcluded":"Apache-2.0","licenseDeclared":"NOASSERTION",
                    "checksums":[{"algorithm":"SHA256","checksumValue":"%s"},{"algorithm":"ADLER32","checksumValue":"1"}],
                    "externalRefs":[{"referenceCategory":"PACKAGE_MANAGER","referenceType":"purl",
                                     "referenceLocator":"pkg:pypi/requests@2.31.0"}]},
                   {"SPDXID":"SPDXRef-b","name":"acme-sdk","versionInfo":"1.0","downloadLocation":"NOASSERTION",
                    "licenseDeclared":"LicenseRef-acme"},
                   {"SPDXID":"SPDXRef-c","name":"urllib3","versionInfo":"2.0.0","downloadLocation":"NOASSERTION",
                    "licenseDeclared":"MIT AND (Apache-2.0 OR BSD-3-Clause)",
                    "externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl",
                                     "referenceLocator":"pkg:pypi/urllib3@2.0.0"}]}],
                 "files":[{"SPDXID":"SPDXRef-f","fileName":"./setup.py","checksums":[]}],
                 "relationships":[
                   {"spdxElementId":"SPDXRef-a","relationshipType":"DEPENDENCY_OF","relatedSpdxElement":"SPDXRef-root"},
                   {"spdxElementId":"SPDXRef-c","relationshipType":"DEV_DEPENDENCY_OF","relatedSpdxElement":"SPDXRef-a"},
                   {"spdxElementId":"SPDXRef-b","relationshipType":"CONTAINED_BY","relatedSpdxElement":"SPDXRef-root"},
                   {"spdxElementId":"SPDXRef-root","relationshipType":"CONTAINS","relatedSpdxElement":"SPDXRef-f"}]}
                """.formatted("cd".repeat(32));

        Sbom sbom = SbomCodecs.read(document.getBytes(StandardCharsets.UTF_8), "trivy.spdx.json");

        Purl root = Purl.parse("pkg:generic/service@3");
        Purl requests = Purl.parse("pkg:pypi/requests@2.31.0");
        Purl urllib3 = Purl.parse("pkg:pypi/urllib3@2.0.0");
        Purl acme = Purl.parse("pkg:generic/acme-sdk@1.0");
        assertThat(sbom.metadata().subject().purl()).isEqualTo(root);
        assertThat(sbom.components())
                .extracting(component -> component.purl())
                .containsExactlyInAnyOrder(requests, urllib3, acme);
        assertThat(sbom.relationships())
                .containsExactlyInAnyOrder(
                        Relationship.dependsOn(root, requests),
                        Relationship.dependsOn(requests, urllib3),
                        Relationship.contains(root, acme));
        assertThat(sbom.component(requests).orElseThrow().licenses()).containsExactly("Apache-2.0");
        assertThat(sbom.component(requests).orElseThrow().hashes()).hasSize(1);
        assertThat(sbom.component(acme).orElseThrow().licenses()).containsExactly("Acme EULA");
        assertThat(sbom.component(urllib3).orElseThrow().licenses())
                .containsExactly("MIT AND (Apache-2.0 OR BSD-3-Clause)");
        assertThat(sbom.metadata().tools())
                .extracting(tool -> tool.name() + " " + tool.version())
                .containsExactly("trivy 0.50.1");
        assertThat(sbom.metadata().timestamp()).hasToString("2024-02-03T04:05:06Z");
    }
}
