package dev.assay.server.admission;

import java.util.Locale;

/** The two webhooks the API server calls. */
public enum Webhook {
    VALIDATE,
    MUTATE;

    public String path() {
        return "/admission/" + label();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
