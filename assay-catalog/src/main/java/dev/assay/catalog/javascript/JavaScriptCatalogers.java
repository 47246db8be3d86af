package dev.assay.catalog.javascript;

import dev.assay.catalog.spi.CatalogTag;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.catalog.spi.GenericCataloger;
import java.util.List;

/** The catalogers of this ecosystem, in the order they are listed in {@code DefaultCatalogers}. */
public final class JavaScriptCatalogers {
    private JavaScriptCatalogers() {}

    public static List<Cataloger> all() {
        return List.of(packageLock(), yarnLock(), pnpmLock(), installedPackageJson());
    }

    public static Cataloger packageLock() {
        return GenericCataloger.named("javascript-package-lock-cataloger")
                .tags(CatalogTag.DIRECTORY, CatalogTag.ECOSYSTEM_JAVASCRIPT, CatalogTag.DECLARED)
                .parseByGlob(PackageLockParser::parse, "**/package-lock.json", "**/npm-shrinkwrap.json");
    }

    public static Cataloger yarnLock() {
        return GenericCataloger.named("javascript-yarn-lock-cataloger")
                .tags(CatalogTag.DIRECTORY, CatalogTag.ECOSYSTEM_JAVASCRIPT, CatalogTag.DECLARED)
                .parseByGlob(YarnLockParser::parse, "**/yarn.lock");
    }

    public static Cataloger pnpmLock() {
        return GenericCataloger.named("javascript-pnpm-lock-cataloger")
                .tags(CatalogTag.DIRECTORY, CatalogTag.ECOSYSTEM_JAVASCRIPT, CatalogTag.DECLARED)
                .parseByGlob(PnpmLockParser::parse, "**/pnpm-lock.yaml");
    }

    /**
     * Installed packages. The glob is the cheap file-name test; the parser keeps only manifests sitting
     * directly in a {@code node_modules/<name>} or {@code node_modules/@scope/<name>} folder.
     */
    public static Cataloger installedPackageJson() {
        return GenericCataloger.named("javascript-package-json-cataloger")
                .tags(CatalogTag.IMAGE, CatalogTag.DIRECTORY, CatalogTag.ECOSYSTEM_JAVASCRIPT, CatalogTag.INSTALLED)
                .parseByGlob(InstalledPackageJsonParser::parse, "**/package.json");
    }
}
