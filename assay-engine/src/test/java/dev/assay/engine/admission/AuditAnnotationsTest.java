package dev.assay.engine.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AuditAnnotationsTest {
    /** Kubernetes' qualified-name rule for the part after the prefix the API server adds. */
    private static final Pattern NAME_PART = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

    @Test
    void key_validPolicyName_isKept() {
        assertThat(AuditAnnotations.key("pod-security-restricted")).isEqualTo("pod-security-restricted");
        assertThat(AuditAnnotations.key("images.v2")).isEqualTo("images.v2");
    }

    @Test
    void key_invalidOrLongName_becomesAValidDistinctKey() {
        String slashed = AuditAnnotations.key("assay.dev/images");
        String spaced = AuditAnnotations.key("  -- my policy --");
        String longName = AuditAnnotations.key("a".repeat(200));
        String longOther = AuditAnnotations.key("a".repeat(199) + "b");
        String symbols = AuditAnnotations.key("///");

        for (String key : new String[] {slashed, spaced, longName, longOther, symbols}) {
            assertThat(key).hasSizeLessThanOrEqualTo(63).matches(NAME_PART);
        }
        assertThat(slashed).startsWith("assay.dev-images-");
        assertThat(spaced).startsWith("my-policy-");
        assertThat(longName).isNotEqualTo(longOther);
    }

    @Test
    void value_longOrControlText_isBoundedAndPrintable() {
        String value = AuditAnnotations.value("x\n".repeat(5000));

        assertThat(value)
                .hasSize(AuditAnnotations.MAX_VALUE_LENGTH)
                .doesNotContain("\n")
                .endsWith("(truncated)");
    }
}
