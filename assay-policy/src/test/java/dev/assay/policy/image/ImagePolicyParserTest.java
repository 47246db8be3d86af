package dev.assay.policy.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Severity;
import dev.assay.policy.admission.Enforcement;
import dev.assay.policy.admission.FailurePolicy;
import dev.assay.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ImagePolicyParserTest {
    private static final Path BASE = Path.of("/policies");

    private static ImagePolicySpec one(String yaml) {
        List<ImagePolicySpec> policies = ImagePolicyParser.parse(yaml, "policy.yaml", BASE);
        assertThat(policies).hasSize(1);
        return policies.get(0);
    }

    private static String minimal(String spec) {
        return "apiVersion: assay.dev/v1\nkind: ImagePolicy\nmetadata:\n  name: p\nspec:\n" + spec;
    }

    @Test
    void parse_fullFixture_readsEveryField() {
        String content = new String(
                Fixtures.bytes(ImagePolicyParserTest.class, "image/full-policy.yaml"), StandardCharsets.UTF_8);

        ImagePolicySpec policy = one(content);

        assertThat(policy.name()).isEqualTo("acme-images");
        assertThat(policy.images())
                .extracting(ImageGlob::toString)
                .containsExactly("ghcr.io/acme/**", "127.0.0.1:*/**");
        assertThat(policy.mode()).isEqualTo(Enforcement.WARN);
        assertThat(policy.failurePolicy()).isEqualTo(FailurePolicy.IGNORE);
        assertThat(policy.allowedRegistries()).containsExactly("ghcr.io", "127.0.0.1:*");
        assertThat(policy.requireDigest()).isTrue();
        assertThat(policy.disallowLatest()).isTrue();
        assertThat(policy.mutateDigest()).isTrue();
        assertThat(policy.cacheTtl()).isEqualTo(Duration.ofSeconds(90));
        SignatureRule signatures = policy.signatures().orElseThrow();
        assertThat(signatures.allOf()).isTrue();
        assertThat(signatures.authorities()).hasSize(2);
        Authority.Key key = (Authority.Key) signatures.authorities().get(0);
        assertThat(key.name()).isEqualTo("release");
        assertThat(key.file()).contains(Path.of("/policies/keys/cosign.pub"));
        assertThat(key.location()).isEqualTo("policy.yaml:20: spec.signatures.allOf[0]");
        Authority.Keyless keyless = (Authority.Keyless) signatures.authorities().get(1);
        assertThat(keyless.issuer()).isEqualTo("https://token.actions.githubusercontent.com");
        assertThat(keyless.subject()).isEmpty();
        assertThat(keyless.subjectRegExp()).contains("^https://github\\.com/acme/app/\\.github/workflows/.*$");
        assertThat(keyless.trustedRoot()).isEqualTo(Path.of("/etc/assay/trusted_root.json"));
        ProvenanceRule provenance = policy.provenance().orElseThrow();
        assertThat(provenance.builderId()).contains("https://github.com/acme/builder");
        assertThat(provenance.builders()).isEqualTo(Map.of("https://github.com/acme/builder", 3));
        assertThat(provenance.minBuildLevel()).isEqualTo(OptionalInt.of(2));
        assertThat(provenance.sourceRepository()).contains("github.com/acme/app");
        assertThat(provenance.sourceRef()).contains("refs/heads/main");
        assertThat(provenance.signedBy()).isEqualTo(signatures.authorities());
        VulnerabilityRule vulnerabilities = policy.vulnerabilities().orElseThrow();
        assertThat(vulnerabilities.maxSeverity()).isEqualTo(Severity.HIGH);
        assertThat(vulnerabilities.scan()).isTrue();
        assertThat(vulnerabilities.maxScanAge()).contains(Duration.ofDays(7));
        assertThat(vulnerabilities.signedBy()).singleElement().satisfies(signer -> {
            assertThat(signer.name()).isEqualTo("key-1");
            assertThat(((Authority.Key) signer).pem().orElseThrow()).startsWith("-----BEGIN PUBLIC KEY-----");
        });
    }

    @Test
    void parse_minimalPolicy_appliesTheDefaults() {
        ImagePolicySpec policy = one(minimal("  disallowLatest: true\n"));

        assertThat(policy.images()).extracting(ImageGlob::toString).containsExactly("**");
        assertThat(policy.mode()).isEqualTo(Enforcement.ENFORCE);
        assertThat(policy.failurePolicy()).isEqualTo(FailurePolicy.FAIL);
        assertThat(policy.cacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.allowedRegistries()).isEmpty();
        assertThat(policy.signatures()).isEmpty();
        assertThat(policy.needsRegistry()).isFalse();
    }

    @Test
    void parse_json_isReadLikeYaml() {
        String json = "{\"apiVersion\":\"assay.dev/v1\",\"kind\":\"ImagePolicy\",\"metadata\":{\"name\":\"j\"},"
                + "\"spec\":{\"requireDigest\":true,\"cacheTTL\":\"PT1M\"}}";

        ImagePolicySpec policy = one(json);

        assertThat(policy.requireDigest()).isTrue();
        assertThat(policy.cacheTtl()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void parse_otherAssayKindsInTheSameFile_areLeftToTheirLoaders() {
        String content = "apiVersion: assay.dev/v1\nkind: Policy\nmetadata:\n  name: cel\nspec: {}\n---\n"
                + minimal("  requireDigest: true\n");

        assertThat(ImagePolicyParser.parse(content, "mixed.yaml", BASE))
                .extracting(ImagePolicySpec::name)
                .containsExactly("p");
    }

    @Test
    void parse_keyWithoutSignatures_defaultSignersMissing_namesTheField() {
        String yaml = minimal("  provenance:\n    builderId: https://b\n");

        assertThatThrownBy(() -> one(yaml))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("policy.yaml:6: spec.provenance: needs signedBy (keys or keyless identities trusted to sign"
                        + " the attestation), or spec.signatures whose authorities are then used");
    }

    @Test
    void parse_unknownField_isRefusedWithLineAndField() {
        String yaml = minimal("  requireDigest: true\n  requireSignature: true\n");

        assertThatThrownBy(() -> one(yaml))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("policy.yaml:7: spec.requireSignature: unknown field 'requireSignature'");
    }

    @Test
    void parse_wrongTypes_sayWhatWasExpectedAndFound() {
        assertThatThrownBy(() -> one(minimal("  requireDigest: [yes]\n")))
                .hasMessage("policy.yaml:6: spec.requireDigest: expected true or false, found a list");
        assertThatThrownBy(() -> one(minimal("  requireDigest: yes\n")))
                .hasMessage("policy.yaml:6: spec.requireDigest: expected true or false, found 'yes'");
        assertThatThrownBy(() -> one(minimal("  images: ghcr.io/acme/*\n")))
                .hasMessage("policy.yaml:6: spec.images: expected a list, found 'ghcr.io/acme/*'");
        assertThatThrownBy(() -> one(minimal("  signatures:\n    anyOf:\n      - key: {file: [a]}\n")))
                .hasMessage("policy.yaml:8: spec.signatures.anyOf[0].key.file: expected a string, found a list");
        assertThatThrownBy(() -> one(minimal("  cacheTTL: soon\n")))
                .hasMessage("policy.yaml:6: spec.cacheTTL: 'soon' is not a duration (e.g. 30s, 5m, 1h)");
        assertThatThrownBy(() -> one(minimal("  mode: block\n")))
                .hasMessageStartingWith("policy.yaml:6: spec.mode: unknown enforcement mode 'block'");
        assertThatThrownBy(() -> one(minimal("  vulnerabilities:\n    maxSeverity: severe\n    scan: true\n")))
                .hasMessage("policy.yaml:7: spec.vulnerabilities.maxSeverity: 'severe' is not one of critical, high,"
                        + " medium, low");
    }

    @Test
    void parse_ambiguousAuthorities_areRefused() {
        assertThatThrownBy(() -> one(minimal("  signatures:\n    anyOf:\n      - key: {file: a.pub, pem: x}\n")))
                .hasMessage("policy.yaml:8: spec.signatures.anyOf[0].key: give exactly one of file and pem");
        assertThatThrownBy(() -> one(minimal("  signatures:\n    anyOf: []\n    allOf: []\n")))
                .hasMessage("policy.yaml:6: spec.signatures: give exactly one of anyOf and allOf");
        assertThatThrownBy(() -> one(minimal(
                        "  signatures:\n    anyOf:\n      - keyless:\n          issuer: i\n          subject: s\n"
                                + "          subjectRegExp: s\n          trustedRoot: r.json\n")))
                .hasMessage("policy.yaml:8: spec.signatures.anyOf[0].keyless: give exactly one of subject and"
                        + " subjectRegExp");
        assertThatThrownBy(() -> one(minimal("  signatures:\n    anyOf:\n      - keyless:\n          issuer: i\n"
                        + "          subjectRegExp: '[unclosed'\n          trustedRoot: r.json\n")))
                .hasMessageStartingWith("policy.yaml:10: spec.signatures.anyOf[0].keyless.subjectRegExp: not a valid"
                        + " regular expression");
        assertThatThrownBy(() -> one(minimal(
                        "  signatures:\n    anyOf:\n      - keyless:\n          issuer: i\n          subject: s\n")))
                .hasMessageStartingWith("policy.yaml:8: spec.signatures.anyOf[0].keyless: needs trustedRoot");
    }

    @Test
    void parse_minBuildLevelWithoutBuilders_isRefused() {
        String yaml = minimal("  provenance:\n    builderId: https://b\n    minBuildLevel: 3\n    signedBy:\n"
                + "      - key: {file: k.pub}\n");

        assertThatThrownBy(() -> one(yaml))
                .hasMessageStartingWith("policy.yaml:8: spec.provenance.minBuildLevel: needs" + " builders");
    }

    @Test
    void parse_policyThatChecksNothing_isRefused() {
        assertThatThrownBy(() -> one(minimal("  mode: warn\n")))
                .hasMessageStartingWith("policy.yaml:5: spec: checks nothing");
    }

    @Test
    void parse_notAnAssayDocument_isRefused() {
        assertThatThrownBy(() -> ImagePolicyParser.parse("apiVersion: v1\nkind: Pod\n", "pod.yaml", BASE))
                .hasMessage("pod.yaml:1: (document): not an Assay policy: expected apiVersion assay.dev/v1 and kind"
                        + " ImagePolicy, found 'v1' and 'Pod'");
        assertThatThrownBy(() -> ImagePolicyParser.parse("just text", "text.yaml", BASE))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ImagePolicyParser.parse("", "empty.yaml", BASE))
                .hasMessage("empty.yaml contains no ImagePolicy document");
    }

    @Test
    void parse_badName_isRefused() {
        String yaml = "apiVersion: assay.dev/v1\nkind: ImagePolicy\nmetadata:\n  name: Bad_Name\nspec:\n"
                + "  requireDigest: true\n";

        assertThatThrownBy(() -> one(yaml))
                .hasMessage("policy.yaml:4: metadata.name: 'Bad_Name' is not a lower-case DNS name");
    }

    @Test
    void parse_aliasBomb_isRefused() {
        String bomb = minimal("""
                  requireDigest: true
                  images:
                    - &a ["x","x","x","x","x","x","x","x","x"]
                    - &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                    - &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                    - &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                    - &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                    - &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                """);

        assertThatThrownBy(() -> one(bomb))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("alias bomb");
    }

    @Test
    void parse_hugeDocument_isRefusedBeforeParsing() {
        String huge = minimal("  requireDigest: true\n  images:\n" + "    - a\n".repeat(200_000));

        assertThatThrownBy(() -> one(huge))
                .isInstanceOf(InputTooLargeException.class)
                .hasMessage("policy.yaml is larger than 1048576 bytes; not a policy");
    }

    @Test
    void parse_tooManyPatterns_isRefused() {
        String many = minimal("  requireDigest: true\n  images:\n" + "    - a\n".repeat(300));

        assertThatThrownBy(() -> one(many))
                .hasMessage("policy.yaml:7: spec.images: has 300 entries; at most 256 are" + " accepted");
    }

    @Test
    void parse_deeplyNested_isRefused() {
        String deep = minimal("  images: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");

        assertThatThrownBy(() -> one(deep)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void parse_controlCharactersInFields_areNotEchoed() {
        String yaml = minimal("  \"bad\\u001b[31mkey\": true\n");

        assertThatThrownBy(() -> one(yaml))
                .hasMessageStartingWith("policy.yaml:6: spec.bad?[31mkey: unknown field 'bad?[31mkey'");
    }

    @Test
    void parse_duplicateNames_areRefused() {
        String twice = minimal("  requireDigest: true\n") + "---\n" + minimal("  requireDigest: true\n");

        assertThatThrownBy(() -> ImagePolicyParser.parse(twice, "two.yaml", BASE))
                .hasMessage("two.yaml:11: metadata.name: a second policy named 'p' in the same file");
    }

    @Test
    void isImagePolicy_recognisesTheKind() {
        assertThat(ImagePolicyParser.isImagePolicy(Map.of("apiVersion", "assay.dev/v1", "kind", "ImagePolicy")))
                .isTrue();
        assertThat(ImagePolicyParser.isImagePolicy(Map.of("apiVersion", "assay.dev/v1", "kind", "Policy")))
                .isFalse();
        assertThat(ImagePolicyParser.isImagePolicy("text")).isFalse();
        assertThat(Optional.empty()).isEmpty();
    }

    @Test
    void parse_sampleShippedWithAssay_isValid() throws Exception {
        Path sample = dev.assay.testkit.ProjectRoot.require().resolve("samples/policies/image-policy.yaml");

        ImagePolicySpec policy = ImagePolicyParser.parse(
                        java.nio.file.Files.readString(sample, StandardCharsets.UTF_8),
                        sample.toString(),
                        sample.getParent())
                .get(0);

        assertThat(policy.name()).isEqualTo("acme-images");
        assertThat(policy.signatures().orElseThrow().authorities()).hasSize(2);
        assertThat(policy.provenance().orElseThrow().minBuildLevel()).hasValue(3);
        assertThat(policy.vulnerabilities().orElseThrow().maxSeverity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void parse_emptySection_isRefusedNotIgnored() {
        assertThatThrownBy(() -> one(minimal("  requireDigest: true\n  signatures:\n")))
                .hasMessage("policy.yaml:7: spec.signatures: has no value");
        assertThatThrownBy(() -> one(minimal("  requireDigest:\n")))
                .hasMessage("policy.yaml:6: spec.requireDigest: has no value");
    }
}
