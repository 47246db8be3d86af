package dev.assay.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The referrers API path against an in-process stub (the Debian registry has no referrers API, so
 * {@link RegistryWritesIntegrationTest} covers only the fallback), and hostile manifests a real registry
 * would not serve on demand.
 */
@Timeout(30)
class ReferrersApiTest {
    private static final Digest SUBJECT = Digest.sha256("image".getBytes(StandardCharsets.UTF_8));
    private static final String WANTED = "application/vnd.wanted";

    private HttpServer server;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> manifests = new ConcurrentHashMap<>();
    private volatile String secondPageLink;
    private RegistryClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        client = new RegistryClient(LocalRegistry.clientOptions());
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    private RegistryRepository repository() {
        return client.repository(
                ImageReference.parse("127.0.0.1:" + server.getAddress().getPort() + "/app:1.0"), true);
    }

    private static Descriptor referrer(String seed, String artifactType) {
        return Descriptor.of(MediaTypes.OCI_MANIFEST, seed.getBytes(StandardCharsets.UTF_8))
                .withArtifactType(artifactType);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            log.add(method + " " + path + (query == null ? "" : "?" + query));
            if (path.equals("/v2/app/referrers/" + SUBJECT)) {
                boolean second = query != null && query.contains("page=2");
                // This registry ignores the filter (no OCI-Filters-Applied), so the client must filter.
                List<Descriptor> page = second
                        ? List.of(referrer("c", WANTED))
                        : List.of(referrer("a", WANTED), referrer("b", "application/vnd.other"));
                if (!second) {
                    exchange.getResponseHeaders().add("Link", "<" + secondPageLink + ">; rel=\"next\"");
                }
                send(exchange, 200, RegistryRepository.indexJson(page), MediaTypes.OCI_INDEX);
            } else if (method.equals("HEAD") && path.startsWith("/v2/app/blobs/")) {
                exchange.sendResponseHeaders(200, -1);
            } else if (method.equals("PUT") && path.startsWith("/v2/app/manifests/")) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                manifests.put(path.substring("/v2/app/manifests/".length()), body);
                exchange.getResponseHeaders().add("OCI-Subject", SUBJECT.toString());
                exchange.getResponseHeaders()
                        .add("Docker-Content-Digest", Digest.sha256(body).toString());
                exchange.sendResponseHeaders(201, -1);
            } else if (method.equals("GET") && path.equals("/v2/app/manifests/huge")) {
                byte[] huge = new byte[5 * 1024 * 1024];
                java.util.Arrays.fill(huge, (byte) ' ');
                send(exchange, 200, huge, MediaTypes.OCI_MANIFEST);
            } else if (method.equals("GET") && path.equals("/v2/app/manifests/notjson")) {
                send(exchange, 200, "<html>not json</html>".getBytes(StandardCharsets.UTF_8), MediaTypes.OCI_MANIFEST);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String type) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Test
    void referrers_withTheApi_followsPagesAndFiltersWhatTheRegistryDidNot() {
        secondPageLink = "/v2/app/referrers/" + SUBJECT + "?page=2";

        List<Descriptor> found = repository().referrers(SUBJECT, WANTED);

        assertThat(found)
                .extracting(Descriptor::digest)
                .containsExactly(
                        referrer("a", WANTED).digest(), referrer("c", WANTED).digest());
        assertThat(log)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("GET /v2/app/referrers/" + SUBJECT + "?artifactType=application%2Fvnd.wanted"));
        assertThat(log).noneMatch(line -> line.contains("/manifests/sha256-"));
    }

    @Test
    void referrers_nextPageOnAnotherHost_isRefused() {
        secondPageLink = "http://evil.example/v2/app/referrers/" + SUBJECT + "?page=2";

        assertThatThrownBy(() -> repository().referrers(SUBJECT, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("to another host");
    }

    @Test
    void pushReferrer_registryConfirmsTheSubject_writesNoReferrersTag() {
        Descriptor subject = new Descriptor(MediaTypes.OCI_MANIFEST, SUBJECT, 5, null, Map.of());
        Descriptor layer = Descriptor.of("application/json", "{}".getBytes(StandardCharsets.UTF_8));

        Descriptor pushed = repository()
                .pushReferrer(new ArtifactManifest(
                        WANTED, ArtifactManifest.emptyConfig(), List.of(layer), subject, Map.of()));

        assertThat(manifests).containsOnlyKeys(pushed.digest().toString());
        assertThat(log).noneMatch(line -> line.contains("/manifests/sha256-"));
    }

    @Test
    void findManifest_largerThanTheLimit_isRefusedTyped() {
        assertThatThrownBy(() -> repository().findManifest("huge"))
                .isInstanceOf(InputTooLargeException.class)
                .hasMessageContaining("larger than the limit");
    }

    @Test
    void parse_notJson_isAClearError() {
        byte[] content = repository().findManifest("notjson").orElseThrow().content();

        assertThatThrownBy(() -> ArtifactManifest.parse(content, "manifest notjson"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("manifest notjson");
    }

    @Test
    void parse_indexOrWrongMediaType_isNotAnArtifactManifest() {
        byte[] index = RegistryRepository.indexJson(List.of());
        byte[] wrongType = "{\"schemaVersion\":2,\"mediaType\":\"text/html\",\"config\":{},\"layers\":[]}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ArtifactManifest.parse(index, "m"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not an image manifest");
        assertThatThrownBy(() -> ArtifactManifest.parse(wrongType, "m"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'text/html', not an image manifest");
    }

    @Test
    void artifactManifest_roundTrips() {
        Descriptor layer = Descriptor.of("application/json", "{}".getBytes(StandardCharsets.UTF_8))
                .withAnnotations(Map.of("k", "v"));
        Descriptor subject = new Descriptor(MediaTypes.OCI_INDEX, SUBJECT, 9, null, Map.of());
        ArtifactManifest manifest =
                new ArtifactManifest(WANTED, ArtifactManifest.emptyConfig(), List.of(layer), subject, Map.of("a", "b"));

        assertThat(ArtifactManifest.parse(manifest.toJsonBytes(), "m")).isEqualTo(manifest);
        assertThat(new String(manifest.toJsonBytes(), StandardCharsets.UTF_8))
                .contains("\"digest\":\"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\"");
    }
}
