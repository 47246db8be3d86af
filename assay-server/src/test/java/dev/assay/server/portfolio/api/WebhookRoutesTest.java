package dev.assay.server.portfolio.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.server.AssayServer;
import dev.assay.server.portfolio.api.ApiClient.Answer;
import dev.assay.server.portfolio.auth.ApiKeys;
import dev.assay.server.portfolio.auth.Scope;
import dev.assay.server.portfolio.store.PortfolioDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook endpoints: admin only, the secret never listed back, writes audited. */
class WebhookRoutesTest {
    private static final String SECRET = "0123456789abcdef-secret";

    @TempDir
    Path dataDir;

    private PortfolioDatabase database;
    private AssayServer server;
    private ApiClient client;
    private String admin;
    private String reader;

    @BeforeEach
    void start() {
        database = PortfolioDatabase.embedded(dataDir);
        ApiKeys keys = new ApiKeys(database, Clock.systemUTC());
        admin = keys.create("admin", EnumSet.of(Scope.ADMIN), "test").secret();
        reader = keys.create("dashboard", EnumSet.of(Scope.READ), "test").secret();
        server = AssayServer.builder()
                .bind("127.0.0.1")
                .port(0)
                .insecureHttp()
                .feature(PortfolioFeature.builder(database).build())
                .build()
                .start();
        client = new ApiClient(server.url());
    }

    @AfterEach
    void stop() {
        server.stop();
        client.close();
        database.close();
    }

    @Test
    void createListDelete_neverShowsTheSecret_andAuditsEachWrite() {
        Answer created = client.postJson(
                "/api/v1/webhooks",
                admin,
                "{\"url\":\"https://hooks.example.com/assay\",\"secret\":\"" + SECRET
                        + "\",\"events\":[\"finding.new\"]}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode webhook = created.json();
        long id = webhook.get("id").asLong();
        assertThat(webhook.get("url").asText()).isEqualTo("https://hooks.example.com/assay");
        assertThat(webhook.get("events").get(0).asText()).isEqualTo("finding.new");
        assertThat(webhook.get("active").asBoolean()).isTrue();
        assertThat(webhook.get("createdAt").asText()).isNotBlank();
        assertThat(created.body()).doesNotContain(SECRET);

        Answer listed = client.get("/api/v1/webhooks", admin);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("webhooks")).hasSize(1);
        assertThat(listed.body()).doesNotContain(SECRET);

        Answer deleted = client.send(
                client.request("/api/v1/webhooks/" + id, admin).DELETE().build());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("active").asBoolean()).isFalse();
        assertThat(client.get("/api/v1/webhooks", admin)
                        .json()
                        .get("webhooks")
                        .get(0)
                        .get("active")
                        .asBoolean())
                .isFalse();

        JsonNode audit = client.get("/api/v1/audit", admin).json().get("entries");
        assertThat(audit.findValuesAsText("action")).contains("webhook.create", "webhook.deactivate");
        assertThat(audit.toString()).doesNotContain(SECRET);
    }

    @Test
    void invalidRequests_areClientErrors() {
        assertThat(client.postJson(
                                "/api/v1/webhooks",
                                admin,
                                "{\"url\":\"ftp://x\",\"secret\":\"" + SECRET + "\",\"events\":[\"finding.new\"]}")
                        .status())
                .isEqualTo(400);
        assertThat(client.postJson(
                                "/api/v1/webhooks",
                                admin,
                                "{\"url\":\"https://h.example\",\"secret\":\"short\",\"events\":[\"finding.new\"]}")
                        .status())
                .isEqualTo(400);
        assertThat(client.postJson(
                                "/api/v1/webhooks",
                                admin,
                                "{\"url\":\"https://h.example\",\"secret\":\"" + SECRET + "\",\"events\":[\"nope\"]}")
                        .status())
                .isEqualTo(400);
        assertThat(client.postJson(
                                "/api/v1/webhooks",
                                admin,
                                "{\"url\":\"https://h.example\",\"secret\":\"" + SECRET
                                        + "\",\"events\":\"finding.new\"}")
                        .status())
                .isEqualTo(400);
        assertThat(client.send(client.request("/api/v1/webhooks/999", admin)
                                .DELETE()
                                .build())
                        .status())
                .isEqualTo(404);
        assertThat(client.send(client.request("/api/v1/webhooks/abc", admin)
                                .DELETE()
                                .build())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void readScope_isForbidden() {
        assertThat(client.get("/api/v1/webhooks", reader).status()).isEqualTo(403);
        assertThat(client.postJson("/api/v1/webhooks", reader, "{}").status()).isEqualTo(403);
        assertThat(client.send(client.request("/api/v1/webhooks/1", reader)
                                .DELETE()
                                .build())
                        .status())
                .isEqualTo(403);
    }
}
