package dev.assay.server.portfolio.auth;

import dev.assay.model.InvalidInputException;

/** A key named by an administrator does not exist. */
public class ApiKeyNotFoundException extends InvalidInputException {
    public ApiKeyNotFoundException(String name) {
        super("no API key named '" + name + "'", name, "list the keys with `assay server keys list`", null);
    }
}
