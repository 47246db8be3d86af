package dev.assay.model.untrusted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.UnableToParseException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonErrorsTest {
    @Test
    void safeJson_truncatedObject_namesLineAndColumnWithoutJacksonsSourceNotice() {
        byte[] truncated = "{\n  \"lockfileVersion\": 3,\n  \"packages\": {".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SafeJson.read(truncated, "package-lock.json"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageStartingWith("package-lock.json is not valid JSON at line 3, column ")
                .hasMessageContaining("Unexpected end-of-input")
                .hasMessageContaining("start marker at line 3, column 15")
                .hasMessageNotContaining("REDACTED")
                .hasMessageNotContaining("StreamReadFeature");
    }

    @Test
    void safeJson_badToken_namesWhereItIs() {
        byte[] bad = "[1, 2,\n nope]".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SafeJson.read(bad, "x.json"))
                .hasMessageStartingWith("x.json is not valid JSON at line 2, column ")
                .hasMessageContaining("'nope'");
    }

    @Test
    void withoutSourceNotice_rewritesEveryLocationAndLeavesOtherTextAlone() {
        String message = "Unexpected end-of-input: expected close marker for Object (start marker at [Source: REDACTED "
                + "(`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 36])";

        assertThat(JsonErrors.withoutSourceNotice(message))
                .isEqualTo(
                        "Unexpected end-of-input: expected close marker for Object (start marker at line 1, column 36)");
        assertThat(JsonErrors.withoutSourceNotice("plain [text]; line: x")).isEqualTo("plain [text]; line: x");
    }
}
