package dev.assay.catalog.golang;

import dev.assay.catalog.spi.CatalogTag;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.catalog.spi.GenericCataloger;
import java.util.List;

/** The catalogers of this ecosystem, in the order they are listed in {@code DefaultCatalogers}. */
public final class GoCatalogers {
    private GoCatalogers() {}

    public static List<Cataloger> all() {
        return List.of(goModules(), goBinaries());
    }

    /** {@code go.mod} (with the {@code go.sum} next to it) in source trees. */
    public static Cataloger goModules() {
        return GenericCataloger.named("go-module-cataloger")
                .tags(CatalogTag.ECOSYSTEM_GO, CatalogTag.DECLARED, CatalogTag.DIRECTORY)
                .parseByGlob(GoModParser::parse, "**/go.mod");
    }

    /** Build info embedded in Go executables, in images, root filesystems and directories. */
    public static Cataloger goBinaries() {
        return new GoBinaryCataloger();
    }
}
