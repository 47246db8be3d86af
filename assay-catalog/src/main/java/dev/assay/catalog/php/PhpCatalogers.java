package dev.assay.catalog.php;

import dev.assay.catalog.spi.CatalogTag;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.catalog.spi.GenericCataloger;
import java.util.List;

/** The catalogers of this ecosystem, in the order they are listed in {@code DefaultCatalogers}. */
public final class PhpCatalogers {
    private PhpCatalogers() {}

    public static List<Cataloger> all() {
        return List.of(composerLock(), composerInstalled());
    }

    public static Cataloger composerLock() {
        return GenericCataloger.named("php-composer-lock-cataloger")
                .tags(CatalogTag.ECOSYSTEM_PHP, CatalogTag.DECLARED, CatalogTag.DIRECTORY)
                .parseByGlob(ComposerLockParser::parse, "**/composer.lock");
    }

    public static Cataloger composerInstalled() {
        return GenericCataloger.named("php-composer-installed-cataloger")
                .tags(CatalogTag.ECOSYSTEM_PHP, CatalogTag.INSTALLED, CatalogTag.IMAGE)
                .parseByGlob(ComposerInstalledParser::parse, "**/vendor/composer/installed.json");
    }
}
