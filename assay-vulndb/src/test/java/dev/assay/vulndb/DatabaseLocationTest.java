package dev.assay.vulndb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseLocationTest {
    private static final String HOME = "/home/user";

    @Test
    void resolve_explicitDirectory_winsOverEverything() {
        assertThat(DatabaseLocation.resolve("/flag/db", Map.of("ASSAY_DB", "/env/db"), "Linux", HOME))
                .isEqualTo(Path.of("/flag/db"));
    }

    @Test
    void resolve_environmentVariable_winsOverTheCache() {
        assertThat(DatabaseLocation.resolve(
                        null, Map.of("ASSAY_DB", "/env/db", "XDG_CACHE_HOME", "/xdg"), "Linux", HOME))
                .isEqualTo(Path.of("/env/db"));
        assertThat(DatabaseLocation.resolve(" ", Map.of("ASSAY_DB", "/env/db"), "Linux", HOME))
                .isEqualTo(Path.of("/env/db"));
    }

    @Test
    void resolve_linux_usesXdgCacheHomeThenDotCache() {
        assertThat(DatabaseLocation.resolve(null, Map.of("XDG_CACHE_HOME", "/xdg"), "Linux", HOME))
                .isEqualTo(Path.of("/xdg/assay/db"));
        assertThat(DatabaseLocation.resolve(null, Map.of(), "Linux", HOME)).isEqualTo(Path.of(HOME, ".cache/assay/db"));
    }

    @Test
    void resolve_relativeXdgCacheHome_isIgnored() {
        assertThat(DatabaseLocation.resolve(null, Map.of("XDG_CACHE_HOME", "relative"), "Linux", HOME))
                .isEqualTo(Path.of(HOME, ".cache/assay/db"));
    }

    @Test
    void resolve_macOs_usesLibraryCaches() {
        assertThat(DatabaseLocation.resolve(null, Map.of(), "Mac OS X", "/Users/user"))
                .isEqualTo(Path.of("/Users/user/Library/Caches/assay/db"));
    }

    @Test
    void resolve_windows_usesLocalAppData() {
        assertThat(DatabaseLocation.resolve(
                        null, Map.of("LOCALAPPDATA", "/c/Users/u/AppData/Local"), "Windows 11", HOME))
                .isEqualTo(Path.of("/c/Users/u/AppData/Local", "assay", "db"));
        assertThat(DatabaseLocation.resolve(null, Map.of(), "Windows 11", "/c/Users/u"))
                .isEqualTo(Path.of("/c/Users/u", "AppData", "Local", "assay", "db"));
    }

    @Test
    void resolve_withoutArgumentsForTheOs_usesThisMachine() {
        assertThat(DatabaseLocation.resolve(null, Map.of("ASSAY_DB", "/env/db")))
                .isEqualTo(Path.of("/env/db"));
        assertThat(DatabaseLocation.resolve(null, Map.of()).toString()).contains("assay");
    }
}
