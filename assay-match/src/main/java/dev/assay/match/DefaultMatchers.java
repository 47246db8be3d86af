package dev.assay.match;

import dev.assay.match.apk.ApkMatcher;
import dev.assay.match.cargo.CargoMatcher;
import dev.assay.match.composer.ComposerMatcher;
import dev.assay.match.deb.DebMatcher;
import dev.assay.match.gem.GemMatcher;
import dev.assay.match.golang.GoMatcher;
import dev.assay.match.maven.MavenMatcher;
import dev.assay.match.npm.NpmMatcher;
import dev.assay.match.nuget.NuGetMatcher;
import dev.assay.match.pypi.PypiMatcher;
import dev.assay.match.rpm.RpmMatcher;
import dev.assay.match.spi.Matcher;
import java.util.List;

/** Every matcher Assay ships, listed explicitly: one per package ecosystem. */
public final class DefaultMatchers {
    private DefaultMatchers() {}

    public static List<Matcher> all() {
        return List.of(
                new MavenMatcher(),
                new NpmMatcher(),
                new PypiMatcher(),
                new GoMatcher(),
                new CargoMatcher(),
                new GemMatcher(),
                new NuGetMatcher(),
                new ComposerMatcher(),
                new DebMatcher(),
                new ApkMatcher(),
                new RpmMatcher());
    }
}
