package dev.assay.engine.image;

import static dev.assay.engine.image.ImagePolicyFixtures.BUILDER;
import static dev.assay.engine.image.ImagePolicyFixtures.SOURCE;
import static dev.assay.engine.image.ImagePolicyFixtures.apply;
import static dev.assay.engine.image.ImagePolicyFixtures.attest;
import static dev.assay.engine.image.ImagePolicyFixtures.create;
import static dev.assay.engine.image.ImagePolicyFixtures.pod;
import static dev.assay.engine.image.ImagePolicyFixtures.provenance;
import static dev.assay.engine.image.ImagePolicyFixtures.sign;
import static dev.assay.engine.image.ImagePolicyFixtures.vulnReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.ImageSignatures;
import dev.assay.model.NoVerdictException;
import dev.assay.model.Severity;
import dev.assay.oci.LocalRegistry;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.AdmissionPolicy;
import dev.assay.policy.admission.Enforcement;
import dev.assay.policy.admission.FailurePolicy;
import dev.assay.policy.admission.JsonPatchOperation;
import dev.assay.policy.admission.PolicyViolation;
import dev.assay.policy.image.ImageField;
import dev.assay.policy.image.PodImages;
import dev.assay.sign.keys.KeyAlgorithm;
import dev.assay.sign.keys.KeyPairs;
import dev.assay.sign.keys.PublicKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
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
 * The image policy end to end against a real registry on loopback (Debian's docker-registry): images
 * signed with a key, carrying SLSA provenance and a vulnerability attestation made by the existing attest
 * code, reviewed as the admission webhook reviews pods.
 */
@Timeout(180)
class ImageSupplyChainPolicyIntegrationTest {
    private static final KeyPair RELEASE = KeyPairs.generate(KeyAlgorithm.ECDSA_P256);
    private static final KeyPair OTHER = KeyPairs.generate(KeyAlgorithm.ECDSA_P256);
    private static final Instant SCANNED = Instant.parse("2025-06-01T12:00:00Z");

    @TempDir
    static Path shared;

    private static LocalRegistry registry;
    private static ImageSignatures publisher;
    private static String good;
    private static String goodDigest;
    private static String unsigned;
    private static String wrongBuilder;
    private static String vulnerable;
    private static String vulnerableDigest;

    private MutableClock clock;
    private ImagePolicyRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        LocalRegistry.assumeRegistryInstalled();
        registry = LocalRegistry.start(shared.resolve("registry"));
        publisher = new ImageSignatures(LocalRegistry.clientOptions());
        Files.createDirectories(shared.resolve("keys"));
        Files.writeString(shared.resolve("keys/release.pub"), PublicKeys.encode(RELEASE.getPublic()));
        Files.writeString(shared.resolve("keys/other.pub"), PublicKeys.encode(OTHER.getPublic()));

        good = image("acme/good", "good");
        goodDigest = registry.pushImage("acme/good:1.0", "good").toString();
        sign(publisher, good, RELEASE, true);
        attest(publisher, good, "slsaprovenance", provenance(BUILDER, SOURCE), RELEASE);
        attest(
                publisher,
                good,
                "vuln",
                vulnReport(SCANNED, "CVE-2025-0002 LOW zlib", "CVE-2025-0003 MEDIUM curl"),
                RELEASE);
        // An attestation of a type no rule reads is not in the way.
        attest(
                publisher,
                good,
                "cyclonedx",
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                        .objectNode()
                        .put("bomFormat", "CycloneDX"),
                RELEASE);

        unsigned = image("acme/unsigned", "unsigned");

        wrongBuilder = image("acme/wrong-builder", "wrong-builder");
        sign(publisher, wrongBuilder, RELEASE, false);
        attest(publisher, wrongBuilder, "slsaprovenance", provenance("https://evil.example/builder", SOURCE), RELEASE);
        attest(publisher, wrongBuilder, "vuln", vulnReport(SCANNED), RELEASE);

        vulnerable = image("acme/vulnerable", "vulnerable");
        vulnerableDigest =
                registry.pushImage("acme/vulnerable:1.0", "vulnerable").toString();
        sign(publisher, vulnerable, RELEASE, false);
        attest(publisher, vulnerable, "slsaprovenance", provenance(BUILDER, SOURCE), RELEASE);
        attest(
                publisher,
                vulnerable,
                "vuln",
                vulnReport(
                        SCANNED, "CVE-2025-0001 CRITICAL openssl", "CVE-2025-0004 HIGH glibc", "CVE-2025-0005 LOW x"),
                RELEASE);
    }

    private static String image(String repository, String seed) {
        registry.pushImage(repository + ":1.0", seed);
        return registry.host() + "/" + repository + ":1.0";
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (publisher != null) {
            publisher.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void newRuntime() {
        clock = new MutableClock(Instant.parse("2025-06-02T00:00:00Z"));
        runtime = new ImagePolicyRuntime(LocalRegistry.clientOptions(), clock, 100, Optional.empty());
    }

    @AfterEach
    void closeRuntime() {
        runtime.close();
    }

    private static final String FULL_SPEC = """
              images: ["127.0.0.1:*/**"]
              signatures:
                anyOf:
                  - name: release
                    key: {file: keys/release.pub}
              provenance:
                builderId: https://github.com/acme/builder/.github/workflows/build.yml
                sourceRepository: github.com/acme/app
              vulnerabilities:
                maxSeverity: high
            """;

    private ImagePolicies.Loaded load(String name, String spec) {
        String content = "apiVersion: assay.dev/v1\nkind: ImagePolicy\nmetadata:\n  name: " + name + "\nspec:\n" + spec;
        return ImagePolicies.parse(content, shared.resolve(name + ".yaml").toString(), runtime);
    }

    private ImageSupplyChainPolicy policy(String spec) {
        return load("acme-images", spec).policies().get(0);
    }

    /** What the webhook does with the contract: deny enforced violations; without a verdict, the failure policy. */
    private static boolean admitted(AdmissionPolicy policy, AdmissionInput input) {
        try {
            return policy.review(input).stream().noneMatch(v -> v.enforcement() == Enforcement.ENFORCE);
        } catch (NoVerdictException e) {
            return policy.failurePolicy() == FailurePolicy.IGNORE;
        }
    }

    @Test
    void review_signedProvenancedCleanImage_threeContainers_isAdmitted() {
        ImageSupplyChainPolicy policy = policy(FULL_SPEC);
        String byDigest = registry.host() + "/acme/good@" + goodDigest;
        AdmissionInput input = create(pod(good, byDigest, "docker.io/library/nginx:1.27"));

        assertThat(policy.appliesTo(input)).isTrue();
        assertThat(policy.review(input)).isEmpty();
        assertThat(admitted(policy, input)).isTrue();
    }

    @Test
    void review_unsignedImage_isDeniedWithAClearMessage() {
        ImageSupplyChainPolicy policy = policy(FULL_SPEC);

        List<PolicyViolation> violations = policy.review(create(pod(unsigned)));

        assertThat(violations)
                .extracting(PolicyViolation::rule)
                .containsExactly("image-signatures", "image-provenance", "image-vulnerabilities");
        PolicyViolation signature = violations.get(0);
        String digest = publisher.resolveDigest(unsigned);
        assertThat(signature.message())
                .isEqualTo("container \"c0\" image \"" + unsigned + "\" at /spec/containers/0/image (" + digest
                        + ") is not signed as required (any of release): release: no signatures found for " + digest);
        assertThat(signature.policy()).isEqualTo("acme-images");
        assertThat(signature.enforcement()).isEqualTo(Enforcement.ENFORCE);
        assertThat(signature.severity()).isEqualTo(Severity.HIGH);
        assertThat(violations.get(1).message())
                .endsWith("has no acceptable SLSA provenance (signed by any of release): release: no SLSA provenance"
                        + " attestation found for " + digest);
        assertThat(policy.denialMessage(violations)).startsWith("acme-images: container \"c0\" image");
        assertThat(admitted(policy, create(pod(unsigned)))).isFalse();
    }

    @Test
    void review_wrongBuilder_isDeniedNamingBothBuilders() {
        List<PolicyViolation> violations = policy(FULL_SPEC).review(create(pod(wrongBuilder)));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.rule()).isEqualTo("image-provenance");
            assertThat(violation.message())
                    .endsWith("has no acceptable SLSA provenance (signed by any of release): release: the provenance"
                            + " was built by 'https://evil.example/builder', not by the expected builder"
                            + " https://github.com/acme/builder/.github/workflows/build.yml");
        });
    }

    @Test
    void review_wrongSource_isDenied() {
        String spec = FULL_SPEC.replace("github.com/acme/app", "github.com/acme/other");

        assertThat(policy(spec).review(create(pod(good))))
                .singleElement()
                .satisfies(violation -> assertThat(violation.message())
                        .contains("the provenance's source is 'https://github.com/acme/app'")
                        .contains("not the expected https://github.com/acme/other"));
    }

    @Test
    void review_vulnerableImage_isDeniedListingTheVulnerabilitiesAtTheThreshold() {
        List<PolicyViolation> violations = policy(FULL_SPEC).review(create(pod(vulnerable)));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.rule()).isEqualTo("image-vulnerabilities");
            assertThat(violation.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(violation.message())
                    .endsWith("(" + vulnerableDigest + ") has 2 vulnerabilities at or above HIGH in the Assay scan of"
                            + " 2025-06-01T12:00:00Z: CVE-2025-0001 (CRITICAL, openssl 1.0), CVE-2025-0004 (HIGH,"
                            + " glibc 1.0)");
        });
        assertThat(policy(FULL_SPEC.replace("maxSeverity: high", "maxSeverity: critical"))
                        .review(create(pod(vulnerable))))
                .singleElement()
                .satisfies(violation -> assertThat(violation.message()).contains("has 1 vulnerability at or above"));
    }

    @Test
    void review_staleVulnerabilityScan_isDenied() {
        String spec = FULL_SPEC.replace("maxSeverity: high", "maxSeverity: high\n    maxScanAge: 6h");

        assertThat(policy(spec).review(create(pod(good))))
                .singleElement()
                .satisfies(violation -> assertThat(violation.message())
                        .endsWith("has no usable vulnerability attestation (signed by any of release): release: the"
                                + " Assay scan of 2025-06-01T12:00:00Z is older than maxScanAge"));
    }

    @Test
    void review_allOfWithAKeyThatDidNotSign_isDeniedNamingIt() {
        String spec = """
                  signatures:
                    allOf:
                      - name: release
                        key: {file: keys/release.pub}
                      - name: security-team
                        key: {file: keys/other.pub}
                """;

        assertThat(policy(spec).review(create(pod(good))))
                .singleElement()
                .satisfies(violation -> assertThat(violation.message())
                        .contains("is not signed as required (all of release, security-team): security-team: no valid"
                                + " signature for " + goodDigest + ": signature does not verify with the key")
                        .doesNotContain("release: "));
    }

    @Test
    void review_anyOfWithOneMatchingKey_isAdmitted() {
        String spec = """
                  signatures:
                    anyOf:
                      - name: security-team
                        key: {file: keys/other.pub}
                      - name: release
                        key: {file: keys/release.pub}
                """;

        assertThat(policy(spec).review(create(pod(good)))).isEmpty();
    }

    @Test
    void review_pureChecks_denyWithoutAskingTheRegistry() {
        ImageSupplyChainPolicy policy =
                policy("  allowedRegistries: [ghcr.io]\n  disallowLatest: true\n  requireDigest: true\n");

        List<PolicyViolation> violations = policy.review(create(pod(good, "nginx")));

        assertThat(violations)
                .extracting(PolicyViolation::rule)
                .containsExactly(
                        "image-allowed-registries",
                        "image-allowed-registries",
                        "image-require-digest",
                        "image-require-digest",
                        "image-disallow-latest");
        assertThat(runtime.cacheStatistics().misses()).isZero();
    }

    @Test
    void review_tagTheRegistryDoesNotHave_isAViolation() {
        String missing = registry.host() + "/acme/good:9.9";

        assertThat(policy(FULL_SPEC).review(create(pod(missing))))
                .singleElement()
                .satisfies(violation -> {
                    assertThat(violation.rule()).isEqualTo("image-resolvable");
                    assertThat(violation.message()).contains("cannot be resolved");
                });
    }

    @Test
    void review_registryDown_isNoVerdict_failClosedByDefault_allowedWithIgnore(@TempDir Path directory)
            throws Exception {
        LocalRegistry stopped = LocalRegistry.start(directory);
        String gone = stopped.host() + "/acme/app:1.0";
        stopped.close();
        ImageSupplyChainPolicy failing = policy(FULL_SPEC);
        ImageSupplyChainPolicy ignoring = load("lenient", FULL_SPEC + "  failurePolicy: Ignore\n")
                .policies()
                .get(0);
        AdmissionInput input = create(pod(gone));

        assertThatThrownBy(() -> failing.review(input)).isInstanceOf(NoVerdictException.class);
        assertThatThrownBy(() -> ignoring.review(input)).isInstanceOf(NoVerdictException.class);
        assertThat(failing.failurePolicy()).isEqualTo(FailurePolicy.FAIL);
        assertThat(ignoring.failurePolicy()).isEqualTo(FailurePolicy.IGNORE);
        assertThat(admitted(failing, input)).isFalse();
        assertThat(admitted(ignoring, input)).isTrue();
    }

    @Test
    void review_secondTime_isAnsweredFromTheCache_untilTheTtlExpires(@TempDir Path directory) throws Exception {
        LocalRegistry own = LocalRegistry.start(directory);
        String reference = own.host() + "/acme/cached:1.0";
        own.pushImage("acme/cached:1.0", "cached");
        try (ImageSignatures ownPublisher = new ImageSignatures(LocalRegistry.clientOptions())) {
            sign(ownPublisher, reference, RELEASE, false);
        }
        ImageSupplyChainPolicy policy = policy(
                "  cacheTTL: 5m\n  signatures:\n    anyOf:\n      - name: release\n        key: {file: keys/release.pub}\n");
        AdmissionInput input = create(pod(reference, reference, reference));

        assertThat(policy.review(input)).isEmpty();
        CacheStatistics first = runtime.cacheStatistics();
        own.close(); // from here on, only the cache can answer
        assertThat(policy.review(input)).isEmpty();
        CacheStatistics second = runtime.cacheStatistics();

        // The first review resolved the tag and verified the digest once (the other two containers hit);
        // the second asked nothing of the registry: three resolutions and three verdicts, all hits.
        assertThat(first.misses()).isEqualTo(2);
        assertThat(first.hits()).isEqualTo(4);
        assertThat(second.misses()).isEqualTo(first.misses());
        assertThat(second.hits()).isEqualTo(first.hits() + 6);
        assertThat(second.hitRate()).isEqualTo(10.0 / 12);

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThatThrownBy(() -> policy.review(input)).isInstanceOf(NoVerdictException.class);
    }

    @Test
    void mutate_tagsBecomeDigests_andTheMutatedPodPassesRequireDigest() {
        ImagePolicies.Loaded loaded = load("pin", FULL_SPEC + "  mutateDigest: true\n  requireDigest: true\n");
        ImageDigestMutator mutator = loaded.mutators().get(0);
        ImageSupplyChainPolicy policy = loaded.policies().get(0);
        Map<String, Object> object = pod(good, vulnerable, "docker.io/library/nginx:1.27");
        AdmissionInput input = create(object);

        List<JsonPatchOperation> patch = mutator.mutate(input);
        Map<String, Object> mutated = apply(object, patch);

        assertThat(patch)
                .containsExactly(
                        JsonPatchOperation.replace("/spec/containers/0/image", good + "@" + goodDigest),
                        JsonPatchOperation.replace("/spec/containers/1/image", vulnerable + "@" + vulnerableDigest));
        assertThat(PodImages.of(mutated).images())
                .extracting(ImageField::image)
                .containsExactly(
                        good + "@" + goodDigest, vulnerable + "@" + vulnerableDigest, "docker.io/library/nginx:1.27");
        assertThat(policy.review(input)).extracting(PolicyViolation::rule).contains("image-require-digest");
        assertThat(policy.review(create(mutated)))
                .extracting(PolicyViolation::rule)
                .containsExactly("image-vulnerabilities");
        assertThat(mutator.mutate(create(mutated))).isEmpty();
    }

    @Test
    void review_dryRun_decidesAsACreate() {
        ImageSupplyChainPolicy policy = policy(FULL_SPEC);

        List<PolicyViolation> dryRun = policy.review(ImagePolicyFixtures.dryRunCreate(pod(unsigned, good)));

        assertThat(dryRun).isEqualTo(policy.review(create(pod(unsigned, good))));
    }

    @Test
    void review_update_reviewsOnlyImagesTheOldObjectDidNotRun() {
        ImageSupplyChainPolicy policy = policy(FULL_SPEC);

        assertThat(policy.review(ImagePolicyFixtures.update(pod(unsigned, good), pod(unsigned, good))))
                .isEmpty();
        assertThat(policy.review(ImagePolicyFixtures.update(pod(unsigned, good), pod(good, good))))
                .extracting(PolicyViolation::rule)
                .contains("image-signatures");
    }

    @Test
    void review_warnMode_reportsViolationsAsWarnings() {
        List<PolicyViolation> violations = policy(FULL_SPEC + "  mode: warn\n").review(create(pod(unsigned)));

        assertThat(violations).isNotEmpty().allMatch(v -> v.enforcement() == Enforcement.WARN);
    }

    @Test
    void load_policyFileNextToItsKey_resolvesRelativeToTheFile() throws Exception {
        Path file = shared.resolve("file-policy.yaml");
        Files.writeString(
                file,
                "apiVersion: assay.dev/v1\nkind: ImagePolicy\nmetadata:\n  name: from-file\nspec:\n" + FULL_SPEC,
                StandardCharsets.UTF_8);

        ImagePolicies.Loaded loaded = ImagePolicies.load(file, runtime);

        assertThat(loaded.policies().get(0).review(create(pod(good)))).isEmpty();
    }
}
