package dev.assay.policy.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The parse cases of apimachinery's quantity_test.go (TestQuantityParse), with the values it expects. */
class QuantityTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        // zero in every form
        "0, 0",
        "0n, 0",
        "0u, 0",
        "0m, 0",
        "0Ki, 0",
        "0k, 0",
        "0Mi, 0",
        "0M, 0",
        "0Gi, 0",
        "0G, 0",
        "0Ti, 0",
        "0T, 0",
        // binary suffixes
        "1Ki, 1024",
        "8Ki, 8192",
        "7Mi, 7340032",
        "6Gi, 6442450944",
        "5Ti, 5497558138880",
        "4Pi, 4503599627370496",
        "3Ei, 3458764513820540928",
        "10Ti, 10995116277760",
        "100Ti, 109951162777600",
        // decimal suffixes
        "5n, 0.000000005",
        "4u, 0.000004",
        "3m, 0.003",
        "9, 9",
        "8k, 8000",
        "50k, 50000",
        "7M, 7000000",
        "6G, 6000000000",
        "5T, 5000000000000",
        "40T, 40000000000000",
        "300T, 300000000000000",
        "2P, 2000000000000000",
        "1E, 1000000000000000000",
        // decimal exponents
        "1E-3, 0.001",
        "1e3, 1000",
        "1E6, 1000000",
        "1e9, 1000000000",
        "1E12, 1000000000000",
        "1e15, 1000000000000000",
        "1E18, 1000000000000000000",
        "1e14, 100000000000000",
        "100.035k, 100035",
        // things that look like floating point
        "0.001, 0.001",
        "0.0005k, 0.5",
        "0.005, 0.005",
        "0.05, 0.05",
        "0.5, 0.5",
        "0.00050k, 0.5",
        "0.00500, 0.005",
        "0.5e0, 0.5",
        "0.5e-1, 0.05",
        "0.5e-2, 0.005",
        "10.035M, 10035000",
        "1.2e3, 1200",
        "1.3E+6, 1300000",
        "1.40e9, 1400000000",
        "1.53E12, 1530000000000",
        "1.7E18, 1700000000000000000",
        "9.01, 9.01",
        "8.1k, 8100",
        "7.123456M, 7123456",
        "6.987654321G, 6987654321",
        "5.444T, 5444000000000",
        "2.5P, 2500000000000000",
        "1.01E, 1010000000000000000",
        // things that saturate or round up to the nanounit
        "3.001n, 0.000000004",
        "1.1E-9, 0.000000002",
        "0.0000000001, 0.000000001",
        "0.0000000005, 0.000000001",
        "0.5e-9, 0.000000001",
        "0.9n, 0.000000001",
        "0.00000012345, 0.000000124",
        "0.00000012354, 0.000000124",
        "9Ei, 9223372036854775807",
        "9223372036854775807Ki, 9223372036854775807",
        "12E, 12000000000000000000",
        // fractional binary
        "100.035Ki, 102435.84",
        "0.5Mi, 524288",
        "0.05Gi, 53687091.2",
        "0.025Ti, 27487790694.4",
        // things written by trolls
        "0.000000000001Ki, 0.000000002",
        ".001, 0.001",
        ".0001k, 0.1",
        "1., 1",
        "1.G, 1000000000",
        // signs
        "-1, -1",
        "+1, 1",
        "-1.5Gi, -1610612736",
        "-0.5n, -0.000000001"
    })
    void parse_kubernetesCases_haveKubernetesValues(String text, String expected) {
        assertThat(Quantity.parse(text).decimalValue()).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.1.M", "1+1.0M", "0.1mi", "0.1am", "aoeu", ".5i", "1i", "-3.01i", "-3.01e-", "1 ", "1i ", " 1", " 1i",
                "", "1K", "1e", "5Kib", "1m5", "0x10"
            })
    void parse_kubernetesInvalidCases_areRejected(String text) {
        assertThat(Quantity.isQuantity(text)).isFalse();
        assertThatThrownBy(() -> Quantity.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parse_errors_useApimachineryMessages() {
        assertThatThrownBy(() -> Quantity.parse("aoeu")).hasMessage(Quantity.FORMAT_ERROR);
        assertThatThrownBy(() -> Quantity.parse("1i")).hasMessage(Quantity.SUFFIX_ERROR);
    }

    @Test
    void parse_hostileExponentsAndLengths_areRejectedQuickly() {
        assertThatThrownBy(() -> Quantity.parse("1e999999999")).hasMessageContaining("exponent");
        assertThatThrownBy(() -> Quantity.parse("1".repeat(2_000))).hasMessageContaining("longer than");
        assertThat(Quantity.parse("1e1000")
                        .add(Quantity.parse("1"))
                        .decimalValue()
                        .precision())
                .isEqualTo(1001);
    }

    @Test
    void isInteger_followsApimachinerysSmallForm() {
        assertThat(Quantity.parse("50").isInteger()).isTrue();
        assertThat(Quantity.parse("50k").asInteger()).isEqualTo(50_000);
        assertThat(Quantity.parse("1.2G").asInteger()).isEqualTo(1_200_000_000);
        assertThat(Quantity.parse("1Ki").asInteger()).isEqualTo(1024);
        assertThat(Quantity.parse("0").isInteger()).isTrue();
        // As in Kubernetes: a negative scale or the decimal form is not an int64 "fast conversion".
        assertThat(Quantity.parse("50.5").isInteger()).isFalse();
        assertThat(Quantity.parse("1000m").isInteger()).isFalse();
        assertThat(Quantity.parse("1.5Gi").isInteger()).isFalse();
        assertThat(Quantity.parse("9999999999999999999999999999999999999G").isInteger())
                .isFalse();
        assertThat(Quantity.parse("1e30").isInteger()).isFalse();
        assertThatThrownBy(() -> Quantity.parse("1e30").asInteger()).hasMessage("cannot convert value to integer");
    }

    @Test
    void arithmeticAndComparison_areExact() {
        assertThat(Quantity.parse("1Ki")).isEqualTo(Quantity.parse("1024"));
        assertThat(Quantity.parse("200M")).isEqualTo(Quantity.parse("0.2G"));
        assertThat(Quantity.parse("1Ki").hashCode())
                .isEqualTo(Quantity.parse("1024").hashCode());
        assertThat(Quantity.parse("500m").compareTo(Quantity.parse("1"))).isNegative();
        assertThat(Quantity.parse("1.5Gi").compareTo(Quantity.parse("1536Mi"))).isZero();
        assertThat(Quantity.parse("1").add(Quantity.parse("500m")).decimalValue())
                .isEqualByComparingTo("1.5");
        assertThat(Quantity.parse("1").add(Quantity.parse("500m")).isInteger()).isFalse();
        assertThat(Quantity.parse("1k").add(Quantity.of(1)).asInteger()).isEqualTo(1001);
        assertThat(Quantity.parse("1").sub(Quantity.parse("3")).asInteger()).isEqualTo(-2);
        assertThat(Quantity.parse("0").sub(Quantity.parse("3")).isInteger())
                .as("apimachinery subtracts from zero in the decimal form")
                .isFalse();
        assertThat(Quantity.parse("9223372036854775807").add(Quantity.of(1)).decimalValue())
                .isEqualByComparingTo("9223372036854775808");
        assertThat(Quantity.parse("-2Mi").sign()).isEqualTo(-1);
        assertThat(Quantity.parse("0Mi").sign()).isZero();
        assertThat(Quantity.parse("1.5").asApproximateFloat()).isEqualTo(1.5);
        assertThat(Quantity.parse("1e400").asApproximateFloat()).isEqualTo(Double.POSITIVE_INFINITY);
    }
}
