package dev.assay.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.assay.model.AffectedPackage;
import dev.assay.model.AffectedRange;
import dev.assay.model.RangeEvent;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Versions come from SBOMs, lockfiles and advisory feeds, so every scheme must survive strings built to hurt:
 * megabytes of digits, thousands of segments, deep nesting, control characters and broken UTF-16. Each must
 * be rejected with {@link InvalidVersionException} or ordered, quickly, and never echoed back in full. The
 * timeouts are a safety net against runaway work, not a benchmark.
 */
class HostileVersionsTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String MEGABYTE_OF_DIGITS = "1".repeat(1 << 20);
    private static final String TEN_THOUSAND_SEGMENTS = "1.".repeat(10_000) + "1";

    static Stream<VersionScheme> schemes() {
        return VersionSchemes.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void compare_megabyteOfDigits_isRejectedWithAShortMessage(VersionScheme scheme) {
        assertTimeoutPreemptively(BOUND, () -> {
            assertThat(scheme.isValid(MEGABYTE_OF_DIGITS)).isFalse();
            assertThatThrownBy(() -> scheme.compare(MEGABYTE_OF_DIGITS, "1"))
                    .isInstanceOf(InvalidVersionException.class)
                    .satisfies(error -> assertThat(error.getMessage()).hasSizeLessThan(200));
            assertThatThrownBy(() -> scheme.compare("1", MEGABYTE_OF_DIGITS))
                    .isInstanceOf(InvalidVersionException.class);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void compare_tenThousandSegments_isRejected(VersionScheme scheme) {
        assertTimeoutPreemptively(BOUND, () -> {
            assertThat(scheme.isValid(TEN_THOUSAND_SEGMENTS)).isFalse();
            assertThatThrownBy(() -> scheme.compare(TEN_THOUSAND_SEGMENTS, TEN_THOUSAND_SEGMENTS))
                    .isInstanceOf(InvalidVersionException.class);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void compare_longestAcceptedShapes_finishOrAreRejected(VersionScheme scheme) {
        int length = VersionText.MAX_LENGTH;
        List<String> candidates = List.of(
                "9".repeat(length),
                "1.".repeat(length / 2 - 1) + "12",
                "1-".repeat(length / 2 - 1) + "12",
                "a1".repeat(length / 2),
                "1." + "0".repeat(length - 2),
                "1~".repeat(length / 2),
                "1_p".repeat(length / 3),
                "1.0-" + "r".repeat(length - 4));
        assertTimeoutPreemptively(BOUND, () -> {
            for (String left : candidates) {
                for (String right : candidates) {
                    assertOrderedOrRejected(scheme, left, right);
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void compare_controlCharactersAndBrokenUtf16_areOrderedOrRejected(VersionScheme scheme) {
        List<String> candidates = List.of(
                "1.0\u0000",
                "1.0\n",
                "\u00001.0",
                "1.\ud800",
                "1.0-\udc00x",
                "1.0\u202e",
                "\uffff",
                "1.0\u0085",
                "1.0\r\n2.0",
                "\u0661.\u0662");
        for (String left : candidates) {
            assertOrderedOrRejected(scheme, left, "1.0");
            assertOrderedOrRejected(scheme, left, left);
        }
    }

    @Test
    void compare_mavenNestedThousandLevelsDeep_doesNotOverflowTheStack() {
        VersionScheme maven = VersionSchemes.maven();
        String deep = "a1".repeat(VersionText.MAX_LENGTH / 2);
        String deeper = "a1".repeat(VersionText.MAX_LENGTH / 2 - 1) + "a2";
        assertThat(maven.compare(deep, deeper)).isNegative();
        assertThat(maven.compare(deep, deep)).isZero();
    }

    @Test
    void evaluate_hugeEventVersion_leavesTheRangeUndecidedWithAShortReason() {
        AffectedPackage affected = new AffectedPackage(
                "npm",
                "left-pad",
                "",
                List.of(new AffectedRange(
                        AffectedRange.Type.SEMVER,
                        "",
                        List.of(RangeEvent.introduced("0"), RangeEvent.fixed(MEGABYTE_OF_DIGITS)))),
                List.of(),
                "");
        AffectedStatus status = assertTimeoutPreemptively(BOUND, () -> AffectedVersions.evaluate(affected, "1.0.0"));
        assertThat(status).isInstanceOf(AffectedStatus.Undecided.class);
        assertThat(((AffectedStatus.Undecided) status).reasons())
                .singleElement()
                .satisfies(reason -> assertThat(reason).hasSizeLessThan(300));
    }

    private static void assertOrderedOrRejected(VersionScheme scheme, String left, String right) {
        boolean valid = scheme.isValid(left) && scheme.isValid(right);
        if (valid) {
            int forward = scheme.compare(left, right);
            assertThat(Integer.signum(scheme.compare(right, left))).isEqualTo(-Integer.signum(forward));
        } else {
            assertThatThrownBy(() -> scheme.compare(left, right)).isInstanceOf(InvalidVersionException.class);
        }
    }
}
