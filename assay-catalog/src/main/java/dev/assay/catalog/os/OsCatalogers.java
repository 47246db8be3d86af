package dev.assay.catalog.os;

import dev.assay.catalog.spi.Cataloger;
import java.util.List;

/** The catalogers of this ecosystem, in the order they are listed in {@code DefaultCatalogers}. */
public final class OsCatalogers {
    private OsCatalogers() {}

    public static List<Cataloger> all() {
        return List.of(new DpkgDbCataloger());
    }
}
