package dev.assay.server.portfolio.api;

import io.helidon.http.Status;

/**
 * A request the API refuses, with the status and the one line the client sees. Thrown by handlers and
 * answered centrally by {@link ApiRouter}; never carries a cause a client could learn internals from.
 */
public final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Status status;

    public ApiProblem(Status status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public Status status() {
        return status;
    }

    public static ApiProblem badRequest(String message) {
        return new ApiProblem(Status.BAD_REQUEST_400, message);
    }

    public static ApiProblem notFound(String message) {
        return new ApiProblem(Status.NOT_FOUND_404, message);
    }
}
