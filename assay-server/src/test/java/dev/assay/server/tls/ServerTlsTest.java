package dev.assay.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.admission.AdmissionController;
import dev.assay.model.InvalidInputException;
import dev.assay.policy.pss.Level;
import dev.assay.policy.pss.PodSecurityPolicy;
import dev.assay.policy.pss.PolicyVersion;
import dev.assay.server.AssayServer;
import dev.assay.server.Fixtures;
import dev.assay.server.PrometheusTextParser;
import dev.assay.server.TestCertificates;
import dev.assay.server.admission.AdmissionFeature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTlsTest {
    @TempDir
    Path dir;

    private AssayServer server(ServerTls tls) {
        AdmissionController controller = new AdmissionController(
                List.of(new PodSecurityPolicy(Level.RESTRICTED, PolicyVersion.LATEST, false)), List.of());
        return AssayServer.builder()
                .bind("127.0.0.1")
                .port(0)
                .tls(tls)
                .feature(new AdmissionFeature(controller, AdmissionFeature.DEFAULT_MAX_REQUEST_BYTES, List.of()))
                .build()
                .start();
    }

    /** A new client, hence a new connection and handshake, trusting only {@code context}'s CA. */
    private static HttpResponse<String> get(SSLContext context, AssayServer server, String path) throws Exception {
        try (HttpClient client = HttpClient.newBuilder()
                .sslContext(context)
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static X509Certificate peer(HttpResponse<?> response) throws Exception {
        return (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
    }

    @Test
    void https_generatedCertificate_servesTheWebhook() throws Exception {
        TestCertificates ca = TestCertificates.newAuthority("test-ca");
        TestCertificates.Issued serving = ca.issue("assay.assay-system.svc", "EC");
        ca.write(serving, dir.resolve("tls.crt"), dir.resolve("tls.key"), false);

        try (ServerTls tls =
                        ServerTls.fromPemFiles(dir.resolve("tls.crt"), dir.resolve("tls.key"), Duration.ofHours(1));
                AssayServer server = server(tls);
                HttpClient client =
                        HttpClient.newBuilder().sslContext(ca.clientContext()).build()) {
            assertThat(server.url()).startsWith("https://127.0.0.1:");
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/admission/validate"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(Fixtures.admission("pod-privileged.json")))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"allowed\":false");
            assertThat(peer(response).getSerialNumber())
                    .isEqualTo(serving.certificate().getSerialNumber());
        }
    }

    @Test
    void reload_replacedFiles_newConnectionsSeeTheNewCertificate() throws Exception {
        TestCertificates oldCa = TestCertificates.newAuthority("old-ca");
        TestCertificates newCa = TestCertificates.newAuthority("new-ca");
        TestCertificates.Issued first = oldCa.issue("assay", "EC");
        TestCertificates.Issued second = newCa.issue("assay", "RSA");
        Path certificate = dir.resolve("tls.crt");
        Path key = dir.resolve("tls.key");
        oldCa.write(first, certificate, key, false);

        try (ServerTls tls = ServerTls.fromPemFiles(certificate, key, Duration.ofMillis(50));
                AssayServer server = server(tls)) {
            assertThat(peer(get(oldCa.clientContext(), server, "/healthz")).getSerialNumber())
                    .isEqualTo(first.certificate().getSerialNumber());

            // The replacement as cert-manager writes it: PKCS#1 RSA key, new CA.
            newCa.write(second, certificate, key, true);
            awaitServed(tls, second.certificate());

            HttpResponse<String> after = get(newCa.clientContext(), server, "/healthz");
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(peer(after).getSerialNumber())
                    .isEqualTo(second.certificate().getSerialNumber());
            assertThatThrownBy(() -> get(oldCa.clientContext(), server, "/healthz"))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("PKIX path building failed");
            assertThat(metric(newCa, server, "assay_tls_reloads_total", Map.of("result", "success")))
                    .isEqualTo(1);
            assertThat(metric(newCa, server, "assay_tls_certificate_expiry_timestamp_seconds", Map.of()))
                    .isEqualTo(second.certificate().getNotAfter().toInstant().getEpochSecond());
        }
    }

    @Test
    void reload_brokenReplacement_keepsServingThePreviousCertificate() throws Exception {
        TestCertificates ca = TestCertificates.newAuthority("ca");
        TestCertificates.Issued first = ca.issue("assay", "EC");
        TestCertificates.Issued other = ca.issue("other", "EC");
        Path certificate = dir.resolve("tls.crt");
        Path key = dir.resolve("tls.key");
        ca.write(first, certificate, key, false);

        try (ServerTls tls = ServerTls.fromPemFiles(certificate, key, Duration.ofHours(1));
                AssayServer server = server(tls)) {
            // A certificate whose key is still the old one: mid-update, or a mistake.
            TestCertificates.replace(certificate, TestCertificates.certificatePem(other.certificate()));
            assertThat(tls.check()).isFalse();
            TestCertificates.replace(certificate, "garbage");
            assertThat(tls.check()).isFalse();
            Files.delete(certificate);
            assertThat(tls.check()).isFalse();

            HttpResponse<String> response = get(ca.clientContext(), server, "/healthz");
            assertThat(peer(response).getSerialNumber())
                    .isEqualTo(first.certificate().getSerialNumber());
            assertThat(metric(ca, server, "assay_tls_reloads_total", Map.of("result", "failure")))
                    .isEqualTo(3);
            assertThat(get(ca.clientContext(), server, "/readyz").statusCode()).isEqualTo(200);

            // Fixed: the next check picks it up.
            ca.write(other, certificate, key, false);
            assertThat(tls.check()).isTrue();
            assertThat(peer(get(ca.clientContext(), server, "/healthz")).getSerialNumber())
                    .isEqualTo(other.certificate().getSerialNumber());
        }
    }

    @Test
    void fromPemFiles_keyFormats_allLoad() throws Exception {
        TestCertificates ca = TestCertificates.newAuthority("ca");
        for (String algorithm : List.of("EC", "RSA")) {
            for (boolean traditional : List.of(false, true)) {
                TestCertificates.Issued issued = ca.issue("assay", algorithm);
                ca.write(issued, dir.resolve("tls.crt"), dir.resolve("tls.key"), traditional);

                TlsCredentials credentials = PemFiles.read(dir.resolve("tls.crt"), dir.resolve("tls.key"));

                assertThat(credentials.chain()).hasSize(2);
                assertThat(credentials.key().getAlgorithm()).isEqualTo(algorithm);
            }
        }
    }

    @Test
    void fromPemFiles_badInput_isInvalidInputNamingTheFile() throws Exception {
        TestCertificates ca = TestCertificates.newAuthority("ca");
        TestCertificates.Issued one = ca.issue("one", "EC");
        TestCertificates.Issued two = ca.issue("two", "EC");
        Path certificate = dir.resolve("tls.crt");
        Path key = dir.resolve("tls.key");
        Files.writeString(certificate, TestCertificates.certificatePem(one.certificate()), StandardCharsets.US_ASCII);
        Files.writeString(key, TestCertificates.pkcs8Pem(two.key()), StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> ServerTls.fromPemFiles(certificate, key, Duration.ofSeconds(10)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not belong to the certificate");
        assertThatThrownBy(() -> ServerTls.fromPemFiles(dir.resolve("absent.crt"), key, Duration.ofSeconds(10)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("absent.crt does not exist");
        Files.writeString(key, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertThatThrownBy(() -> PemFiles.read(certificate, key)).hasMessageContaining("encrypted");
        Files.writeString(
                key,
                "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n"
                        + "-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> PemFiles.read(certificate, key)).hasMessageContaining("encrypted");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> PemFiles.read(certificate, key))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("malformed private key");
        Files.writeString(certificate, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> PemFiles.read(certificate, key))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("malformed certificate");
        Files.write(certificate, new byte[(int) PemFiles.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> PemFiles.read(certificate, key)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ServerTls.fromPemFiles(certificate, key, Duration.ZERO))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void matches_keyTypesOfTheHandshake() {
        assertThat(ReloadingKeyManager.matches("RSA", "RSA")).isTrue();
        assertThat(ReloadingKeyManager.matches("RSA", "RSASSA-PSS")).isTrue();
        assertThat(ReloadingKeyManager.matches("RSA", "EC")).isFalse();
        assertThat(ReloadingKeyManager.matches("EC", "EC")).isTrue();
        assertThat(ReloadingKeyManager.matches("EC", null)).isFalse();
    }

    private static void awaitServed(ServerTls tls, X509Certificate expected) throws InterruptedException {
        for (int wait = 0; wait < 200; wait++) {
            if (tls.current().leaf().equals(expected)) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the new certificate was not loaded within 5 s");
    }

    private static double metric(TestCertificates ca, AssayServer server, String name, Map<String, String> labels)
            throws Exception {
        return PrometheusTextParser.value(
                PrometheusTextParser.parse(
                        get(ca.clientContext(), server, "/metrics").body()),
                name,
                labels);
    }
}
