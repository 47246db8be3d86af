package dev.assay.vulndb.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OsvEcosystemsTest {
    @Test
    void withDefaults_extraNames_areAppendedOnce() {
        List<String> names = OsvEcosystems.withDefaults(List.of("Rocky Linux", "Maven", "Hex", "Hex"));

        assertThat(names)
                .startsWith("Maven", "npm", "PyPI", "Go", "crates.io")
                .endsWith("Alpine", "Rocky Linux", "Hex");
        assertThat(names).doesNotHaveDuplicates().hasSize(13);
    }

    @Test
    void pathSegment_reservedAndNonAsciiCharacters_arePercentEncoded() {
        assertThat(OsvEcosystems.pathSegment("crates.io")).isEqualTo("crates.io");
        assertThat(OsvEcosystems.pathSegment("Rocky Linux")).isEqualTo("Rocky%20Linux");
        assertThat(OsvEcosystems.pathSegment("Ubuntu:22.04:LTS")).isEqualTo("Ubuntu%3A22.04%3ALTS");
        assertThat(OsvEcosystems.pathSegment("Ökosystem?#%")).isEqualTo("%C3%96kosystem%3F%23%25");
    }

    @Test
    void requireValid_namesThatCouldEscapeTheFolder_areRejected() {
        for (String name : List.of("", " ", ".", "..", "a/b", "a\\b", "tab\there", " Maven", "x".repeat(101))) {
            assertThatThrownBy(() -> OsvEcosystems.requireValid(name))
                    .as("'%s'", name)
                    .isInstanceOf(InvalidInputException.class);
        }
    }
}
