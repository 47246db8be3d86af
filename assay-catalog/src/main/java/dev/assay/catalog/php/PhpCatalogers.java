package dev.assay.catalog.php;

import dev.assay.catalog.spi.Cataloger;
import java.util.List;

/** The catalogers of this ecosystem, in the order they are listed in {@code DefaultCatalogers}. */
public final class PhpCatalogers {
    private PhpCatalogers() {}

    public static List<Cataloger> all() {
        return List.of();
    }
}
