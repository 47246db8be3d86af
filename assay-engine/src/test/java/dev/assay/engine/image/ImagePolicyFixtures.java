package dev.assay.engine.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.engine.ImageSignatures;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.JsonPatchOperation;
import dev.assay.sign.attest.VulnPredicates;
import dev.assay.sign.attest.VulnScanContext;
import dev.assay.sign.slsa.ProvenanceGenerator;
import dev.assay.sign.slsa.ProvenanceRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pods, attestations and patches for the image policy tests, built as users and CI would build them. */
final class ImagePolicyFixtures {
    static final String BUILDER = "https://github.com/acme/builder/.github/workflows/build.yml@refs/heads/main";
    static final String SOURCE = "https://github.com/acme/app";

    private ImagePolicyFixtures() {}

    /** A pod whose containers run the images, in order. */
    static Map<String, Object> pod(String... images) {
        List<Object> containers = new ArrayList<>();
        for (int i = 0; i < images.length; i++) {
            Map<String, Object> container = new LinkedHashMap<>();
            container.put("name", "c" + i);
            container.put("image", images[i]);
            containers.add(container);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("containers", containers);
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        pod.put("metadata", new LinkedHashMap<>(Map.of("name", "web", "namespace", "default")));
        pod.put("spec", spec);
        return pod;
    }

    static AdmissionInput create(Map<String, Object> object) {
        return AdmissionInput.ofManifest(object);
    }

    static AdmissionInput dryRunCreate(Map<String, Object> object) {
        AdmissionInput manifest = AdmissionInput.ofManifest(object);
        return new AdmissionInput(
                "uid-1",
                AdmissionInput.Operation.CREATE,
                manifest.kind(),
                "pods",
                "",
                "default",
                "web",
                object,
                Map.of(),
                "alice",
                List.of(),
                true);
    }

    static AdmissionInput update(Map<String, Object> object, Map<String, Object> old) {
        AdmissionInput manifest = AdmissionInput.ofManifest(object);
        return new AdmissionInput(
                "uid-2",
                AdmissionInput.Operation.UPDATE,
                manifest.kind(),
                "pods",
                "",
                "default",
                "web",
                object,
                old,
                "alice",
                List.of(),
                false);
    }

    /** SLSA v1 provenance as {@code assay attest provenance} makes it outside CI, from flags. */
    static JsonNode provenance(String builder, String source) {
        return ProvenanceGenerator.generate(
                        Map.of(),
                        ProvenanceRequest.builder()
                                .builderId(builder)
                                .buildType("https://acme.example/build/v1")
                                .sourceUri(source)
                                .sourceRef("refs/heads/main")
                                .sourceDigest("gitCommit:0123456789abcdef0123456789abcdef01234567")
                                .build())
                .toJson();
    }

    /** The vuln predicate {@code assay attest vuln} wraps around an Assay scan report with these findings. */
    static JsonNode vulnReport(Instant finished, String... idSeverityComponent) {
        StringBuilder findings = new StringBuilder();
        for (String entry : idSeverityComponent) {
            String[] parts = entry.split(" ", 3);
            if (!findings.isEmpty()) {
                findings.append(',');
            }
            findings.append("{\"vulnerability\":{\"id\":\"")
                    .append(parts[0])
                    .append("\"},\"severity\":\"")
                    .append(parts[1])
                    .append("\",\"component\":{\"name\":\"")
                    .append(parts[2])
                    .append("\",\"version\":\"1.0\"}}");
        }
        String report = "{\"schemaVersion\":\"1.0\",\"tool\":{\"name\":\"Assay\",\"version\":\"0.1.0\"},"
                + "\"database\":{\"updatedAt\":\"2025-01-01T00:00:00Z\"},\"findings\":[" + findings + "]}";
        return VulnPredicates.of(
                        report.getBytes(StandardCharsets.UTF_8),
                        "report.json",
                        new VulnScanContext(finished.minusSeconds(30), finished, "", "", ""))
                .content();
    }

    static void sign(ImageSignatures signatures, String reference, KeyPair keys, boolean referrer) {
        signatures.sign(reference, keys.getPrivate(), keys.getPublic(), Map.of(), referrer);
    }

    static void attest(ImageSignatures signatures, String reference, String type, JsonNode predicate, KeyPair keys) {
        signatures.attest(reference, type, predicate, keys.getPrivate(), keys.getPublic());
    }

    /** Applies {@code replace} operations as the API server applies the webhook's patch. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> apply(Map<String, Object> object, List<JsonPatchOperation> patch) {
        Map<String, Object> copy = (Map<String, Object>)
                SafeJson.mapper().convertValue(SafeJson.mapper().valueToTree(object), Map.class);
        for (JsonPatchOperation operation : patch) {
            if (!operation.op().equals("replace")) {
                throw new AssertionError("unexpected op " + operation);
            }
            String[] segments = operation.path().substring(1).split("/");
            Object parent = copy;
            for (int i = 0; i < segments.length - 1; i++) {
                String segment = segments[i].replace("~1", "/").replace("~0", "~");
                parent = parent instanceof Map<?, ?> map
                        ? map.get(segment)
                        : ((List<Object>) parent).get(Integer.parseInt(segment));
            }
            String last = segments[segments.length - 1];
            if (parent instanceof Map<?, ?> map) {
                if (!map.containsKey(last)) {
                    throw new AssertionError("replace of a missing member " + operation.path());
                }
                ((Map<String, Object>) map).put(last, operation.value());
            } else {
                ((List<Object>) parent).set(Integer.parseInt(last), operation.value());
            }
        }
        return copy;
    }
}
