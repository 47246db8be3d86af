package dev.assay.engine.image;

import static dev.assay.engine.image.ImagePolicyFixtures.create;
import static dev.assay.engine.image.ImagePolicyFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.oci.ArtifactManifest;
import dev.assay.oci.Descriptor;
import dev.assay.oci.ImageReference;
import dev.assay.oci.LocalRegistry;
import dev.assay.oci.RegistryClient;
import dev.assay.oci.RegistryRepository;
import dev.assay.oci.StoredManifest;
import dev.assay.policy.admission.PolicyViolation;
import dev.assay.sign.image.CosignFormats;
import dev.assay.testkit.Corpora;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyless image signatures through the image policy, with the real Sigstore bundles of the conformance
 * corpus attached to images in a loopback registry as cosign attaches bundles (OCI referrers). No bundle
 * in the corpora signs a container image (they sign {@code a.txt}), so no image here can pass; what the
 * tests show is that each bundle is verified in full against the trusted root and the identity before the
 * image-specific check refuses it: a valid keyless signature over something else does not vouch for the
 * image, and a valid signature by another identity is refused for its identity.
 */
@Timeout(120)
class KeylessImagePolicyIntegrationTest {
    private static final String SUITE = "sigstore/sigstore-conformance/assets/bundle-verify/";
    private static final String ROOT = "sigstore/sigstore-java/trustroot/trusted_root.json";
    private static final String IDENTITY =
            "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/"
                    + ".github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main";
    private static final String ISSUER = "https://token.actions.githubusercontent.com";

    @TempDir
    static Path shared;

    private static LocalRegistry registry;
    private ImagePolicyRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        Corpora.require(SUITE);
        LocalRegistry.assumeRegistryInstalled();
        registry = LocalRegistry.start(shared.resolve("registry"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void newRuntime() {
        runtime = new ImagePolicyRuntime(LocalRegistry.clientOptions(), Clock.systemUTC(), 100, Optional.empty());
    }

    @AfterEach
    void closeRuntime() {
        runtime.close();
    }

    /** Pushes an image with the corpus bundle (and, for a message signature, the signed file) as a referrer. */
    private static String imageWithBundle(String name, String bundleCase, boolean dsse) throws Exception {
        registry.pushImage(name + ":1.0", name);
        String reference = registry.host() + "/" + name + ":1.0";
        byte[] bundle = Files.readAllBytes(Corpora.require(SUITE + bundleCase + "/bundle.sigstore.json"));
        try (RegistryClient client = new RegistryClient(LocalRegistry.clientOptions())) {
            RegistryRepository repository = client.repository(ImageReference.parse(reference), true);
            StoredManifest image = repository.resolve();
            List<Descriptor> layers = new ArrayList<>();
            layers.add(repository.pushBlob(CosignFormats.BUNDLE_MEDIA_TYPE, bundle));
            if (!dsse) {
                layers.add(repository.pushBlob(
                        CosignFormats.SIMPLE_SIGNING_MEDIA_TYPE, Files.readAllBytes(Corpora.require(SUITE + "a.txt"))));
            }
            repository.pushReferrer(new ArtifactManifest(
                    CosignFormats.BUNDLE_MEDIA_TYPE,
                    ArtifactManifest.emptyConfig(),
                    layers,
                    image.descriptor().withAnnotations(Map.of()),
                    Map.of(
                            CosignFormats.BUNDLE_CONTENT_ANNOTATION,
                            dsse ? CosignFormats.CONTENT_DSSE_ENVELOPE : CosignFormats.CONTENT_MESSAGE_SIGNATURE)));
        }
        return reference;
    }

    private ImageSupplyChainPolicy policy(String rules, String identity) {
        String content = """
                apiVersion: assay.dev/v1
                kind: ImagePolicy
                metadata:
                  name: keyless
                spec:
                %s
                """.formatted(rules.replace("IDENTITY", identity)
                .replace("ISSUER", ISSUER)
                .replace("ROOT", Corpora.require(ROOT).toString()));
        return ImagePolicies.parse(content, shared.resolve("keyless.yaml").toString(), runtime)
                .policies()
                .get(0);
    }

    private static final String SIGNED_BY_CI = """
              signatures:
                anyOf:
                  - name: ci
                    keyless:
                      issuer: ISSUER
                      subject: IDENTITY
                      trustedRoot: ROOT
            """;

    @Test
    void review_validKeylessSignatureOverAnotherArtifact_isRefusedForNotNamingTheImage() throws Exception {
        String reference = imageWithBundle("keyless/message", "happy-path-v0.3", false);

        List<PolicyViolation> violations = policy(SIGNED_BY_CI, IDENTITY).review(create(pod(reference)));

        // "is valid but": chain, identity, transparency log and signing time all passed; the payload does not
        // name the image, which is what stops a signature of one thing from vouching for another.
        assertThat(violations)
                .singleElement()
                .satisfies(violation -> assertThat(violation.message())
                        .contains("is not signed as required (any of ci): ci: no valid signature for sha256:")
                        .contains("keyless bundle signature is valid but"));
    }

    @Test
    void review_keylessSignatureByAnotherIdentity_isRefusedForItsIdentity() throws Exception {
        String reference = imageWithBundle("keyless/identity", "happy-path-v0.3", false);

        List<PolicyViolation> violations = policy(
                        SIGNED_BY_CI, "https://github.com/acme/app/.github/workflows/x.yml" + "@refs/heads/main")
                .review(create(pod(reference)));

        assertThat(violations)
                .singleElement()
                .satisfies(violation -> assertThat(violation.message())
                        .contains("keyless bundle signature: certificate identity")
                        .contains("does not match the expected 'https://github.com/acme/app/.github/workflows/x.yml"));
    }

    @Test
    void review_subjectRegExp_isAnchored() throws Exception {
        String reference = imageWithBundle("keyless/regexp", "happy-path-v0.3", false);
        String rules = SIGNED_BY_CI.replace(
                "subject: IDENTITY", "subjectRegExp: 'https://github\\.com/sigstore-conformance/'");

        assertThat(policy(rules, IDENTITY).review(create(pod(reference))))
                .singleElement()
                .satisfies(
                        violation -> assertThat(violation.message()).contains("does not match the expected pattern"));
    }

    @Test
    void review_keylessProvenanceAboutAnotherArtifact_isRefusedByItsSubject() throws Exception {
        String reference = imageWithBundle("keyless/dsse", "happy-path-intoto-in-dsse-v3", true);
        String rules = """
                  provenance:
                    builderId: https://github.com/acme/builder
                    signedBy:
                      - name: ci
                        keyless:
                          issuer: ISSUER
                          subject: IDENTITY
                          trustedRoot: ROOT
                """;

        List<PolicyViolation> violations = policy(rules, IDENTITY).review(create(pod(reference)));

        assertThat(violations)
                .singleElement()
                .satisfies(violation -> assertThat(violation.message())
                        .contains("no valid SLSA provenance attestation for sha256:")
                        .contains("keyless attestation: artifact digest mismatch: the artifact (sha256:")
                        .contains("is not a subject of the in-toto statement"));
    }

    @Test
    void review_keylessWithoutAnyBundle_saysNoSignatureFound() throws Exception {
        registry.pushImage("keyless/none:1.0", "none");
        String reference = registry.host() + "/keyless/none:1.0";

        assertThat(policy(SIGNED_BY_CI, IDENTITY).review(create(pod(reference))))
                .singleElement()
                .satisfies(
                        violation -> assertThat(violation.message()).contains("ci: no signatures found for sha256:"));
    }
}
