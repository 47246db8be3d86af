package dev.assay.server.portfolio.api;

import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import dev.assay.model.NoVerdictException;
import dev.assay.server.portfolio.auth.ApiKey;
import dev.assay.server.portfolio.auth.Scope;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers API endpoints under {@code /api/v1}, each with the scope it needs, and wraps every handler the
 * same way: the caller's key (authenticated by the feature's filter) must hold the scope, and whatever the
 * handler throws becomes one JSON error, never a stack trace.
 */
public final class ApiRouter {
    public static final String PREFIX = "/api/v1";
    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);

    private final HttpRouting.Builder routing;
    private final ApiLimits limits;
    private final List<ApiRoute> routes = new ArrayList<>();

    ApiRouter(HttpRouting.Builder routing, ApiLimits limits) {
        this.routing = routing;
        this.limits = limits;
    }

    public void get(String path, Scope scope, ApiHandler handler) {
        routes.add(new ApiRoute("GET", path, scope));
        routing.get(PREFIX + path, (request, response) -> handle(scope, handler, request, response));
    }

    public void post(String path, Scope scope, ApiHandler handler) {
        routes.add(new ApiRoute("POST", path, scope));
        routing.post(PREFIX + path, (request, response) -> handle(scope, handler, request, response));
    }

    public void delete(String path, Scope scope, ApiHandler handler) {
        routes.add(new ApiRoute("DELETE", path, scope));
        routing.delete(PREFIX + path, (request, response) -> handle(scope, handler, request, response));
    }

    /** Every endpoint registered so far, in registration order. */
    public List<ApiRoute> routes() {
        return List.copyOf(routes);
    }

    void handle(Scope scope, ApiHandler handler, ServerRequest request, ServerResponse response) {
        ApiKey caller = request.context().get(ApiKey.class).orElse(null);
        if (caller == null) {
            // The filter authenticates every /api/v1 path; reaching here without a key is a wiring bug.
            ApiErrors.send(response, Status.UNAUTHORIZED_401, "missing API key");
            return;
        }
        if (!caller.allows(scope)) {
            ApiErrors.send(response, Status.FORBIDDEN_403, forbidden(caller, scope));
            return;
        }
        try {
            handler.handle(new ApiExchange(request, response, caller, limits));
        } catch (ApiProblem problem) {
            answer(response, problem.status(), problem.getMessage());
        } catch (InputTooLargeException e) {
            answer(response, Status.REQUEST_ENTITY_TOO_LARGE_413, e.getMessage());
        } catch (InvalidInputException e) {
            answer(response, Status.BAD_REQUEST_400, e.getMessage());
        } catch (NoVerdictException e) {
            // The database is down or refused the write: nothing was stored, and the client may retry.
            LOG.warn(
                    "{} {}: {}",
                    request.prologue().method().text(),
                    request.path().path(),
                    e.getMessage());
            answer(response, Status.SERVICE_UNAVAILABLE_503, "the portfolio database is unavailable; retry later");
        } catch (Exception e) {
            LOG.error(
                    "{} {} failed",
                    request.prologue().method().text(),
                    request.path().path(),
                    e);
            answer(response, Status.INTERNAL_SERVER_ERROR_500, "internal error; see the server log");
        }
    }

    static String forbidden(ApiKey caller, Scope scope) {
        return "the API key '" + caller.name() + "' lacks the scope '" + scope.label()
                + "' this endpoint needs (it has " + Scope.format(caller.scopes()) + ")";
    }

    private static void answer(ServerResponse response, Status status, String message) {
        if (!response.isSent()) {
            ApiErrors.send(response, status, message);
        }
    }
}
