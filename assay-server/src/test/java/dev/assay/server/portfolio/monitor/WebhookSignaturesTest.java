package dev.assay.server.portfolio.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {
    private static final byte[] BODY = "{\"id\":\"e1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void sign_matchesAnIndependentlyComputedVector() {
        // python3: hmac.new(b'0123456789abcdef-secret', b'1764842400.{"id":"e1"}', hashlib.sha256).hexdigest()
        assertThat(WebhookSignatures.sign("0123456789abcdef-secret", "1764842400", BODY))
                .isEqualTo("sha256=7e12522d3a75129788f0d69a63eae954050603341c96997c13d41f7ea675c452");
    }

    @Test
    void matches_refusesAnotherTimestampBodyOrSecret() {
        String signature = WebhookSignatures.sign("0123456789abcdef-secret", "1764842400", BODY);

        assertThat(WebhookSignatures.matches("0123456789abcdef-secret", "1764842400", BODY, signature))
                .isTrue();
        assertThat(WebhookSignatures.matches("0123456789abcdef-secret", "1764842401", BODY, signature))
                .isFalse();
        assertThat(WebhookSignatures.matches(
                        "0123456789abcdef-secret",
                        "1764842400",
                        "{\"id\":\"e2\"}".getBytes(StandardCharsets.UTF_8),
                        signature))
                .isFalse();
        assertThat(WebhookSignatures.matches("another-secret-of-length", "1764842400", BODY, signature))
                .isFalse();
        assertThat(WebhookSignatures.matches("0123456789abcdef-secret", "1764842400", BODY, null))
                .isFalse();
    }
}
