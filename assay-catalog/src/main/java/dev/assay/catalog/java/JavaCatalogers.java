package dev.assay.catalog.java;

import dev.assay.catalog.spi.Cataloger;
import java.util.List;

/** The catalogers of this ecosystem, in the order they are listed in {@code DefaultCatalogers}. */
public final class JavaCatalogers {
    private JavaCatalogers() {}

    public static List<Cataloger> all() {
        return List.of(new MavenPomCataloger());
    }
}
