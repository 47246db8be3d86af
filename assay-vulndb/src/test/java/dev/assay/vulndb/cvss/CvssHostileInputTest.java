package dev.assay.vulndb.cvss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.assay.vulndb.cvss.InvalidCvssVectorException.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vectors come from advisory files anyone can publish. Whatever they hold, parsing ends quickly in a value
 * or an {@link InvalidCvssVectorException}, and {@link Cvss#rating} ends in a value or empty.
 */
class CvssHostileInputTest {
    private static final String VALID_V31 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    private static final List<Function<String, ?>> PARSERS = List.of(CvssV2::parse, CvssV3::parse, CvssV4::parse);

    static Stream<Arguments> hostileVectors() {
        return Stream.of(
                Arguments.of("null", null, Reason.EMPTY),
                Arguments.of("empty", "", Reason.EMPTY),
                Arguments.of("blank", " \t\n ", Reason.EMPTY),
                Arguments.of("10 MB of metrics", VALID_V31 + "/AV:N".repeat(2_000_000), Reason.TOO_LONG),
                Arguments.of(
                        "one char past the bound",
                        "CVSS:3.1/" + "A".repeat(VectorGrammar.MAX_VECTOR_LENGTH),
                        Reason.TOO_LONG),
                Arguments.of(
                        "repeated metric within the bound", VALID_V31 + "/AV:N".repeat(50), Reason.DUPLICATE_METRIC),
                Arguments.of("fullwidth letter", VALID_V31.replace("A:H", "A:\uFF28"), Reason.ILLEGAL_CHARACTER),
                Arguments.of("NUL byte", VALID_V31 + "\u0000", Reason.ILLEGAL_CHARACTER),
                Arguments.of(
                        "right-to-left override",
                        "CVSS:3.1/\u202EAV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                        Reason.ILLEGAL_CHARACTER),
                Arguments.of("zero-width space", VALID_V31.replace("/C:H", "/\u200BC:H"), Reason.ILLEGAL_CHARACTER),
                Arguments.of("emoji", VALID_V31 + "/\uD83D\uDCA5:H", Reason.ILLEGAL_CHARACTER),
                Arguments.of("lone surrogate", VALID_V31 + "\uD800", Reason.ILLEGAL_CHARACTER),
                Arguments.of("only slashes", "CVSS:3.1/" + "/".repeat(400), Reason.MALFORMED_METRIC),
                Arguments.of("only colons", "CVSS:3.1/" + ":".repeat(400), Reason.MALFORMED_METRIC),
                Arguments.of("prefix only", "CVSS:3.1/", Reason.MISSING_METRIC),
                Arguments.of("CSV injection", "=HYPERLINK(\"http://x\")", Reason.WRONG_PREFIX));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileVectors")
    void parseV3_hostileVector_throwsTypedExceptionQuickly(String name, String vector, Reason reason) {
        assertTimeoutPreemptively(
                Duration.ofSeconds(2),
                () -> assertThatThrownBy(() -> CvssV3.parse(vector))
                        .isInstanceOfSatisfying(InvalidCvssVectorException.class, invalid -> {
                            assertThat(invalid.reason()).isEqualTo(reason);
                            // The exception echoes the input for the user, but never a hostile megabyte of it.
                            assertThat(invalid.input().length()).isLessThan(200);
                            assertThat(invalid.getMessage().length()).isLessThan(300);
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileVectors")
    void rating_hostileVector_isEmptyForEveryType(String name, String vector, Reason reason) {
        for (String type : List.of(Cvss.CVSS_V2, Cvss.CVSS_V3, Cvss.CVSS_V4, "Ubuntu")) {
            assertThat(Cvss.rating(type, vector, "hostile")).as(type).isEmpty();
        }
    }

    @Test
    void parse_randomPrintableNoise_neverThrowsAnythingButTheTypedException() {
        // Fixed seed: the same 50,000 strings on every run. Strings are built from the characters vectors
        // are made of, so many get deep into the grammar before they fail.
        Random random = new Random(20240601L);
        String alphabet = "CVSS:3.14/ANLPHRUXMIEOTWDY()0 \u00e9";
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int round = 0; round < 50_000; round++) {
                StringBuilder noise = new StringBuilder(random.nextBoolean() ? "CVSS:3.1/" : "CVSS:4.0/");
                int length = random.nextInt(600);
                for (int index = 0; index < length; index++) {
                    noise.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                String candidate = noise.toString();
                for (Function<String, ?> parser : PARSERS) {
                    try {
                        parser.apply(candidate);
                    } catch (InvalidCvssVectorException expected) {
                        assertThat(expected.reason()).isNotNull();
                    }
                }
            }
        });
    }

    @Test
    void rating_mutationsOfValidVectors_neverThrow() {
        // Every single-character deletion and every substitution by a hostile character of a valid vector of
        // each version: each one either still parses (the same vector, reordered) or rates as empty.
        List<String[]> valid = List.of(
                new String[] {Cvss.CVSS_V2, "AV:N/AC:L/Au:N/C:P/I:P/A:P/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H"},
                new String[] {Cvss.CVSS_V3, VALID_V31 + "/E:F/RL:O/RC:C/CR:H/IR:M/AR:L/MAV:N/MS:C/MC:L"},
                new String[] {
                    Cvss.CVSS_V4, "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P/MSI:S/U:Red"
                });
        for (String[] typeAndVector : valid) {
            String vector = typeAndVector[1];
            for (int index = 0; index < vector.length(); index++) {
                String deleted = vector.substring(0, index) + vector.substring(index + 1);
                Cvss.rating(typeAndVector[0], deleted, "mutation")
                        .ifPresent(rating -> assertThat(rating.score()).isBetween(0.0, 10.0));
                for (char hostile : new char[] {'/', ':', 'X', '\u0000', '\u00ff'}) {
                    String replaced = vector.substring(0, index) + hostile + vector.substring(index + 1);
                    Cvss.rating(typeAndVector[0], replaced, "mutation")
                            .ifPresent(rating -> assertThat(rating.score()).isBetween(0.0, 10.0));
                }
            }
        }
    }
}
