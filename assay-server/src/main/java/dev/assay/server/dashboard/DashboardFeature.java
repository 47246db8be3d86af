package dev.assay.server.dashboard;

import dev.assay.server.ServerFeature;
import dev.assay.server.metrics.Metrics;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.PathMatchers;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * Serves the dashboard: {@code /} and every path under {@code /ui} answer with the application's page
 * (it routes on the URL fragment, so deep links work), and {@code /NAME.EXT} with the file of that name
 * from the classpath folder {@code dashboard/}. A path that names no dashboard file is passed on to the
 * other routes, so the dashboard never shadows the API or the server's not-found answer.
 *
 * <p>The page renders data that attackers control (component names and summaries come from uploaded
 * SBOMs and advisories), so every response carries a Content-Security-Policy that allows only the
 * dashboard's own scripts and styles, no inline code, no framing, and requires Trusted Types: an
 * accidental {@code innerHTML} with a string fails in the browser instead of becoming script.
 */
public final class DashboardFeature implements ServerFeature {
    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
            "require-trusted-types-for 'script'",
            "trusted-types 'none'");

    private static final String INDEX = "index.html";
    private static final String FAVICON = "favicon.svg";

    private final StaticAssets assets;

    /** The dashboard as packaged with the server ({@code dashboard/} on this class's class loader). */
    public DashboardFeature() {
        this(DashboardFeature.class.getClassLoader(), "dashboard");
    }

    DashboardFeature(ClassLoader loader, String folder) {
        this.assets = new StaticAssets(loader, folder);
    }

    @Override
    public String name() {
        return "dashboard";
    }

    /** The dashboard only answers GET requests. */
    @Override
    public long maxRequestBytes() {
        return 0;
    }

    @Override
    public void routing(HttpRouting.Builder routing, Metrics metrics) {
        routing.route(Method.GET, PathMatchers.exact("/"), this::serveIndex);
        routing.route(Method.GET, PathMatchers.exact("/ui"), this::serveIndex);
        routing.route(Method.GET, PathMatchers.prefix("/ui/"), this::serveIndex);
        // Browsers ask for /favicon.ico on their own, also when showing the API's JSON.
        routing.route(
                Method.GET,
                PathMatchers.exact("/favicon.ico"),
                (request, response) ->
                        assets.find(FAVICON).ifPresentOrElse(icon -> send(request, response, icon), response::next));
        routing.route(Method.GET, PathMatchers.any(), this::serveFile);
    }

    private void serveIndex(ServerRequest request, ServerResponse response) {
        Optional<StaticAsset> index = assets.find(INDEX);
        if (index.isEmpty()) {
            // A server built without its dashboard files: say so instead of a bare 404.
            response.status(Status.NOT_FOUND_404);
            response.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            secure(response);
            response.send("the dashboard is not part of this build\n");
            return;
        }
        send(request, response, index.get());
    }

    private void serveFile(ServerRequest request, ServerResponse response) {
        String path = request.path().path();
        int slash = path.lastIndexOf('/');
        Optional<StaticAsset> asset = slash == 0 ? assets.find(path.substring(1)) : Optional.empty();
        if (asset.isEmpty()) {
            response.next();
            return;
        }
        send(request, response, asset.get());
    }

    private static void send(ServerRequest request, ServerResponse response, StaticAsset asset) {
        secure(response);
        response.header(HeaderNames.ETAG, asset.etag());
        // File names carry no content hash (there is no build step), so browsers revalidate every time;
        // the ETag makes that a 304 without a body.
        response.header(HeaderNames.CACHE_CONTROL, "no-cache");
        Optional<String> ifNoneMatch = request.headers().first(HeaderNames.IF_NONE_MATCH);
        if (ifNoneMatch.isPresent() && asset.matches(ifNoneMatch.get())) {
            response.status(Status.NOT_MODIFIED_304);
            response.send();
            return;
        }
        response.header(HeaderNames.CONTENT_TYPE, asset.contentType());
        response.send(asset.content());
    }

    private static void secure(ServerResponse response) {
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "no-referrer");
        response.header("Cross-Origin-Opener-Policy", "same-origin");
        response.header("Cross-Origin-Resource-Policy", "same-origin");
    }
}
