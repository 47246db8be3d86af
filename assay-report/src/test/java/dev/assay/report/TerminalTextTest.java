package dev.assay.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerminalTextTest {

    @Test
    void clean_escapeSequences_areRemovedWhole() {
        assertThat(TerminalText.clean("\u001B[1;31mred\u001B[0m")).isEqualTo("red");
        assertThat(TerminalText.clean("a\u001B]0;window title\u0007b")).isEqualTo("ab");
        assertThat(TerminalText.clean("a\u001B]8;;http://x\u001B\\link\u001B]8;;\u001B\\b"))
                .isEqualTo("alinkb");
        assertThat(TerminalText.clean("a\u009B2Jb\u001Bcc")).isEqualTo("abc");
    }

    @Test
    void clean_lineBreaksAndTabs_becomeOneSpace() {
        assertThat(TerminalText.clean("one\r\ntwo\t\tthree\u2028four")).isEqualTo("one two three four");
    }

    @Test
    void clean_invisibleAndBidiCharacters_areRemoved() {
        assertThat(TerminalText.clean("abc\u202Efed\u202C\u200B\u0000\u007F\u0085x"))
                .isEqualTo("abcfed x");
    }

    @Test
    void clean_textWithoutControls_isUnchanged() {
        assertThat(TerminalText.clean("log4j-core 2.14.1 \u00e9\u4e2d\uD83D\uDE00"))
                .isEqualTo("log4j-core 2.14.1 \u00e9\u4e2d\uD83D\uDE00");
        assertThat(TerminalText.clean(null)).isEmpty();
    }

    @Test
    void replaceLoneSurrogates_unpaired_becomeReplacementCharacters() {
        assertThat(TerminalText.replaceLoneSurrogates("a\uD800b\uDC00c\uD83D\uDE00\uD83D"))
                .isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDE00\uFFFD");
    }

    @ParameterizedTest
    @CsvSource({"abcdef, 6, abcdef", "abcdef, 5, abcd\u2026", "abcdef, 1, \u2026"})
    void fit_longerThanMax_endsInAnEllipsis(String text, int max, String expected) {
        assertThat(TerminalText.fit(text, max)).isEqualTo(expected);
    }
}
