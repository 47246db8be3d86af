package dev.assay.policy.pss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordingTest {
    @Test
    void goQuote_escapesAsGoPercentQ() {
        assertThat(Wording.goQuote("unconfined")).isEqualTo("\"unconfined\"");
        assertThat(Wording.goQuote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(Wording.goQuote("tab\there\nnl\u0001\u007f")).isEqualTo("\"tab\\there\\nnl\\x01\\x7f\"");
        assertThat(Wording.goQuote("é✓")).isEqualTo("\"é✓\"");
        assertThat(Wording.goQuote("\u200b\u00a0")).isEqualTo("\"\\u200b\\u00a0\"");
        assertThat(Wording.goQuote("\uD800")).isEqualTo("\"\uFFFD\"");
    }

    @Test
    void sorted_followsGoByteOrderAndDropsRepeats() {
        assertThat(Wording.sorted(List.of("b", "B", "a", "b", "\uFFFF", "\uD83D\uDE00")))
                .containsExactly("B", "a", "b", "\uFFFF", "\uD83D\uDE00");
    }

    @Test
    void joinQuoteAndPluralize() {
        assertThat(Wording.containers(List.of("a"))).isEqualTo("container \"a\"");
        assertThat(Wording.containers(List.of("a", ""))).isEqualTo("containers \"a\", \"\"");
        assertThat(Wording.joinQuote(List.of())).isEmpty();
    }
}
