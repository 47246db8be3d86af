package dev.assay.catalog.golang;

import dev.assay.catalog.spi.Cataloger;
import java.util.List;

/** The catalogers of this ecosystem, in the order they are listed in {@code DefaultCatalogers}. */
public final class GoCatalogers {
    private GoCatalogers() {}

    public static List<Cataloger> all() {
        return List.of();
    }
}
