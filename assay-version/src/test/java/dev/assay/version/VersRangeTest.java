package dev.assay.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.Purl;
import org.junit.jupiter.api.Test;

class VersRangeTest {
    private static final Purl MAVEN = Purl.parse("pkg:maven/g/a");
    private static final Purl GENERIC = Purl.parse("pkg:generic/thing");

    private static java.util.Optional<Boolean> contains(String vers, String version, Purl purl) {
        return VersRange.contains(vers, version, purl.type());
    }

    @Test
    void contains_intervalAndOpenEnds() {
        assertThat(contains("vers:semver/<1.5.0|>=7.0.0", "1.4.9", MAVEN)).contains(true);
        assertThat(contains("vers:semver/<1.5.0|>=7.0.0", "7.0.0", MAVEN)).contains(true);
        assertThat(contains("vers:semver/<1.5.0|>=7.0.0", "3.0.0", MAVEN)).contains(false);
        assertThat(contains("vers:semver/<7.0.0|>=1.5.0", "3.0.0", MAVEN)).contains(true);
    }

    @Test
    void contains_equalityAndExclusion() {
        assertThat(contains("vers:maven/1.0|2.0", "2.0", MAVEN)).contains(true);
        assertThat(contains("vers:maven/>=1.0|!=1.5|<2.0", "1.5", MAVEN)).contains(false);
        assertThat(contains("vers:maven/>=1.0|!=1.5|<2.0", "1.6", MAVEN)).contains(true);
        assertThat(contains("vers:maven/*", "anything", MAVEN)).contains(true);
    }

    @Test
    void contains_genericUsesTheProductsOwnOrdering_andIsUndecidedWithoutOne() {
        assertThat(contains("vers:generic/>=2.9|<=4.1", "3.0", MAVEN)).contains(true);
        assertThat(contains("vers:generic/>=2.9|<=4.1", "3.0", GENERIC)).isEmpty();
    }

    @Test
    void contains_unreadableOrUnknown_isUndecided() {
        assertThat(contains("vers:semver/>=1.0.0", "not-a-version", MAVEN)).isEmpty();
        assertThat(contains("vers:semver/>=banana", "1.0.0", MAVEN)).isEmpty();
        assertThat(contains("vers:cobol/>=1", "1", MAVEN)).isEmpty();
        assertThat(contains("semver/>=1.0.0", "1.0.0", MAVEN)).isEmpty();
    }
}
