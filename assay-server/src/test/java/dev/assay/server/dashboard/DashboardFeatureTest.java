package dev.assay.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.server.AssayServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DashboardFeatureTest {
    private static AssayServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        server = AssayServer.builder()
                .bind("127.0.0.1")
                .port(0)
                .insecureHttp()
                .feature(new DashboardFeature())
                .feature(new ContractFixtureFeature())
                .build()
                .start();
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String classpathText(String name) throws IOException {
        try (InputStream input = DashboardFeature.class.getClassLoader().getResourceAsStream("dashboard/" + name)) {
            assertThat(input).as(name).isNotNull();
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void root_servesTheIndexWithTheSecurityHeaders() throws Exception {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.body()).isEqualTo(classpathText("index.html"));
        String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy)
                .contains("default-src 'none'")
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .contains("require-trusted-types-for 'script'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(response.headers().firstValue("ETag"))
                .hasValueSatisfying(tag -> assertThat(tag).matches("\"[0-9a-f]{32}\""));
    }

    @Test
    void index_hasNoInlineScriptOrStyle() throws Exception {
        String index = classpathText("index.html");

        // The policy forbids inline code; this keeps the page from depending on it.
        assertThat(index).doesNotContainPattern("<script(?![^>]*\\bsrc=)");
        assertThat(index).doesNotContain("<style").doesNotContain("style=").doesNotContainPattern("\\son[a-z]+=");
        assertThat(index).doesNotContain("http://").doesNotContain("https://");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "app.js",
                "api.js",
                "dom.js",
                "ui.js",
                "charts.js",
                "overview.js",
                "project.js",
                "version.js",
                "vulnerability.js"
            })
    void scripts_areJavaScriptModulesWithoutHtmlSinks(String name) throws Exception {
        HttpResponse<String> response = get("/" + name);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.body()).isEqualTo(classpathText(name));
        // The SVG namespace is a name, not an address; anything else would be a third-party load.
        assertThat(response.body().replace("'http://www.w3.org/2000/svg'", ""))
                .doesNotContain("innerHTML")
                .doesNotContain("outerHTML")
                .doesNotContain("insertAdjacentHTML")
                .doesNotContain("document.write")
                .doesNotContain("eval(")
                .doesNotContain("new Function")
                .doesNotContain("http://")
                .doesNotContain("https://");
    }

    @Test
    void stylesheetAndIcon_haveTheirTypes() throws Exception {
        assertThat(get("/app.css").headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(get("/favicon.svg").headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(get("/favicon.ico").headers().firstValue("Content-Type")).hasValue("image/svg+xml");
    }

    @Test
    void ifNoneMatch_sameVersion_is304WithoutBody() throws Exception {
        String etag = get("/app.js").headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> revalidated = get("/app.js", "If-None-Match", etag);
        HttpResponse<String> stale = get("/app.js", "If-None-Match", "\"0000\"");

        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(revalidated.headers().firstValue("ETag")).hasValue(etag);
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(get("/app.css").headers().firstValue("ETag")).isNotEqualTo(Optional.of(etag));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ui", "/ui/", "/ui/projects/shop/versions/1.2", "/ui/anything/at/all.js"})
    void ui_anyPath_servesTheApplication(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.body()).contains("<script type=\"module\" src=\"/app.js\">");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/..%2fpom.xml",
                "/%2e%2e/%2e%2e/etc/passwd",
                "/%2e%2e%2fdb%2fportfolio%2fV1__portfolio.sql",
                "/..%5capp.js",
                "/db/portfolio/V1__portfolio.sql",
                "/dashboard/index.html",
                "/dev/assay/server/dashboard/DashboardFeature.class",
                "/DashboardFeature.class",
                "/logback.xml",
                "/.app.js",
                "/app.js%00.html",
                "/index.html/",
            })
    void pathsOutsideTheDashboardFolder_areRefused(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isIn(400, 404);
        assertThat(response.body())
                .doesNotContain("CREATE TABLE")
                .doesNotContain("root:")
                .doesNotContain("<html");
    }

    @Test
    void unknownFile_fallsThroughToTheServersNotFound() throws Exception {
        HttpResponse<String> response = get("/missing.js");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void apiRoutes_areNotShadowedByTheDashboard() throws Exception {
        HttpResponse<String> api =
                get("/api/v1/overview", "Authorization", "Bearer " + ContractFixtureFeature.FULL_KEY);
        HttpResponse<String> health = get("/healthz");

        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(health.body()).isEqualTo("ok\n");
    }

    @Test
    void post_toTheDashboard_isNotServed() throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void missingDashboardFiles_sayTheDashboardIsNotPartOfTheBuild() throws Exception {
        try (AssayServer bare = AssayServer.builder()
                .bind("127.0.0.1")
                .port(0)
                .insecureHttp()
                .feature(new DashboardFeature(DashboardFeatureTest.class.getClassLoader(), "no-such-folder"))
                .build()
                .start()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(bare.url() + "/")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("the dashboard is not part of this build\n");
        }
    }
}
