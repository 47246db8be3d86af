package dev.assay.catalog.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void split_givesWhatTheRegularExpressionSplitGives_onRandomText() {
        Random random = new Random(42);
        char[] alphabet = {'a', 'b', '=', '-', '#', ' ', ' ', '\t', '\n', '\r', '\u000B', '\f', '\u00A0', '\u2003'};
        for (int round = 0; round < 50_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(20);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String line = text.toString();
            assertThat(Words.split(line)).as("words of [%s]", line).containsExactly(line.split("\\s+"));
            for (int limit = 1; limit <= 3; limit++) {
                assertThat(Words.split(line, limit))
                        .as("%d words of [%s]", limit, line)
                        .containsExactly(line.split("\\s+", limit));
            }
        }
    }
}
