package dev.assay.match.fakes;

import dev.assay.model.Component;
import dev.assay.model.Purl;

/** Components from purl strings. */
public final class Components {
    private Components() {}

    public static Component component(String purl) {
        return Component.builder(Purl.parse(purl)).build();
    }
}
