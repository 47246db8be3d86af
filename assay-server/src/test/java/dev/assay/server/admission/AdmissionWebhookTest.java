package dev.assay.server.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.engine.admission.AdmissionController;
import dev.assay.engine.admission.JsonPatches;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.JsonPatchOperation;
import dev.assay.policy.pss.Level;
import dev.assay.policy.pss.PodSecurityPolicy;
import dev.assay.policy.pss.PolicyVersion;
import dev.assay.server.AssayServer;
import dev.assay.server.Fixtures;
import dev.assay.server.PrometheusTextParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The webhook on a real server on loopback, driven by a real HTTP client. */
class AdmissionWebhookTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LIMIT = 64 * 1024;

    private static final List<String> recordedUids = new CopyOnWriteArrayList<>();
    private static AssayServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        AdmissionController controller = new AdmissionController(
                List.of(
                        new PodSecurityPolicy(Level.RESTRICTED, PolicyVersion.LATEST, false),
                        new CostCenterLabelPolicy()),
                List.of(new AlwaysPullMutator()));
        DecisionListener recorder = (webhook, input, decision, elapsed) -> recordedUids.add(input.uid());
        server = AssayServer.builder()
                .bind("127.0.0.1")
                .port(0)
                .insecureHttp()
                .feature(new AdmissionFeature(controller, LIMIT, List.of(recorder, new DecisionLog())))
                .build()
                .start();
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.stop();
        client.close();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode review(String path, String body) throws Exception {
        HttpResponse<String> response = post(path, "application/json", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode review = JSON.readTree(response.body());
        assertThat(review.path("apiVersion").asText()).isEqualTo("admission.k8s.io/v1");
        assertThat(review.path("kind").asText()).isEqualTo("AdmissionReview");
        return review.path("response");
    }

    @Test
    void validate_restrictedPod_isAllowedWithTheUidEchoed() throws Exception {
        JsonNode response = review("/admission/validate", Fixtures.admission("pod-restricted.json"));

        assertThat(response.path("uid").asText()).isEqualTo("705ab4f5-6393-11e8-b7cc-42010a800002");
        assertThat(response.path("allowed").asBoolean()).isTrue();
        assertThat(response.has("status")).isFalse();
        assertThat(response.has("patch")).isFalse();
    }

    @Test
    void validate_privilegedPod_isDeniedWith403AndPodSecurityMessage() throws Exception {
        JsonNode response = review("/admission/validate", Fixtures.admission("pod-privileged.json"));

        assertThat(response.path("allowed").asBoolean(true)).isFalse();
        assertThat(response.path("status").path("code").asInt()).isEqualTo(403);
        assertThat(response.path("status").path("message").asText())
                .startsWith("violates PodSecurity \"restricted:latest\": ")
                .contains("privileged");
    }

    @Test
    void validate_deploymentBreakingRestricted_isAllowedWithWarnings() throws Exception {
        JsonNode response = review("/admission/validate", Fixtures.admission("deployment-baseline.json"));

        assertThat(response.path("allowed").asBoolean()).isTrue();
        assertThat(response.path("warnings")).hasSize(1);
        assertThat(response.path("warnings").get(0).asText())
                .startsWith("would violate PodSecurity \"restricted:latest\"");
    }

    @Test
    void validate_auditModePolicy_addsAuditAnnotation() throws Exception {
        JsonNode response = review("/admission/validate", Fixtures.admission("pod-restricted.json"));

        assertThat(response.path("auditAnnotations").path("cost-center").asText())
                .isEqualTo("cost-center: label cost-center is missing");
    }

    @Test
    void validate_dryRun_decidesTheSameButRecordsNothing() throws Exception {
        JsonNode dryRun = review("/admission/validate", Fixtures.admission("pod-privileged.json", "dry-run-1", true));
        JsonNode real = review("/admission/validate", Fixtures.admission("pod-privileged.json", "real-run-1", false));

        assertThat(dryRun.path("allowed").asBoolean(true)).isFalse();
        assertThat(dryRun.path("status")).isEqualTo(real.path("status"));
        // Listeners run after the response is written: wait for the real run's record.
        for (int wait = 0; wait < 100 && !recordedUids.contains("real-run-1"); wait++) {
            Thread.sleep(20);
        }
        assertThat(recordedUids).contains("real-run-1").doesNotContain("dry-run-1");
        assertThat(metric("assay_admission_dry_run_total", Map.of("webhook", "validate")))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void mutate_pod_returnsBase64JsonPatchThatApplies() throws Exception {
        String body = Fixtures.admission("pod-restricted.json", "mutate-1", false);
        JsonNode response = review("/admission/mutate", body);

        assertThat(response.path("uid").asText()).isEqualTo("mutate-1");
        assertThat(response.path("allowed").asBoolean()).isTrue();
        assertThat(response.path("patchType").asText()).isEqualTo("JSONPatch");
        byte[] patchJson = Base64.getDecoder().decode(response.path("patch").asText());
        JsonNode patch = JSON.readTree(patchJson);
        assertThat(patch).hasSize(3);
        assertThat(patch.get(0).toString())
                .isEqualTo("{\"op\":\"add\",\"path\":\"/spec/containers/0/imagePullPolicy\",\"value\":\"Always\"}");
        List<JsonPatchOperation> operations = new ArrayList<>();
        patch.forEach(operation -> operations.add(new JsonPatchOperation(
                operation.path("op").asText(),
                operation.path("path").asText(),
                operation.path("value").asText())));
        AdmissionInput input =
                dev.assay.engine.admission.AdmissionReviews.read(body.getBytes(StandardCharsets.UTF_8), "fixture");
        Map<String, Object> patched = JsonPatches.apply(input.object(), operations);
        assertThat(patched.toString()).contains("imagePullPolicy=Always");
        // The mutating webhook runs mutators only: the validating policies' audit annotations stay with /validate.
        assertThat(response.has("auditAnnotations")).isFalse();
    }

    @Test
    void validate_kindNoPolicyHandles_isAllowedAndCounted() throws Exception {
        double before =
                metricOrZero("assay_admission_unhandled_total", Map.of("webhook", "validate", "kind", "ConfigMap"));

        JsonNode response = review("/admission/validate", Fixtures.admission("configmap.json"));

        assertThat(response.path("allowed").asBoolean()).isTrue();
        assertThat(response.has("warnings")).isFalse();
        assertThat(metric("assay_admission_unhandled_total", Map.of("webhook", "validate", "kind", "ConfigMap")))
                .isEqualTo(before + 1);
    }

    @Test
    void malformedJsonNotAReviewAndWrongVersion_are400WithAStatusBody() throws Exception {
        for (String body : List.of(
                "{not json",
                "{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}",
                "{\"apiVersion\":\"admission.k8s.io/v1beta1\",\"kind\":\"AdmissionReview\",\"request\":{}}",
                "")) {
            HttpResponse<String> response = post("/admission/validate", "application/json", body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            JsonNode status = JSON.readTree(response.body());
            assertThat(status.path("kind").asText()).isEqualTo("Status");
            assertThat(status.path("code").asInt()).isEqualTo(400);
            assertThat(status.path("reason").asText()).isEqualTo("BadRequest");
            assertNoStackTrace(response.body());
        }
        assertThat(post(
                                "/admission/validate",
                                "application/json",
                                "{\"apiVersion\":\"admission.k8s.io/v1beta1\","
                                        + "\"kind\":\"AdmissionReview\",\"request\":{}}")
                        .body())
                .contains("only admission.k8s.io/v1 is supported");
    }

    @Test
    void wrongOrMissingContentType_is415() throws Exception {
        String body = Fixtures.admission("pod-restricted.json");

        assertThat(post("/admission/validate", "text/plain", body).statusCode()).isEqualTo(415);
        assertThat(post("/admission/validate", null, body).statusCode()).isEqualTo(415);
        assertThat(post("/admission/validate", "application/json; charset=iso-8859-1", body)
                        .statusCode())
                .isEqualTo(415);
        assertThat(post("/admission/validate", "Application/JSON; charset=UTF-8", body)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void declaredBodyOverTheLimit_is413BeforeTheBodyIsSent() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /admission/validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 104857600\r\n\r\n{\"apiVersion\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Only the headers and a few bytes of the promised 100 MiB were sent: the answer must not wait.
            String response = readResponse(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 413");
            // The admission path keeps Kubernetes' Status shape (the portfolio API answers in its own).
            assertThat(response).contains("\"kind\"", "\"Status\"", "larger than the server accepts");
            assertNoStackTrace(response);
        }
    }

    @Test
    void chunkedBodyOverTheLimit_is413() throws Exception {
        byte[] large = ("{\"pad\":\"" + "x".repeat((int) LIMIT * 3) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(uri("/admission/validate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)))
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).path("reason").asText()).isEqualTo("RequestEntityTooLarge");
    }

    @Test
    void unknownPathAndWrongMethod_are404And405() throws Exception {
        HttpResponse<String> unknown = client.send(
                HttpRequest.newBuilder(uri("/admission/nothing")).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongMethod = client.send(
                HttpRequest.newBuilder(uri("/admission/validate")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("reason").asText()).isEqualTo("NotFound");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void garbageOnTheWire_getsAClean400AndTheServerKeepsServing() throws Exception {
        for (String garbage : List.of(
                "GARBAGE\r\n\r\n",
                "POST /admission/validate HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
                "POST /admission/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\nZZZ\r\n{}\r\n0\r\n\r\n",
                "POST /admission/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 5\r\nContent-Length: 7\r\n\r\n{}",
                "GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n")) {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(5000);
                socket.getOutputStream().write(garbage.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                String response;
                try {
                    response = readResponse(socket.getInputStream());
                } catch (java.net.SocketTimeoutException e) {
                    throw new AssertionError("no answer to " + garbage.substring(0, Math.min(60, garbage.length())), e);
                }

                assertThat(response)
                        .as(garbage.substring(0, Math.min(60, garbage.length())))
                        .matches("(?s)HTTP/1.1 4\\d\\d.*");
                assertNoStackTrace(response);
            }
        }
        assertThat(review("/admission/validate", Fixtures.admission("pod-restricted.json"))
                        .path("allowed")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void healthAndReadiness_areOk() throws Exception {
        HttpResponse<String> health =
                client.send(HttpRequest.newBuilder(uri("/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> ready =
                client.send(HttpRequest.newBuilder(uri("/readyz")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok\n");
        assertThat(ready.statusCode()).isEqualTo(200);
    }

    @Test
    void metrics_areValidPrometheusTextWithLatencyDecisionsAndResults() throws Exception {
        review("/admission/validate", Fixtures.admission("pod-privileged.json"));
        review("/admission/validate", Fixtures.admission("pod-restricted.json"));
        post("/admission/validate", "application/json", "{");

        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(uri("/metrics")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        List<PrometheusTextParser.Series> series = PrometheusTextParser.parse(response.body());
        assertThat(PrometheusTextParser.value(
                        series, "assay_http_request_duration_seconds_count", Map.of("endpoint", "/admission/validate")))
                .isGreaterThanOrEqualTo(3);
        assertThat(PrometheusTextParser.value(
                        series,
                        "assay_admission_policy_decisions_total",
                        Map.of("webhook", "validate", "policy", "pod-security-restricted", "result", "deny")))
                .isGreaterThanOrEqualTo(1);
        assertThat(PrometheusTextParser.value(
                        series, "assay_admission_reviews_total", Map.of("webhook", "validate", "result", "allowed")))
                .isGreaterThanOrEqualTo(1);
        assertThat(PrometheusTextParser.value(
                        series,
                        "assay_admission_rejected_requests_total",
                        Map.of("webhook", "validate", "code", "400")))
                .isGreaterThanOrEqualTo(1);
        assertThat(series)
                .noneMatch(
                        sample -> sample.labels().getOrDefault("endpoint", "").contains("nothing"));
    }

    @Test
    void manyParallelRequests_eachGetTheirOwnDecision() throws Exception {
        int requests = 400;
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < requests; i++) {
                String uid = "parallel-" + i;
                boolean privileged = i % 3 == 0;
                String fixture = privileged ? "pod-privileged.json" : "pod-restricted.json";
                results.add(executor.submit(() -> {
                    JsonNode response = review("/admission/validate", Fixtures.admission(fixture, uid, false));
                    return response.path("uid").asText().equals(uid)
                            && response.path("allowed").asBoolean() == !privileged;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        }
    }

    static double metric(String name, Map<String, String> labels) throws Exception {
        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(uri("/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        return PrometheusTextParser.value(PrometheusTextParser.parse(response.body()), name, labels);
    }

    static double metricOrZero(String name, Map<String, String> labels) throws Exception {
        try {
            return metric(name, labels);
        } catch (AssertionError absent) {
            return 0;
        }
    }

    /** One HTTP response: the head, then as many body bytes as Content-Length says (or until close). */
    static String readResponse(InputStream input) throws IOException {
        StringBuilder response = new StringBuilder();
        try {
            int headEnd = -1;
            while (headEnd < 0) {
                int next = input.read();
                if (next < 0) {
                    return response.toString();
                }
                response.append((char) next);
                headEnd = response.indexOf("\r\n\r\n");
            }
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
                    .matcher(response);
            if (length.find()) {
                byte[] body = input.readNBytes(Integer.parseInt(length.group(1)));
                response.append(new String(body, StandardCharsets.ISO_8859_1));
            }
        } catch (java.net.SocketException reset) {
            // The server may close right after answering; what arrived is the answer.
        }
        return response.toString();
    }

    static void assertNoStackTrace(String body) {
        assertThat(body).doesNotContain("Exception", "\tat ", "io.helidon", "java.lang");
    }
}
