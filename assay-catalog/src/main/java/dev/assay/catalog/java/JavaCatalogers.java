package dev.assay.catalog.java;

import dev.assay.catalog.spi.CatalogTag;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.catalog.spi.GenericCataloger;
import java.util.List;

/** The catalogers of this ecosystem, in the order they are listed in {@code DefaultCatalogers}. */
public final class JavaCatalogers {
    private JavaCatalogers() {}

    public static List<Cataloger> all() {
        return List.of(new MavenPomCataloger(), new JavaArchiveCataloger(), gradleLockfileCataloger());
    }

    static Cataloger gradleLockfileCataloger() {
        return GenericCataloger.named("java-gradle-lockfile-cataloger")
                .tags(CatalogTag.DIRECTORY, CatalogTag.ECOSYSTEM_JAVA, CatalogTag.DECLARED)
                .parseByGlob(GradleLockfileParser::parse, "**/gradle.lockfile", "**/buildscript-gradle.lockfile");
    }
}
