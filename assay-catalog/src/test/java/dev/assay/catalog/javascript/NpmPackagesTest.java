package dev.assay.catalog.javascript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.Hash;
import dev.assay.model.HashAlgorithm;
import org.junit.jupiter.api.Test;

class NpmPackagesTest {
    @Test
    void purl_scopedName_encodesTheAtSignOfTheNamespace() {
        assertThat(NpmPackages.purl("@types/node", "20.1.0").toString()).isEqualTo("pkg:npm/%40types/node@20.1.0");
        assertThat(NpmPackages.purl("left-pad", "1.3.0").toString()).isEqualTo("pkg:npm/left-pad@1.3.0");
    }

    @Test
    void integrityHashes_severalAlgorithms_convertsEachToHex() {
        assertThat(
                        NpmPackages.integrityHashes(
                                "sha1-WJb50waUE3IPq7eDI+/wAWak/rM= sha512-XRcglhh3p2lHAu4gFg75i5owZ3/uttIZh11iKj+W2fqc4Iu8OvwIHkDSftaw4gURo0WA2fT2oguwTa4HChLwJw=="))
                .containsExactly(
                        new Hash(HashAlgorithm.SHA1, JavaScriptTesting.digestHex("SHA-1", "acme-util")),
                        new Hash(HashAlgorithm.SHA512, JavaScriptTesting.digestHex("SHA-512", "left-pad")));
    }

    @Test
    void integrityHashes_unknownAlgorithmOrBadBase64_areDropped() {
        assertThat(NpmPackages.integrityHashes("md4-AAAA sha512-!!notbase64!! nodash"))
                .isEmpty();
        assertThat(NpmPackages.integrityHashes("")).isEmpty();
    }

    @Test
    void nameFromInstallPath_nestedScopedPackage_isTheLastInstalledName() {
        assertThat(NpmPackages.nameFromInstallPath("node_modules/a/node_modules/@s/b"))
                .isEqualTo("@s/b");
    }
}
