package dev.assay.engine.image;

import static dev.assay.engine.image.ImagePolicyFixtures.create;
import static dev.assay.engine.image.ImagePolicyFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.RegistryOptions;
import dev.assay.engine.ScanEngine;
import dev.assay.model.Advisory;
import dev.assay.model.AffectedPackage;
import dev.assay.model.AffectedRange;
import dev.assay.model.NoVerdictException;
import dev.assay.model.RangeEvent;
import dev.assay.model.Rating;
import dev.assay.model.Severity;
import dev.assay.model.untrusted.Limits;
import dev.assay.oci.ArtifactManifest;
import dev.assay.oci.Descriptor;
import dev.assay.oci.ImageReference;
import dev.assay.oci.LocalRegistry;
import dev.assay.oci.MediaTypes;
import dev.assay.oci.RegistryClient;
import dev.assay.oci.RegistryRepository;
import dev.assay.policy.admission.PolicyViolation;
import dev.assay.vulndb.InMemoryAdvisoryStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vulnerabilities.scan: true}: an image without a vulnerability attestation is scanned with Assay's
 * own engine (pulled from the loopback registry, inventoried, matched against an advisory store), once per
 * digest and cache period.
 */
@Timeout(180)
class ScanningImagePolicyIntegrationTest {
    @TempDir
    static Path shared;

    private static LocalRegistry registry;

    @BeforeAll
    static void start() throws Exception {
        LocalRegistry.assumeRegistryInstalled();
        registry = LocalRegistry.start(shared.resolve("registry"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (registry != null) {
            registry.close();
        }
    }

    private static final Advisory REQUESTS_CVE = new Advisory(
            "CVE-2099-0001",
            List.of(),
            "requests leaks credentials",
            "",
            Instant.parse("2024-01-01T00:00:00Z"),
            Instant.parse("2024-01-01T00:00:00Z"),
            null,
            List.of(new AffectedPackage(
                    "PyPI",
                    "requests",
                    "",
                    List.of(new AffectedRange(
                            AffectedRange.Type.ECOSYSTEM,
                            "",
                            List.of(RangeEvent.introduced("0"), RangeEvent.fixed("2.31.0")))),
                    List.of(),
                    "")),
            List.of(new Rating(Rating.DATABASE, Double.NaN, Severity.CRITICAL, "", "test")),
            List.of(),
            "test");

    @Test
    void review_imageWithoutAttestation_isScannedOncePerDigest() throws Exception {
        String reference = pushPythonImage("scan/app:1.0", "requests", "2.0.0");
        AtomicInteger scans = new AtomicInteger();
        ScanEngineVulnerabilityScanner engine = new ScanEngineVulnerabilityScanner(
                ScanEngine.withDefaults(),
                () -> InMemoryAdvisoryStore.of(List.of(REQUESTS_CVE)),
                new RegistryOptions(true, null, null),
                Limits.DEFAULT,
                Clock.systemUTC());
        VulnerabilityScanner counting = image -> {
            scans.incrementAndGet();
            return engine.scan(image);
        };
        try (ImagePolicyRuntime runtime =
                new ImagePolicyRuntime(LocalRegistry.clientOptions(), Clock.systemUTC(), 10, Optional.of(counting))) {
            ImageSupplyChainPolicy policy = policy(runtime);

            List<PolicyViolation> first = policy.review(create(pod(reference)));
            List<PolicyViolation> second = policy.review(create(pod(reference, reference)));

            assertThat(first).singleElement().satisfies(violation -> {
                assertThat(violation.rule()).isEqualTo("image-vulnerabilities");
                assertThat(violation.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(violation.message())
                        .contains("has 1 vulnerability at or above HIGH in the Assay scan of ")
                        .endsWith(": CVE-2099-0001 (CRITICAL, requests 2.0.0)");
            });
            assertThat(second).hasSize(2);
            assertThat(scans).hasValue(1);
        }
    }

    @Test
    void review_fixedPackage_passesTheScan() throws Exception {
        String reference = pushPythonImage("scan/fixed:1.0", "requests", "2.31.0");
        ScanEngineVulnerabilityScanner engine = new ScanEngineVulnerabilityScanner(
                ScanEngine.withDefaults(),
                () -> InMemoryAdvisoryStore.of(List.of(REQUESTS_CVE)),
                new RegistryOptions(true, null, null),
                Limits.DEFAULT,
                Clock.systemUTC());
        try (ImagePolicyRuntime runtime =
                new ImagePolicyRuntime(LocalRegistry.clientOptions(), Clock.systemUTC(), 10, Optional.of(engine))) {
            assertThat(policy(runtime).review(create(pod(reference)))).isEmpty();
        }
    }

    @Test
    void review_scannerWithoutDatabase_isNoVerdict() throws Exception {
        String reference = pushPythonImage("scan/nodb:1.0", "requests", "2.0.0");
        VulnerabilityScanner noDatabase = image -> {
            throw new NoVerdictException("no advisory database at /nowhere", "/nowhere", "run 'assay db update'", null);
        };
        try (ImagePolicyRuntime runtime =
                new ImagePolicyRuntime(LocalRegistry.clientOptions(), Clock.systemUTC(), 10, Optional.of(noDatabase))) {
            ImageSupplyChainPolicy policy = policy(runtime);

            assertThatThrownBy(() -> policy.review(create(pod(reference)))).isInstanceOf(NoVerdictException.class);
        }
    }

    private static ImageSupplyChainPolicy policy(ImagePolicyRuntime runtime) {
        String content = "apiVersion: assay.dev/v1\nkind: ImagePolicy\nmetadata:\n  name: scanned\nspec:\n"
                + "  vulnerabilities:\n    maxSeverity: high\n    scan: true\n";
        return ImagePolicies.parse(content, shared.resolve("scanned.yaml").toString(), runtime)
                .policies()
                .get(0);
    }

    /** An image holding one installed Python package, as pip leaves it in site-packages. */
    private static String pushPythonImage(String repositoryAndTag, String name, String version) throws IOException {
        String metadata = "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n";
        byte[] layer = tar(
                Map.of("usr/lib/python3.12/site-packages/" + name + "-" + version + ".dist-info/METADATA", metadata));
        String diffId = "sha256:" + HexFormat.of().formatHex(sha256(layer));
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                        + diffId + "\"]},\"config\":{}}")
                .getBytes(StandardCharsets.UTF_8);
        String reference = registry.host() + "/" + repositoryAndTag;
        ImageReference parsed = ImageReference.parse(reference);
        try (RegistryClient client = new RegistryClient(LocalRegistry.clientOptions())) {
            RegistryRepository repository = client.repository(parsed, true);
            Descriptor layerDescriptor = repository.pushBlob("application/vnd.oci.image.layer.v1.tar", layer);
            Descriptor configDescriptor = repository.pushBlob(MediaTypes.OCI_CONFIG, config);
            repository.pushManifest(
                    parsed.tag(),
                    new ArtifactManifest(null, configDescriptor, List.of(layerDescriptor), null, Map.of())
                            .toJsonBytes(),
                    MediaTypes.OCI_MANIFEST);
        }
        return reference;
    }

    private static byte[] tar(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(content.length);
                entry.setModTime(0);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
