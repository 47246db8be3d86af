package dev.assay.policy.hardening;

import dev.assay.model.untrusted.SafeYaml;
import dev.assay.policy.AnchoredViolation;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.PolicyViolation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Loads fixture manifests and runs the whole pack (per-object and set rules) over them. */
final class HardeningFixtures {
    private HardeningFixtures() {}

    @SuppressWarnings("unchecked")
    static List<AdmissionInput> inputs(String yaml, String name) {
        List<AdmissionInput> inputs = new ArrayList<>();
        for (Object document : SafeYaml.loadAll(yaml, name)) {
            if (document instanceof Map<?, ?> map) {
                inputs.add(AdmissionInput.ofManifest((Map<String, Object>) map));
            }
        }
        return inputs;
    }

    static List<PolicyViolation> review(String yaml) {
        List<AdmissionInput> inputs = inputs(yaml, "test");
        List<PolicyViolation> violations = new ArrayList<>();
        HardeningPolicy policy = HardeningPolicy.forManifests();
        for (AdmissionInput input : inputs) {
            if (policy.appliesTo(input)) {
                violations.addAll(policy.review(input));
            }
        }
        for (AnchoredViolation anchored : HardeningSetPolicy.defaults().review(inputs)) {
            violations.add(anchored.violation());
        }
        return violations;
    }

    static List<PolicyViolation> review(Path file) {
        try {
            return review(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code # expect: TEXT} lines of a fixture: each must appear in some violation of its rule. */
    static List<String> expectations(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("# expect: "))
                    .map(line -> line.substring("# expect: ".length()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> messagesOf(List<PolicyViolation> violations, String rule) {
        return violations.stream()
                .filter(violation -> violation.rule().equals(rule))
                .map(PolicyViolation::message)
                .toList();
    }
}
