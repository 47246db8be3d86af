package dev.assay.catalog.rust;

import dev.assay.catalog.spi.CatalogTag;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.catalog.spi.GenericCataloger;
import java.util.List;

/** The catalogers of this ecosystem, in the order they are listed in {@code DefaultCatalogers}. */
public final class RustCatalogers {
    private RustCatalogers() {}

    public static List<Cataloger> all() {
        return List.of(cargoLock());
    }

    public static Cataloger cargoLock() {
        return GenericCataloger.named("rust-cargo-lock-cataloger")
                .tags(CatalogTag.ECOSYSTEM_RUST, CatalogTag.DECLARED, CatalogTag.DIRECTORY)
                .parseByGlob(CargoLockParser::parse, "**/Cargo.lock");
    }
}
