package dev.assay.catalog.dotnet;

import dev.assay.catalog.spi.CatalogTag;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.catalog.spi.GenericCataloger;
import java.util.List;

/** The catalogers of this ecosystem, in the order they are listed in {@code DefaultCatalogers}. */
public final class DotNetCatalogers {
    private DotNetCatalogers() {}

    public static List<Cataloger> all() {
        return List.of(packagesLock(), packagesConfig(), depsJson());
    }

    public static Cataloger packagesLock() {
        return GenericCataloger.named("dotnet-packages-lock-cataloger")
                .tags(CatalogTag.ECOSYSTEM_DOTNET, CatalogTag.DECLARED, CatalogTag.DIRECTORY)
                .parseByGlob(PackagesLockParser::parse, "**/packages.lock.json");
    }

    public static Cataloger packagesConfig() {
        return GenericCataloger.named("dotnet-packages-config-cataloger")
                .tags(CatalogTag.ECOSYSTEM_DOTNET, CatalogTag.DECLARED, CatalogTag.DIRECTORY)
                .parseByGlob(PackagesConfigParser::parse, "**/packages.config");
    }

    /** The deps.json of built applications: in images, and in build output inside source trees. */
    public static Cataloger depsJson() {
        return GenericCataloger.named("dotnet-deps-json-cataloger")
                .tags(CatalogTag.ECOSYSTEM_DOTNET, CatalogTag.INSTALLED, CatalogTag.IMAGE)
                .parseByGlob(DepsJsonParser::parse, "**/*.deps.json");
    }
}
