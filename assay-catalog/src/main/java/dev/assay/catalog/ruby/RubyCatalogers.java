package dev.assay.catalog.ruby;

import dev.assay.catalog.spi.CatalogTag;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.catalog.spi.GenericCataloger;
import java.util.List;

/** The catalogers of this ecosystem, in the order they are listed in {@code DefaultCatalogers}. */
public final class RubyCatalogers {
    private RubyCatalogers() {}

    public static List<Cataloger> all() {
        return List.of(gemfileLock(), installedGemspecs());
    }

    public static Cataloger gemfileLock() {
        return GenericCataloger.named("ruby-gemfile-lock-cataloger")
                .tags(CatalogTag.ECOSYSTEM_RUBY, CatalogTag.DECLARED, CatalogTag.DIRECTORY)
                .parseByGlob(GemfileLockParser::parse, "**/Gemfile.lock");
    }

    /** Gems RubyGems installed, including the default gems that ship with Ruby itself. */
    public static Cataloger installedGemspecs() {
        return GenericCataloger.named("ruby-installed-gemspec-cataloger")
                .tags(CatalogTag.ECOSYSTEM_RUBY, CatalogTag.INSTALLED, CatalogTag.IMAGE)
                .parseByGlob(
                        GemspecParser::parse, "**/specifications/*.gemspec", "**/specifications/default/*.gemspec");
    }
}
