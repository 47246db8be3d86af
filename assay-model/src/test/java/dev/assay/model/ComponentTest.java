package dev.assay.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ComponentTest {
    private static final Purl LODASH = Purl.of(PackageType.NPM, null, "lodash", "4.17.15");

    @Test
    void builder_defaultsNameAndVersionFromPurl() {
        Component component = Component.builder(LODASH).build();

        assertThat(component.name()).isEqualTo("lodash");
        assertThat(component.version()).isEqualTo("4.17.15");
        assertThat(component.bomRef()).isEqualTo("pkg:npm/lodash@4.17.15");
        assertThat(component.scope()).isEqualTo(Scope.REQUIRED);
    }

    @Test
    void mergedWith_unitesEvidenceHashesAndLicenses() {
        Component fromLockfile = Component.builder(LODASH)
                .evidence("javascript-package-lock-cataloger", Location.of("package-lock.json"), "package-lock.json")
                .hash(HashAlgorithm.SHA512, "ab")
                .build();
        Component installed = Component.builder(LODASH)
                .evidence(
                        "javascript-package-json-cataloger",
                        Location.of("node_modules/lodash/package.json"),
                        "package.json")
                .license("MIT")
                .build();

        Component merged = fromLockfile.mergedWith(installed);

        assertThat(merged.evidence()).hasSize(2);
        assertThat(merged.hashes()).containsExactly(new Hash(HashAlgorithm.SHA512, "ab"));
        assertThat(merged.licenses()).containsExactly("MIT");
    }

    @Test
    void mergedWith_requiredWinsOverExcluded() {
        Component dev = Component.builder(LODASH).scope(Scope.EXCLUDED).build();
        Component prod = Component.builder(LODASH).scope(Scope.REQUIRED).build();

        assertThat(dev.mergedWith(prod).scope()).isEqualTo(Scope.REQUIRED);
    }

    @Test
    void mergedWith_differentPurl_isRejected() {
        Component other = Component.builder(Purl.of(PackageType.NPM, null, "lodash", "4.17.21"))
                .build();

        assertThatThrownBy(() -> Component.builder(LODASH).build().mergedWith(other))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hash_nonHex_isRejected() {
        assertThatThrownBy(() -> new Hash(HashAlgorithm.SHA256, "xyz")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void hashAlgorithm_fromName_acceptsEveryFormatsSpelling() {
        assertThat(HashAlgorithm.fromName("sha512")).contains(HashAlgorithm.SHA512);
        assertThat(HashAlgorithm.fromName("SHA-1")).contains(HashAlgorithm.SHA1);
        assertThat(HashAlgorithm.fromName("SHA256")).contains(HashAlgorithm.SHA256);
        assertThat(HashAlgorithm.fromName("crc32")).isEmpty();
    }
}
