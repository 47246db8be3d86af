package dev.assay.policy.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.PolicyViolation;
import dev.assay.testkit.Corpora;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The OPA Gatekeeper library's sample objects (misconfig/gatekeeper-library in the shared corpora): where a
 * Gatekeeper policy asks what a hardening rule asks, both must agree on its allowed and disallowed samples;
 * every other sample object must be reviewed without error.
 */
class GatekeeperCorpusTest {
    private static final String LIBRARY = "misconfig/gatekeeper-library/library";

    private static List<PolicyViolation> review(Path file) throws IOException {
        return HardeningFixtures.review(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void automountServiceAccountToken_agreesWithGatekeeper() throws IOException {
        Path samples = Corpora.require(
                LIBRARY + "/general/automount-serviceaccount-token/samples/" + "automount-serviceaccount-token");

        assertThat(HardeningFixtures.messagesOf(
                        review(samples.resolve("example_allowed.yaml")), "pod-service-account-token-automount"))
                .isEmpty();
        assertThat(HardeningFixtures.messagesOf(
                        review(samples.resolve("example_disallowed.yaml")), "pod-service-account-token-automount"))
                .containsExactly("spec.automountServiceAccountToken is true: every container gets the"
                        + " service-account token");
    }

    @Test
    void disallowAnonymous_countsTheSameSubjectsAsGatekeeper() throws IOException {
        // suite.yaml: one violation naming system:unauthenticated, one naming system:anonymous, none naming
        // system:authenticated (without the disallowAuthenticated parameter).
        Path disallowed = Corpora.require(
                LIBRARY + "/general/disallowanonymous/samples/no-anonymous-bindings/example_disallowed.yaml");

        List<String> messages = HardeningFixtures.messagesOf(review(disallowed), "rbac-anonymous-subject");

        assertThat(messages)
                .filteredOn(message -> message.contains("system:unauthenticated"))
                .hasSize(1);
        assertThat(messages)
                .filteredOn(message -> message.contains("system:anonymous"))
                .hasSize(1);
        assertThat(messages).noneMatch(message -> message.contains("system:authenticated"));
    }

    @Test
    void aggregateToEditRole_grantsSecretsExecAndImpersonation() throws IOException {
        // Kubernetes' own system:aggregate-to-edit ClusterRole, as the library's endpoint-edit samples hold it.
        Path role = Corpora.require(LIBRARY
                + "/general/block-endpoint-edit-default-role/samples/block-endpoint-edit-default-role/"
                + "example_allowed.yaml");

        List<PolicyViolation> violations = review(role);

        assertThat(HardeningFixtures.messagesOf(violations, "rbac-secrets-read-cluster"))
                .containsExactly("rules[0] grants \"get\", \"list\", \"watch\" on secrets: every Secret of the"
                        + " cluster where a ClusterRoleBinding grants it, of a namespace where a RoleBinding does");
        assertThat(HardeningFixtures.messagesOf(violations, "rbac-escalation-verbs"))
                .singleElement()
                .asString()
                .startsWith("rules[1] verbs \"impersonate\" on resources \"serviceaccounts\"");
        assertThat(HardeningFixtures.messagesOf(violations, "rbac-pods-exec"))
                .singleElement()
                .asString()
                .startsWith("rules[2] grants \"create\" on pods/exec, pods/attach");
        assertThat(violations)
                .extracting(PolicyViolation::rule)
                .doesNotContain("rbac-wildcard-verbs", "rbac-wildcard-resources");
    }

    @Test
    void everySampleObject_isReviewedWithoutError() throws IOException {
        Path library = Corpora.require(LIBRARY);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(library)) {
            files = walk.filter(file -> file.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
        List<AdmissionInput> all = new ArrayList<>();
        int reviewed = 0;
        for (Path file : files) {
            List<AdmissionInput> inputs =
                    HardeningFixtures.inputs(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            for (AdmissionInput input : inputs) {
                if (HardeningPolicy.forManifests().appliesTo(input)) {
                    HardeningPolicy.forManifests().review(input);
                    reviewed++;
                }
            }
            all.addAll(inputs);
        }
        HardeningSetPolicy.defaults().review(all);

        assertThat(files).hasSizeGreaterThan(300);
        assertThat(reviewed).isGreaterThan(150);
    }
}
