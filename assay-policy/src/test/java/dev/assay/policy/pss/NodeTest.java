package dev.assay.policy.pss;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeTest {
    private static BigInteger integer(String text) {
        return Node.integer(Map.of("v", text), "v");
    }

    @Test
    void integer_yaml11Forms_asKubectlConvertsThem() {
        assertThat(integer("0")).isZero();
        assertThat(integer("-0")).isZero();
        assertThat(integer("0x0")).isZero();
        assertThat(integer("0b0")).isZero();
        assertThat(integer("0o0")).isZero();
        assertThat(integer("00")).isZero();
        assertThat(integer("0_0")).isZero();
        assertThat(integer("0.0")).isZero();
        assertThat(integer("0e5")).isZero();
        assertThat(integer("0x50")).isEqualTo(80);
        assertThat(integer("010")).isEqualTo(8);
        assertThat(integer("+1_000")).isEqualTo(1000);
        assertThat(integer("1e3")).isEqualTo(1000);
        assertThat(integer("1.5")).isNull();
        assertThat(integer("x")).isNull();
        assertThat(integer("~")).isNull();
        assertThat(Node.integer(Map.of("v", List.of("0")), "v")).isNull();
    }

    @Test
    void integer_hostileExponents_doNotExpand() {
        assertThat(integer("1e999999999")).isNull();
        assertThat(integer("1e-999999999")).isNull();
        assertThat(integer("0e999999999")).isZero();
        assertThat(integer("1".repeat(100))).isEqualTo(new BigInteger("1".repeat(100)));
    }

    @Test
    void booleans_yaml11Forms() {
        for (String yes : List.of("true", "True", "TRUE", "yes", "Yes", "on", "ON", "y", "Y")) {
            assertThat(Node.isTrue(Map.of("v", yes), "v")).as(yes).isTrue();
        }
        for (String no : List.of("false", "False", "no", "NO", "off", "n", "N")) {
            assertThat(Node.isFalse(Map.of("v", no), "v")).as(no).isTrue();
            assertThat(Node.isTrue(Map.of("v", no), "v")).as(no).isFalse();
        }
        assertThat(Node.isFalse(Map.of("v", "fAlSe"), "v")).isFalse();
        assertThat(Node.isTrue(Map.of("v", "~"), "v")).isFalse();
    }

    @Test
    void yamlNulls_areUnset() {
        for (String nothing : List.of("", "~", "null", "Null", "NULL")) {
            assertThat(Node.string(Map.of("v", nothing), "v")).as(nothing).isNull();
            assertThat(Node.object(Map.of("v", nothing), "v")).as(nothing).isNull();
        }
    }
}
