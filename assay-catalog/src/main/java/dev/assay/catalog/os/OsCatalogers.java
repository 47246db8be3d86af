package dev.assay.catalog.os;

import dev.assay.catalog.spi.CatalogTag;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.catalog.spi.GenericCataloger;
import java.util.List;

/** The catalogers of this ecosystem, in the order they are listed in {@code DefaultCatalogers}. */
public final class OsCatalogers {
    private OsCatalogers() {}

    public static List<Cataloger> all() {
        return List.of(
                new DpkgDbCataloger(),
                GenericCataloger.named(ApkDbParser.ID)
                        .tags(CatalogTag.IMAGE, CatalogTag.ECOSYSTEM_OS, CatalogTag.INSTALLED)
                        .parseByGlob(ApkDbParser::parse, "**/lib/apk/db/installed"),
                GenericCataloger.named(RpmDbParser.ID)
                        .tags(CatalogTag.IMAGE, CatalogTag.ECOSYSTEM_OS, CatalogTag.INSTALLED)
                        .parseByGlob(
                                RpmDbParser::parseSqlite,
                                "**/var/lib/rpm/rpmdb.sqlite",
                                "**/usr/lib/sysimage/rpm/rpmdb.sqlite")
                        .parseByGlob(
                                RpmDbParser::parseBerkeleyDb,
                                "**/var/lib/rpm/Packages",
                                "**/usr/lib/sysimage/rpm/Packages")
                        .parseByGlob(
                                RpmDbParser::parseNdb,
                                "**/var/lib/rpm/Packages.db",
                                "**/usr/lib/sysimage/rpm/Packages.db"));
    }
}
