package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.sign.attest.Predicate;
import dev.assay.sign.attest.SbomPredicates;
import dev.assay.sign.attest.SignedAttestation;
import dev.assay.sign.dsse.DsseEnvelope;
import dev.assay.sign.intoto.Subject;
import dev.assay.sign.keys.KeyAlgorithm;
import dev.assay.sign.keys.KeyPairs;
import dev.assay.sign.keys.PublicKeys;
import dev.assay.sign.slsa.ProvenanceGenerator;
import dev.assay.sign.slsa.ProvenanceRequest;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify attestation}, {@code verify provenance} and the input checks of {@code attest}, in process.
 * Attestations are signed through the library here (the in-process runs have no password); the signing
 * commands themselves run as processes in {@link AttestationIT}.
 */
class AttestationCommandsTest {
    private static final KeyPair KEYS = KeyPairs.generate(KeyAlgorithm.ECDSA_P256);
    private static final String BUILDER = "https://github.com/acme/app/.github/workflows/release.yml";

    @TempDir
    Path temp;

    private Path artifact;
    private Path publicKey;

    @BeforeEach
    void files() throws IOException {
        artifact = Files.writeString(temp.resolve("app.tar"), "release 1.2.0\n");
        publicKey = Files.writeString(temp.resolve("cosign.pub"), PublicKeys.encode(KEYS.getPublic()));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content, StandardCharsets.UTF_8);
    }

    private SignedAttestation sbomAttestation() {
        Predicate sbom = SbomPredicates.of(Fixtures.bytes(getClass(), "attest/bom.cdx.json"), "bom.cdx.json");
        return SignedAttestation.sign(List.of(Subject.ofFile(artifact)), sbom, KEYS.getPrivate(), KEYS.getPublic());
    }

    private SignedAttestation provenance() {
        Map<String, String> env = Map.of(
                "GITHUB_ACTIONS", "true",
                "GITHUB_SERVER_URL", "https://github.com",
                "GITHUB_REPOSITORY", "acme/app",
                "GITHUB_REF", "refs/tags/v1.2.0",
                "GITHUB_SHA", "c27d339ee6075c1f744c5d4b200f7901aad2c369",
                "GITHUB_WORKFLOW_REF", "acme/app/.github/workflows/release.yml@refs/tags/v1.2.0",
                "GITHUB_RUN_ID", "1",
                "GITHUB_RUN_ATTEMPT", "1");
        return SignedAttestation.sign(
                List.of(Subject.ofFile(artifact)),
                ProvenanceGenerator.generate(env, ProvenanceRequest.fromEnvironment())
                        .asPredicate(),
                KEYS.getPrivate(),
                KEYS.getPublic());
    }

    private CliRun verifyAttestation(Path envelope, String type, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "verify",
                "attestation",
                envelope.toString(),
                "--key",
                publicKey.toString(),
                "--type",
                type,
                "--subject",
                artifact.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private CliRun verifyProvenance(Path envelope, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "verify",
                "provenance",
                envelope.toString(),
                "--key",
                publicKey.toString(),
                "--subject",
                artifact.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void verifyAttestation_envelopeAndBundle_areVerifiedAndPrintTheStatement() throws IOException {
        SignedAttestation signed = sbomAttestation();
        Path envelope = write("app.intoto.json", signed.envelopeJson());
        Path bundle = write("app.sigstore.json", signed.bundleJson());

        CliRun byEnvelope = verifyAttestation(envelope, "cyclonedx");
        CliRun byBundle = verifyAttestation(bundle, "https://cyclonedx.org/bom", "--print", "predicate");

        assertThat(byEnvelope.exitCode()).as(byEnvelope.err()).isEqualTo(ExitCodes.OK);
        assertThat(byEnvelope.err()).contains("assay: verified:", "subject app.tar");
        JsonNode statement = SafeJson.read(byEnvelope.out().getBytes(StandardCharsets.UTF_8), "out");
        assertThat(statement.path("predicateType").asText()).isEqualTo("https://cyclonedx.org/bom");
        assertThat(statement.at("/subject/0/name").asText()).isEqualTo("app.tar");
        assertThat(byBundle.exitCode()).as(byBundle.err()).isEqualTo(ExitCodes.OK);
        assertThat(SafeJson.read(byBundle.out().getBytes(StandardCharsets.UTF_8), "out")
                        .path("bomFormat")
                        .asText())
                .isEqualTo("CycloneDX");
    }

    @Test
    void verifyAttestation_rejections_printNothingOnStdout_andExitOne() throws IOException {
        Path envelope = write("app.intoto.json", sbomAttestation().envelopeJson());

        CliRun wrongType = verifyAttestation(envelope, "spdx");
        Files.writeString(artifact, "release 1.2.1\n");
        CliRun changedArtifact = verifyAttestation(envelope, "cyclonedx");

        assertThat(wrongType.exitCode()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(wrongType.err()).contains("rejected: the predicate type is 'https://cyclonedx.org/bom'");
        assertThat(wrongType.out()).isEmpty();
        assertThat(changedArtifact.exitCode()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(changedArtifact.err()).contains("app.tar (sha256:", "is not a subject");
        assertThat(changedArtifact.out()).isEmpty();
    }

    @Test
    void verifyAttestation_tamperedSignature_exitsOne() throws IOException {
        DsseEnvelope envelope = sbomAttestation().envelope();
        byte[] sig = envelope.signatures().get(0).signature();
        sig[8] ^= 0x10;
        String json = envelope.toJson()
                .replace(
                        Base64.getEncoder()
                                .encodeToString(envelope.signatures().get(0).signature()),
                        Base64.getEncoder().encodeToString(sig));

        CliRun run = verifyAttestation(write("t.json", json), "cyclonedx");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.GATE_TRIPPED);
        assertThat(run.err()).contains("signature does not verify");
    }

    @Test
    void verifyAttestation_unusableInput_exitsTwo() throws IOException {
        Path envelope = write("app.intoto.json", sbomAttestation().envelopeJson());
        Path huge = temp.resolve("huge.json");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(VerifyAttestationCommand.MAX_ATTESTATION_BYTES + 1);
        }

        assertThat(verifyAttestation(write("bad.json", "{\"payloadType\":"), "cyclonedx")
                        .exitCode())
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(verifyAttestation(
                                write(
                                        "blob.json",
                                        "{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\","
                                                + "\"messageSignature\":{}}"),
                                "cyclonedx")
                        .err())
                .contains("without a dsseEnvelope");
        CliRun tooLarge = verifyAttestation(huge, "cyclonedx");
        assertThat(tooLarge.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(tooLarge.err()).contains("too large for an attestation");
        CliRun unknownType = verifyAttestation(envelope, "sbom");
        assertThat(unknownType.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(unknownType.err()).contains("unknown attestation type 'sbom'");
        assertThat(verifyAttestation(temp.resolve("missing.json"), "cyclonedx").exitCode())
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(CliRun.of(
                                "verify",
                                "attestation",
                                envelope.toString(),
                                "--key",
                                publicKey.toString(),
                                "--type",
                                "cyclonedx")
                        .exitCode())
                .as("--subject is required")
                .isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void verifyProvenance_matchingExpectations_exitsZero_andPrintsOnRequest() throws IOException {
        Path envelope = write("app.intoto.jsonl", provenance().envelopeJson());

        CliRun run = verifyProvenance(
                envelope,
                "--builder-id",
                BUILDER,
                "--source-uri",
                "github.com/acme/app",
                "--source-tag",
                "v1.2.0",
                "--print-provenance");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).contains("verified:", "ref refs/tags/v1.2.0");
        assertThat(SafeJson.read(run.out().getBytes(StandardCharsets.UTF_8), "out")
                        .at("/predicate/runDetails/builder/id")
                        .asText())
                .isEqualTo(BUILDER + "@refs/tags/v1.2.0");
    }

    @Test
    void verifyProvenance_eachFailedCheck_exitsOneWithItsReason() throws IOException {
        Path envelope = write("app.intoto.jsonl", provenance().envelopeJson());
        Path policy = write("policy.yaml", "builders:\n  " + BUILDER + ": 2\n");

        Map<List<String>, String> cases = Map.of(
                List.of("--builder-id", BUILDER + "@refs/tags/v9"),
                "not by the expected builder",
                List.of("--builder-id", BUILDER, "--source-uri", "github.com/acme/other"),
                "not the expected https://github.com/acme/other",
                List.of("--builder-id", BUILDER, "--source-branch", "main"),
                "not the expected refs/heads/main",
                List.of("--builder-id", BUILDER, "--source-ref", "refs/tags/v1.2"),
                "not the expected refs/tags/v1.2",
                List.of("--policy", policy.toString(), "--build-level", "3"),
                "L3 is required",
                List.of(
                        "--builder-id",
                        BUILDER,
                        "--source-tag",
                        "v1.2.0",
                        "--print-provenance",
                        "--source-uri",
                        "gitlab.com/acme/app"),
                "not the expected https://gitlab.com/acme/app");
        for (Map.Entry<List<String>, String> check : cases.entrySet()) {
            CliRun run = verifyProvenance(envelope, check.getKey().toArray(String[]::new));

            assertThat(run.exitCode()).as(check.getKey().toString()).isEqualTo(ExitCodes.GATE_TRIPPED);
            assertThat(run.err()).as(check.getKey().toString()).contains("rejected:", check.getValue());
            assertThat(run.out())
                    .as("nothing printed for a rejected provenance")
                    .isEmpty();
        }
        assertThat(verifyProvenance(envelope, "--policy", policy.toString(), "--build-level", "2")
                        .exitCode())
                .isEqualTo(ExitCodes.OK);
    }

    @Test
    void verifyProvenance_unusableFlagsOrPolicy_exitTwo() throws IOException {
        Path envelope = write("app.intoto.jsonl", provenance().envelopeJson());
        Path bomb = Fixtures.path(getClass(), "attest/policy-alias-bomb.yaml");
        Path hugePolicy = temp.resolve("huge.yaml");
        try (RandomAccessFile file = new RandomAccessFile(hugePolicy.toFile(), "rw")) {
            file.setLength(2L * 1024 * 1024);
        }

        CliRun aliasBomb = verifyProvenance(envelope, "--policy", bomb.toString());
        assertThat(aliasBomb.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(aliasBomb.err()).contains("alias bomb").doesNotContain("Exception");
        assertThat(verifyProvenance(envelope, "--policy", hugePolicy.toString()).err())
                .contains("too large for a provenance policy");
        assertThat(verifyProvenance(
                                envelope,
                                "--policy",
                                write("p.yaml", "trusted: {}\n").toString())
                        .err())
                .contains("unknown key 'trusted'");
        CliRun levelWithoutPolicy = verifyProvenance(envelope, "--builder-id", BUILDER, "--build-level", "2");
        assertThat(levelWithoutPolicy.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(levelWithoutPolicy.err()).contains("needs a policy");
        assertThat(verifyProvenance(envelope).err()).contains("a builder id or a policy");
        assertThat(verifyProvenance(envelope, "--builder-id", BUILDER, "--source-tag", "v1", "--source-branch", "main")
                        .exitCode())
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(verifyProvenance(write("sbom.json", sbomAttestation().envelopeJson()), "--builder-id", BUILDER)
                        .err())
                .contains("rejected: the predicate type is 'https://cyclonedx.org/bom'");
    }

    @Test
    void attest_badInputs_exitTwoBeforeAskingForAPassword() throws IOException {
        Path key = write("cosign.key", "not used");
        Path vex = Fixtures.path(getClass(), "attest/openvex.json");

        CliRun vexAsSbom = CliRun.of(
                "attest",
                "sbom",
                "--predicate",
                vex.toString(),
                "--subject",
                artifact.toString(),
                "--key",
                key.toString());
        CliRun sbomAsVex = CliRun.of(
                "attest",
                "vex",
                "--predicate",
                Fixtures.path(getClass(), "attest/bom.cdx.json").toString(),
                "--subject",
                artifact.toString(),
                "--key",
                key.toString());
        CliRun missingSubject = CliRun.of(
                "attest",
                "vex",
                "--predicate",
                vex.toString(),
                "--subject",
                temp.resolve("nope.tar").toString(),
                "--key",
                key.toString());
        CliRun vulnFromSbom = CliRun.of(
                "attest",
                "vuln",
                "--predicate",
                Fixtures.path(getClass(), "attest/bom.cdx.json").toString(),
                "--subject",
                artifact.toString(),
                "--key",
                key.toString());
        CliRun badTime = CliRun.of(
                "attest",
                "provenance",
                "--subject",
                artifact.toString(),
                "--key",
                key.toString(),
                "--builder-id",
                "https://ci.example.com",
                "--build-type",
                "https://t.example.com",
                "--started-on",
                "yesterday");

        for (CliRun run : List.of(vexAsSbom, sbomAsVex, missingSubject, vulnFromSbom, badTime)) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).doesNotContain("password", "Exception");
            assertThat(run.out()).isEmpty();
        }
        assertThat(vexAsSbom.err()).contains("OpenVEX document: attest it with 'vex'");
        assertThat(sbomAsVex.err()).contains("@context is ''");
        assertThat(missingSubject.err()).contains("no such file");
        assertThat(vulnFromSbom.err()).contains("not an Assay scan report");
        assertThat(badTime.err()).contains("--started-on 'yesterday' is not an RFC 3339 time stamp");
    }

    @Test
    void attest_predicateLargerThanTheLimit_exitsTwoWithoutReadingIt() throws IOException {
        Path huge = temp.resolve("huge.cdx.json");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(AttestationSigning.MAX_PREDICATE_BYTES + 1);
        }

        CliRun run = CliRun.of(
                "attest",
                "sbom",
                "--predicate",
                huge.toString(),
                "--subject",
                artifact.toString(),
                "--key",
                write("cosign.key", "not used").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("too large for an SBOM predicate");
    }

    @Test
    void verifyAttestation_subjectsAreRepeatedFlags_andTheEnvelopeMayComeLast() throws IOException {
        Path envelope = write("app.intoto.json", sbomAttestation().envelopeJson());

        CliRun run = CliRun.of(
                "verify",
                "attestation",
                "--subject",
                artifact.toString(),
                "--subject",
                artifact.toString(),
                "--key",
                publicKey.toString(),
                "--type",
                "cyclonedx",
                envelope.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void attestProvenance_outsideCiWithoutBuilder_exitsTwoNamingTheFlag() throws IOException {
        Path key = write("cosign.key", "not used");

        CliRun run = CliRun.of(
                commandLine -> ((AttestProvenanceCommand) commandLine
                                        .getSubcommands()
                                        .get("attest")
                                        .getSubcommands()
                                        .get("provenance")
                                        .getCommand())
                                .environment =
                        Map.of("PATH", "/usr/bin"),
                "attest",
                "provenance",
                "--subject",
                artifact.toString(),
                "--key",
                key.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("not running in GitHub Actions or GitLab CI", "--builder-id");
    }

    @Test
    void attest_withoutPasswordOrTerminal_exitsTwoAndWritesNothing() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getenv(Passwords.VARIABLE) == null, "ASSAY_PASSWORD is set in this environment");
        Path key = write("cosign.key", "not used");
        write("cosign.pub", PublicKeys.encode(KEYS.getPublic()));
        Path bundle = temp.resolve("out.sigstore.json");

        CliRun run = CliRun.of(
                "attest",
                "sbom",
                "--predicate",
                Fixtures.path(getClass(), "attest/bom.cdx.json").toString(),
                "--subject",
                artifact.toString(),
                "--key",
                key.toString(),
                "--bundle",
                bundle.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("ASSAY_PASSWORD");
        assertThat(bundle).doesNotExist();
    }

    @Test
    void help_listsAttestAndTheNewVerifyCommands() {
        CliRun top = CliRun.of("--help");
        CliRun verify = CliRun.of("verify", "--help");

        assertThat(top.out()).contains("attest");
        assertThat(verify.out()).contains("attestation", "provenance");
    }
}
