package dev.assay.server.portfolio.api;

import dev.assay.model.NoVerdictException;
import dev.assay.server.portfolio.auth.ApiKey;
import dev.assay.server.portfolio.auth.ApiKeys;
import dev.assay.server.portfolio.auth.Scope;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CORS and authentication, in front of every route.
 *
 * <p>CORS is closed unless one origin is configured: no {@code Access-Control-*} header is ever sent, and a
 * preflight ({@code OPTIONS}) is refused, so a page on another site cannot call the API with a key it
 * found in the user's browser. With an origin configured, only that origin gets the headers.
 *
 * <p>Authentication: {@code /api/v1/...}, {@code /metrics} and {@code /openapi.json} need a key ({@code
 * Authorization: Bearer KEY}): 401 when it is missing, unknown or revoked, 403 when it lacks the scope.
 * The API's routes check their own scope ({@link ApiRouter}); {@code /metrics} and {@code /openapi.json}
 * need {@code read}, unless the server was started with public metrics (a scraper without a key: the
 * metrics carry counts and latencies, never portfolio content). Health and readiness stay open for probes.
 */
final class AccessFilters {
    private static final Logger LOG = LoggerFactory.getLogger(AccessFilters.class);
    private static final HeaderName ORIGIN = HeaderNames.ORIGIN;

    private final ApiKeys keys;
    private final Optional<String> corsOrigin;
    private final boolean publicMetrics;

    AccessFilters(ApiKeys keys, Optional<String> corsOrigin, boolean publicMetrics) {
        this.keys = keys;
        this.corsOrigin = corsOrigin;
        this.publicMetrics = publicMetrics;
    }

    void cors(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        Optional<String> origin = request.headers().first(ORIGIN);
        boolean allowed =
                origin.isPresent() && corsOrigin.isPresent() && corsOrigin.get().equals(origin.get());
        if (request.prologue().method() == Method.OPTIONS) {
            if (!allowed) {
                ApiErrors.send(
                        response,
                        Status.FORBIDDEN_403,
                        corsOrigin.isEmpty()
                                ? "cross-origin requests are not allowed (the server runs without --cors-origin)"
                                : "cross-origin requests are allowed only from " + corsOrigin.get());
                return;
            }
            allowOrigin(response, origin.get());
            response.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, DELETE");
            response.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "Authorization, Content-Type, Content-Encoding");
            response.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
            response.status(Status.NO_CONTENT_204);
            response.send();
            return;
        }
        if (allowed) {
            allowOrigin(response, origin.get());
        }
        chain.proceed();
    }

    void authenticate(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String path = request.path().path();
        Optional<Scope> needed = protectedPath(path);
        if (needed.isEmpty()) {
            chain.proceed();
            return;
        }
        Optional<String> authorization = request.headers().first(HeaderNames.AUTHORIZATION);
        if (authorization.isEmpty()) {
            unauthorized(response, "missing API key: send Authorization: Bearer KEY");
            return;
        }
        String value = authorization.get().strip();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            unauthorized(response, "the Authorization header must be 'Bearer KEY'");
            return;
        }
        Optional<ApiKey> key;
        try {
            key = keys.authenticate(value.substring(7).strip());
        } catch (NoVerdictException e) {
            LOG.warn("cannot check an API key: {}", e.getMessage());
            ApiErrors.send(
                    response, Status.SERVICE_UNAVAILABLE_503, "the portfolio database is unavailable; retry later");
            return;
        }
        if (key.isEmpty()) {
            unauthorized(response, "unknown or revoked API key");
            return;
        }
        // API routes check their own scope once routed (ApiRouter); /metrics and /openapi.json need read.
        if (!isApi(path) && !key.get().allows(needed.get())) {
            ApiErrors.send(response, Status.FORBIDDEN_403, ApiRouter.forbidden(key.get(), needed.get()));
            return;
        }
        request.context().register(key.get());
        chain.proceed();
    }

    private static boolean isApi(String path) {
        return path.equals(ApiRouter.PREFIX) || path.startsWith(ApiRouter.PREFIX + "/");
    }

    /** The scope a path needs before routing, or empty when it is open. */
    Optional<Scope> protectedPath(String path) {
        if (isApi(path) || (path.equals("/metrics") && !publicMetrics) || path.equals("/openapi.json")) {
            return Optional.of(Scope.READ);
        }
        return Optional.empty();
    }

    private void allowOrigin(RoutingResponse response, String origin) {
        response.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response.header(HeaderNames.VARY, "Origin");
    }

    private static void unauthorized(RoutingResponse response, String message) {
        response.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"assay\"");
        ApiErrors.send(response, Status.UNAUTHORIZED_401, message);
    }
}
