package dev.assay.engine.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.model.InvalidInputException;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.JsonPatchOperation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdmissionReviewsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void read_podReview_carriesEveryRequestField() {
        AdmissionInput input = AdmissionFixtures.input("pod-restricted.json");

        assertThat(input.uid()).isEqualTo("705ab4f5-6393-11e8-b7cc-42010a800002");
        assertThat(input.operation()).isEqualTo(AdmissionInput.Operation.CREATE);
        assertThat(input.kind()).isEqualTo(new AdmissionInput.GroupVersionKind("", "v1", "Pod"));
        assertThat(input.resource()).isEqualTo("pods");
        assertThat(input.subResource()).isEmpty();
        assertThat(input.namespace()).isEqualTo("team-a");
        assertThat(input.name()).isEqualTo("web");
        assertThat(input.username()).isEqualTo("alice");
        assertThat(input.groups()).containsExactly("system:authenticated", "team-a");
        assertThat(input.object()).containsEntry("kind", "Pod");
        assertThat(input.oldObject()).isEmpty();
        assertThat(input.dryRun()).isFalse();
    }

    @Test
    void read_dryRunDelete_hasNoObject() {
        String review = """
                {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u-1",
                 "kind":{"group":"apps","version":"v1","kind":"Deployment"},"operation":"DELETE","namespace":"a",
                 "name":"d","object":null,"oldObject":{"kind":"Deployment"},"dryRun":true}}""";

        AdmissionInput input = AdmissionReviews.read(review.getBytes(StandardCharsets.UTF_8), "body");

        assertThat(input.dryRun()).isTrue();
        assertThat(input.object()).isEmpty();
        assertThat(input.oldObject()).containsEntry("kind", "Deployment");
        assertThat(input.kind().group()).isEqualTo("apps");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[]",
                "{\"kind\":\"AdmissionReview\"} trailing",
                "{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}",
                "{\"apiVersion\":\"admission.k8s.io/v1beta1\",\"kind\":\"AdmissionReview\",\"request\":{}}",
                "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\"}",
                "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":[]}",
                "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"kind\":{\"kind\":\"Pod\"},\"operation\":\"CREATE\"}}",
                "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"a b\",\"kind\":{\"kind\":\"Pod\"},\"operation\":\"CREATE\"}}",
                "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":7,\"kind\":{\"kind\":\"Pod\"},\"operation\":\"CREATE\"}}",
                "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u\",\"kind\":{\"kind\":\"Pod\"},\"operation\":\"PATCH\"}}",
                "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u\",\"kind\":\"Pod\",\"operation\":\"CREATE\"}}",
                "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u\",\"kind\":{\"kind\":\"Pod\"},\"operation\":\"CREATE\",\"object\":\"x\"}}",
                "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u\",\"kind\":{\"kind\":\"Pod\"},\"operation\":\"CREATE\",\"dryRun\":\"yes\"}}",
                "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u\",\"kind\":{\"kind\":\"Pod\"},\"operation\":\"CREATE\",\"userInfo\":{\"groups\":[1]}}}",
                "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"kind\":\"AdmissionReview\"}",
                "{\"n\":1"
                        + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000}"
            })
    void read_malformedOrForeignInput_isInvalidInput(String body) {
        assertThatThrownBy(() -> AdmissionReviews.read(body.getBytes(StandardCharsets.UTF_8), "request body"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("request body");
    }

    @Test
    void read_v1beta1_namesTheFix() {
        byte[] body = "{\"apiVersion\":\"admission.k8s.io/v1beta1\",\"kind\":\"AdmissionReview\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> AdmissionReviews.read(body, "request body"))
                .hasMessageContaining("only admission.k8s.io/v1 is supported")
                .hasMessageContaining("admissionReviewVersions");
    }

    @Test
    void read_deepNesting_isRejectedWithoutStackOverflow() {
        String deep = "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":"
                + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        assertThatThrownBy(() -> AdmissionReviews.read(deep.getBytes(StandardCharsets.UTF_8), "request body"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("exceeds a JSON limit");
    }

    @Test
    void read_invalidUtf8_isInvalidInput() {
        byte[] body = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};

        assertThatThrownBy(() -> AdmissionReviews.read(body, "request body")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void write_denial_hasStatusCodeAndMessage() throws Exception {
        AdmissionDecision denied =
                new AdmissionDecision("u-1", false, "violates PodSecurity", List.of(), Map.of(), List.of(), List.of());

        JsonNode review = JSON.readTree(AdmissionReviews.write(denied));

        assertThat(review.path("apiVersion").asText()).isEqualTo("admission.k8s.io/v1");
        assertThat(review.path("kind").asText()).isEqualTo("AdmissionReview");
        JsonNode response = review.path("response");
        assertThat(response.path("uid").asText()).isEqualTo("u-1");
        assertThat(response.path("allowed").asBoolean(true)).isFalse();
        assertThat(response.path("status").path("code").asInt()).isEqualTo(403);
        assertThat(response.path("status").path("message").asText()).isEqualTo("violates PodSecurity");
        assertThat(response.has("patch")).isFalse();
        assertThat(response.has("warnings")).isFalse();
    }

    @Test
    void write_allowedWithPatch_encodesJsonPatchInBase64() throws Exception {
        AdmissionDecision allowed = new AdmissionDecision(
                "u-2",
                true,
                "",
                List.of("would violate"),
                Map.of("images", "unsigned"),
                List.of(
                        JsonPatchOperation.replace("/spec/containers/0/image", "nginx@sha256:0f"),
                        new JsonPatchOperation("remove", "/metadata/labels/x", null)),
                List.of());

        JsonNode response = JSON.readTree(AdmissionReviews.write(allowed)).path("response");

        assertThat(response.path("allowed").asBoolean()).isTrue();
        assertThat(response.has("status")).isFalse();
        assertThat(response.path("warnings").get(0).asText()).isEqualTo("would violate");
        assertThat(response.path("auditAnnotations").path("images").asText()).isEqualTo("unsigned");
        assertThat(response.path("patchType").asText()).isEqualTo("JSONPatch");
        JsonNode patch =
                JSON.readTree(Base64.getDecoder().decode(response.path("patch").asText()));
        assertThat(patch.toString())
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/spec/containers/0/image\",\"value\":\"nginx@sha256:0f\"},"
                        + "{\"op\":\"remove\",\"path\":\"/metadata/labels/x\"}]");
    }
}
