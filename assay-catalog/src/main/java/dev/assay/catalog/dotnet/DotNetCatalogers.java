package dev.assay.catalog.dotnet;

import dev.assay.catalog.spi.Cataloger;
import java.util.List;

/** The catalogers of this ecosystem, in the order they are listed in {@code DefaultCatalogers}. */
public final class DotNetCatalogers {
    private DotNetCatalogers() {}

    public static List<Cataloger> all() {
        return List.of();
    }
}
