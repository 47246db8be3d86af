package dev.assay.catalog.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PythonRequirementTest {
    @Test
    void parse_fullSpecifier_allParts() {
        PythonRequirement requirement = PythonRequirement.parse(
                        "requests[security, socks] >=2.8.1, ==2.8.* ; python_version < \"2.7\"")
                .orElseThrow();

        assertThat(requirement.name()).isEqualTo("requests");
        assertThat(requirement.extras()).containsExactly("security", "socks");
        assertThat(requirement.specifier()).isEqualTo(">=2.8.1, ==2.8.*");
        assertThat(requirement.marker()).isEqualTo("python_version < \"2.7\"");
        assertThat(requirement.pinnedVersion()).isEmpty();
    }

    @Test
    void parse_coreMetadataParentheses_specifierUnwrapped() {
        PythonRequirement requirement =
                PythonRequirement.parse("charset-normalizer (<4,>=2)").orElseThrow();

        assertThat(requirement.specifier()).isEqualTo("<4,>=2");
    }

    @Test
    void parse_directReference_urlAndMarker() {
        PythonRequirement requirement = PythonRequirement.parse(
                        "pip @ https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee9982d4bbb3c72346a6de940a148ea686 ; python_version >= '3'")
                .orElseThrow();

        assertThat(requirement.url()).startsWith("https://github.com/pypa/pip/archive/1.3.1.zip");
        assertThat(requirement.marker()).isEqualTo("python_version >= '3'");
    }

    @Test
    void pinnedVersion_pinsOnly() {
        assertThat(PythonRequirement.pinnedVersion("==1.2.3")).contains("1.2.3");
        assertThat(PythonRequirement.pinnedVersion("=== 1.0+local")).contains("1.0+local");
        assertThat(PythonRequirement.pinnedVersion("==1.2.*")).isEmpty();
        assertThat(PythonRequirement.pinnedVersion(">=1.2")).isEmpty();
        assertThat(PythonRequirement.pinnedVersion("==1.2,<2")).isEmpty();
    }

    @Test
    void parse_notARequirement_empty() {
        for (String text : List.of("", "==2.3.4", "with the repository.", "-e .", "foo[bar", "(x)")) {
            assertThat(PythonRequirement.parse(text)).as(text).isEmpty();
        }
    }

    @Test
    void normalize_pep503() {
        assertThat(PypiPackages.normalize("FrIeNdLy-_-bArD")).isEqualTo("friendly-bard");
        assertThat(PypiPackages.normalize("zope.interface")).isEqualTo("zope-interface");
        assertThat(PypiPackages.purl("PyYAML", "5.3")).hasToString("pkg:pypi/pyyaml@5.3");
    }
}
