package dev.assay.sign.slsa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.sign.Verification;
import dev.assay.sign.attest.AttestationResult;
import dev.assay.sign.attest.ExpectedSubject;
import dev.assay.sign.attest.SignedAttestation;
import dev.assay.sign.dsse.DsseEnvelope;
import dev.assay.sign.dsse.DsseSigner;
import dev.assay.sign.intoto.Statement;
import dev.assay.sign.intoto.Subject;
import dev.assay.sign.keys.KeyAlgorithm;
import dev.assay.sign.keys.KeyPairs;
import dev.assay.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ProvenanceVerifierTest {
    private static final KeyPair KEYS = KeyPairs.generate(KeyAlgorithm.ECDSA_P256);
    private static final String ARTIFACT_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final ExpectedSubject ARTIFACT = new ExpectedSubject("app.tar", ARTIFACT_SHA256);
    private static final String GITHUB_BUILDER = "https://github.com/acme/app/.github/workflows/release.yml";
    private static final String GENERATOR =
            "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml";

    private static DsseEnvelope gitHubProvenance() {
        ProvenancePredicate predicate =
                ProvenanceGenerator.generate(CiEnvironments.gitHubTagPush(), ProvenanceRequest.fromEnvironment());
        return signed(predicate.toJson());
    }

    private static DsseEnvelope signed(ObjectNode predicate) {
        Statement statement = Statement.of(
                List.of(new Subject("app.tar", Map.of("sha256", ARTIFACT_SHA256))),
                dev.assay.sign.intoto.PredicateTypes.SLSA_PROVENANCE_V1,
                predicate);
        return SignedAttestation.sign(statement, KEYS.getPrivate(), KEYS.getPublic())
                .envelope();
    }

    private static ProvenanceExpectations expect(String builder, String source, String ref) {
        return new ProvenanceExpectations(
                Optional.ofNullable(builder),
                Optional.ofNullable(source),
                Optional.ofNullable(ref),
                OptionalInt.empty(),
                Optional.empty());
    }

    private static String reason(AttestationResult result) {
        assertThat(result.verification()).isInstanceOf(Verification.Rejected.class);
        assertThat(result.verifiedStatement()).isEmpty();
        return ((Verification.Rejected) result.verification()).reason();
    }

    @Test
    void verify_gitHubProvenance_withItsBuilderSourceAndTag_isVerified() {
        AttestationResult result = ProvenanceVerifier.verify(
                gitHubProvenance(),
                KEYS.getPublic(),
                List.of(ARTIFACT),
                expect(GITHUB_BUILDER, "github.com/acme/app", ProvenanceExpectations.tagRef("v1.2.0")));

        assertThat(result.verification())
                .isInstanceOfSatisfying(
                        Verification.Verified.class,
                        v -> assertThat(v.detail())
                                .contains("builder " + GITHUB_BUILDER + "@refs/tags/v1.2.0")
                                .contains(
                                        "source https://github.com/acme/app at commit c27d339ee6075c1f744c5d4b200f7901aad2c369")
                                .contains("ref refs/tags/v1.2.0"));
        assertThat(result.verifiedStatement()).isPresent();
    }

    @Test
    void verify_builderId_matchesExactlyOrByNameOrByVersionTag() {
        DsseEnvelope envelope = gitHubProvenance();
        for (String trusted :
                List.of(GITHUB_BUILDER, GITHUB_BUILDER + "@refs/tags/v1.2.0", GITHUB_BUILDER + "@v1.2.0")) {
            assertThat(ProvenanceVerifier.verify(
                                    envelope, KEYS.getPublic(), List.of(ARTIFACT), expect(trusted, null, null))
                            .isVerified())
                    .as(trusted)
                    .isTrue();
        }
        for (String untrusted : List.of(
                GITHUB_BUILDER + "@refs/tags/v1.1.0",
                GITHUB_BUILDER + "@v1.2",
                "https://github.com/acme/app/.github/workflows/release",
                "https://github.com/acme/app/.github/workflows/release.yml.evil",
                GENERATOR)) {
            assertThat(reason(ProvenanceVerifier.verify(
                            envelope, KEYS.getPublic(), List.of(ARTIFACT), expect(untrusted, null, null))))
                    .as(untrusted)
                    .contains("not by the expected builder " + untrusted);
        }
    }

    @Test
    void verify_otherSourceRepository_isRejectedNamingBoth() {
        String reason = reason(ProvenanceVerifier.verify(
                gitHubProvenance(),
                KEYS.getPublic(),
                List.of(ARTIFACT),
                expect(GITHUB_BUILDER, "github.com/acme/apps", null)));

        assertThat(reason)
                .contains("'https://github.com/acme/app'")
                .contains("externalParameters.workflow")
                .contains("expected https://github.com/acme/apps");
    }

    @Test
    void verify_sourceUriSpellings_allMatch() {
        for (String spelling : List.of(
                "github.com/acme/app",
                "https://github.com/acme/app",
                "git+https://github.com/acme/app.git",
                "https://GitHub.com/acme/app/")) {
            assertThat(ProvenanceVerifier.verify(
                                    gitHubProvenance(),
                                    KEYS.getPublic(),
                                    List.of(ARTIFACT),
                                    expect(GITHUB_BUILDER, spelling, null))
                            .isVerified())
                    .as(spelling)
                    .isTrue();
        }
    }

    @Test
    void verify_otherTagOrABranch_isRejected() {
        DsseEnvelope envelope = gitHubProvenance();

        assertThat(reason(ProvenanceVerifier.verify(
                        envelope,
                        KEYS.getPublic(),
                        List.of(ARTIFACT),
                        expect(GITHUB_BUILDER, null, ProvenanceExpectations.tagRef("v1.2.1")))))
                .contains("source ref is 'refs/tags/v1.2.0'", "not the expected refs/tags/v1.2.1");
        assertThat(reason(ProvenanceVerifier.verify(
                        envelope,
                        KEYS.getPublic(),
                        List.of(ARTIFACT),
                        expect(GITHUB_BUILDER, null, ProvenanceExpectations.branchRef("v1.2.0")))))
                .contains("not the expected refs/heads/v1.2.0");
    }

    @Test
    void verify_sourcesThatDisagree_areRejected() {
        ObjectNode predicate = ProvenanceGenerator.generate(
                        CiEnvironments.gitHubTagPush(), ProvenanceRequest.fromEnvironment())
                .toJson();
        ((ObjectNode) predicate.at("/buildDefinition/resolvedDependencies/0"))
                .put("uri", "git+https://github.com/mallory/app@refs/tags/v1.2.0");

        String reason = reason(ProvenanceVerifier.verify(
                signed(predicate),
                KEYS.getPublic(),
                List.of(ARTIFACT),
                expect(GITHUB_BUILDER, "github.com/acme/app", null)));

        assertThat(reason).contains("mallory", "resolvedDependencies[0]");
    }

    @Test
    void verify_provenanceWithoutSourceOrRefOrBuilder_isRejectedSayingWhatIsMissing() {
        ObjectNode bare =
                SafeJsonNodes.object("{\"buildDefinition\":{\"buildType\":\"https://t\",\"externalParameters\":{}},"
                        + "\"runDetails\":{\"builder\":{\"id\":\"https://ci.example.com\"}}}");
        ObjectNode noBuilder = SafeJsonNodes.object(
                "{\"buildDefinition\":{\"buildType\":\"https://t\",\"externalParameters\":{}},\"runDetails\":{}}");

        assertThat(reason(ProvenanceVerifier.verify(
                        signed(bare),
                        KEYS.getPublic(),
                        List.of(ARTIFACT),
                        expect("https://ci.example.com", "github.com/a/b", null))))
                .contains("records no source repository");
        assertThat(reason(ProvenanceVerifier.verify(
                        signed(bare),
                        KEYS.getPublic(),
                        List.of(ARTIFACT),
                        expect("https://ci.example.com", null, "refs/heads/main"))))
                .contains("records no source ref");
        assertThat(reason(ProvenanceVerifier.verify(
                        signed(noBuilder),
                        KEYS.getPublic(),
                        List.of(ARTIFACT),
                        expect("https://ci.example.com", null, null))))
                .contains("names no builder id");
    }

    @Test
    void verify_buildLevel_comesFromThePolicy() {
        BuildLevelPolicy policy = BuildLevelPolicy.parse(Fixtures.bytes(getClass(), "slsa/policy.json"), "policy.json");
        DsseEnvelope envelope = gitHubProvenance();

        AttestationResult level2 = ProvenanceVerifier.verify(
                envelope,
                KEYS.getPublic(),
                List.of(ARTIFACT),
                new ProvenanceExpectations(
                        Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.of(2), Optional.of(policy)));
        AttestationResult level3 = ProvenanceVerifier.verify(
                envelope,
                KEYS.getPublic(),
                List.of(ARTIFACT),
                new ProvenanceExpectations(
                        Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.of(3), Optional.of(policy)));

        assertThat(level2.verification())
                .isInstanceOfSatisfying(
                        Verification.Verified.class,
                        v -> assertThat(v.detail()).contains("SLSA Build L2 by the policy"));
        assertThat(reason(level3)).contains("provides SLSA Build L2 by the policy; L3 is required");
    }

    @Test
    void verify_builderOutsideThePolicy_isRejected() {
        BuildLevelPolicy policy = BuildLevelPolicy.parse(Fixtures.bytes(getClass(), "slsa/policy.yaml"), "policy.yaml");

        String reason = reason(ProvenanceVerifier.verify(
                gitHubProvenance(),
                KEYS.getPublic(),
                List.of(ARTIFACT),
                new ProvenanceExpectations(
                        Optional.of(GITHUB_BUILDER),
                        Optional.empty(),
                        Optional.empty(),
                        OptionalInt.empty(),
                        Optional.of(policy))));

        assertThat(reason).contains("is not a trusted builder of the policy");
    }

    @Test
    void verify_slsaGithubGeneratorV02Provenance_readsConfigSourceAndMaterials() {
        String statement = new String(
                        Fixtures.bytes(getClass(), "slsa/provenance-v02.statement.json"), StandardCharsets.UTF_8)
                .replace("SUBJECT_SHA256", ARTIFACT_SHA256);
        DsseEnvelope envelope = DsseSigner.sign(
                Statement.PAYLOAD_TYPE,
                statement.getBytes(StandardCharsets.UTF_8),
                KEYS.getPrivate(),
                KEYS.getPublic());
        BuildLevelPolicy policy = BuildLevelPolicy.parse(Fixtures.bytes(getClass(), "slsa/policy.yaml"), "policy.yaml");

        AttestationResult result = ProvenanceVerifier.verify(
                envelope,
                KEYS.getPublic(),
                List.of(ARTIFACT),
                new ProvenanceExpectations(
                        Optional.of(GENERATOR),
                        Optional.of("github.com/acme/app"),
                        Optional.of("refs/tags/v1.2.0"),
                        OptionalInt.of(3),
                        Optional.of(policy)));
        AttestationResult otherTag = ProvenanceVerifier.verify(
                envelope, KEYS.getPublic(), List.of(ARTIFACT), expect(GENERATOR + "@v1.9.0", null, "refs/tags/v1.3.0"));

        assertThat(result.verification())
                .isInstanceOfSatisfying(
                        Verification.Verified.class,
                        v -> assertThat(v.detail())
                                .contains("at commit 15bf79ea9c89fffbf5dd02c6b5b686b291bfcbd2", "SLSA Build L3"));
        assertThat(reason(otherTag)).contains("invocation.configSource");
    }

    @Test
    void verify_anotherPredicateType_isRejectedBeforeAnyProvenanceCheck() {
        Statement sbom = Statement.of(
                List.of(new Subject("app.tar", Map.of("sha256", ARTIFACT_SHA256))),
                dev.assay.sign.intoto.PredicateTypes.CYCLONEDX,
                SafeJsonNodes.object("{}"));
        DsseEnvelope envelope = SignedAttestation.sign(sbom, KEYS.getPrivate(), KEYS.getPublic())
                .envelope();

        assertThat(reason(ProvenanceVerifier.verify(
                        envelope, KEYS.getPublic(), List.of(ARTIFACT), expect(GITHUB_BUILDER, null, null))))
                .contains("predicate type is 'https://cyclonedx.org/bom'", "https://slsa.dev/provenance/v1");
    }

    @Test
    void verify_builderIdWithTerminalEscapes_isShownEscaped() {
        ObjectNode predicate =
                SafeJsonNodes.object("{\"buildDefinition\":{\"buildType\":\"https://t\",\"externalParameters\":{}},"
                        + "\"runDetails\":{\"builder\":{\"id\":\"https://ci\\u001b[2J.example.com\"}}}");

        String reason = reason(ProvenanceVerifier.verify(
                signed(predicate), KEYS.getPublic(), List.of(ARTIFACT), expect("https://ci.example.com", null, null)));

        assertThat(reason).contains("\\u001b[2J").doesNotContain("\u001b");
    }

    @Test
    void checkClaims_verifiedStatement_judgesBuilderAndSourceAlone() {
        Statement statement = Statement.of(
                List.of(new Subject("app.tar", Map.of("sha256", ARTIFACT_SHA256))),
                dev.assay.sign.intoto.PredicateTypes.SLSA_PROVENANCE_V1,
                ProvenanceGenerator.generate(CiEnvironments.gitHubTagPush(), ProvenanceRequest.fromEnvironment())
                        .toJson());

        assertThat(ProvenanceVerifier.checkClaims(statement, expect(GITHUB_BUILDER, "github.com/acme/app", null)))
                .isInstanceOf(Verification.Verified.class);
        assertThat(ProvenanceVerifier.checkClaims(statement, expect(GENERATOR, null, null)))
                .isInstanceOfSatisfying(
                        Verification.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("not by the expected builder " + GENERATOR));
        assertThat(ProvenanceVerifier.checkClaims(
                        Statement.of(statement.subjects(), "https://cyclonedx.org/bom", statement.predicate()),
                        expect(GITHUB_BUILDER, null, null)))
                .isInstanceOfSatisfying(
                        Verification.Rejected.class,
                        rejected -> assertThat(rejected.reason())
                                .isEqualTo("the predicate type is 'https://cyclonedx.org/bom', not SLSA provenance"));
    }
}
