package dev.assay.catalog.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathPatternTest {
    @Test
    void fileNameAnywhere_matchesAtRootAndBelow() {
        PathPattern pattern = PathPattern.glob("**/package-lock.json");

        assertThat(pattern.matches("package-lock.json")).isTrue();
        assertThat(pattern.matches("web/app/package-lock.json")).isTrue();
        assertThat(pattern.matches("web/app/not-package-lock.json")).isFalse();
    }

    @Test
    void extensionAnywhere_isCaseInsensitive() {
        PathPattern pattern = PathPattern.glob("**/*.jar");

        assertThat(pattern.matches("lib/Foo.JAR")).isTrue();
        assertThat(pattern.matches("app.jar")).isTrue();
        assertThat(pattern.matches("app.jar.sha1")).isFalse();
    }

    @Test
    void generalGlob_matchesAtRootAndBelowOnlyWhenAnchoredAnywhere() {
        PathPattern anywhere = PathPattern.glob("**/*.dist-info/METADATA");
        PathPattern rooted = PathPattern.glob("var/lib/dpkg/status.d/*");

        assertThat(anywhere.matches("usr/lib/python3/dist-packages/requests-2.31.0.dist-info/METADATA"))
                .isTrue();
        assertThat(anywhere.matches("requests-2.31.0.dist-info/METADATA")).isTrue();
        assertThat(rooted.matches("var/lib/dpkg/status.d/base")).isTrue();
        assertThat(rooted.matches("x/var/lib/dpkg/status.d/base")).isFalse();
    }

    @Test
    void anyOf_matchesEither() {
        PathPattern pattern = PathPattern.anyOf("**/requirements.txt", "**/requirements/*.txt");

        assertThat(pattern.matches("requirements/dev.txt")).isTrue();
        assertThat(pattern.matches("a/requirements.txt")).isTrue();
        assertThat(pattern.matches("a/setup.py")).isFalse();
    }

    @Test
    void generalGlob_withBracesAndClasses_stillMatchesAfterTheLiteralTailCheck() {
        PathPattern braces = PathPattern.glob("**/specifications/{,default/}*.gemspec");
        PathPattern classes = PathPattern.glob("**/lib/*.[jw]ar");

        assertThat(braces.matches("usr/lib/ruby/gems/3.1.0/specifications/default/json-2.6.1.gemspec"))
                .isTrue();
        assertThat(braces.matches("gems/specifications/rake-13.0.6.gemspec")).isTrue();
        assertThat(braces.matches("gems/specifications/rake-13.0.6.gemspec.bak"))
                .isFalse();
        assertThat(classes.matches("app/lib/a.war")).isTrue();
        assertThat(classes.matches("app/lib/a.ear")).isFalse();
    }

    @Test
    void literalPathAnywhere_matchesAtTheRootOfTheTreeAndBelow() {
        PathPattern pattern = PathPattern.glob("**/lib/apk/db/installed");

        assertThat(pattern.matches("lib/apk/db/installed")).isTrue();
        assertThat(pattern.matches("layers/1/lib/apk/db/installed")).isTrue();
        assertThat(pattern.matches("mylib/apk/db/installed")).isFalse();
        assertThat(pattern.matches("lib/apk/db/installed.bak")).isFalse();
    }

    @Test
    void generalGlobAnywhere_whoseLiteralTailIsTheWholePath_matchesAtTheRoot() {
        PathPattern pattern = PathPattern.glob("**/var/lib/dpkg/status.d/*");

        assertThat(pattern.matches("var/lib/dpkg/status.d/base")).isTrue();
        assertThat(pattern.matches("x/var/lib/dpkg/status.d/base")).isTrue();
    }

    @Test
    void rootedGlob_whoseLiteralTailStartsWithASlash_matchesAtTheRoot() {
        PathPattern pattern = PathPattern.glob("*/lib/dpkg/status");

        assertThat(pattern.matches("var/lib/dpkg/status")).isTrue();
        assertThat(pattern.matches("var/lib/dpkg/status2")).isFalse();
    }
}
