package dev.assay.policy.pss;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Read-only navigation of loaded YAML (maps, lists and strings), tolerating absent or mistyped fields.
 *
 * <p>Manifests are loaded with the failsafe schema, so every scalar is text. kubectl converts YAML to JSON
 * with YAML 1.1 rules before the API server sees it: {@code yes} and {@code on} are {@code true},
 * {@code 0x0} and {@code 0.0} are {@code 0}, {@code ~} and an empty value are null. The readers below apply
 * the same rules, so that a manifest cannot pass here and still create a privileged or root pod there.
 */
final class Node {
    private static final Set<String> TRUE =
            Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
    private static final Set<String> FALSE =
            Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
    private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9][0-9_]*");
    private static final Pattern OCTAL = Pattern.compile("[-+]?0[0-7_]+");
    private static final Pattern OCTAL_PREFIXED = Pattern.compile("[-+]?0o[0-7_]+");
    private static final Pattern HEX = Pattern.compile("[-+]?0x[0-9a-fA-F_]+");
    private static final Pattern BINARY = Pattern.compile("[-+]?0b[01_]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    private Node() {}

    static Object at(Object root, String... path) {
        Object current = root;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static Map<?, ?> map(Object root, String... path) {
        return at(root, path) instanceof Map<?, ?> map ? map : Map.of();
    }

    /** An object-valued field (securityContext, seccompProfile, a volume source): set only when it is a map. */
    static Map<?, ?> object(Object root, String... path) {
        return at(root, path) instanceof Map<?, ?> map ? map : null;
    }

    static List<?> list(Object root, String... path) {
        return at(root, path) instanceof List<?> list ? list : List.of();
    }

    /** A list of strings, each YAML null read as the empty string Kubernetes would decode it to. */
    static List<String> strings(Object root, String... path) {
        return list(root, path).stream()
                .map(item -> item == null || NULL.contains(String.valueOf(item)) ? "" : String.valueOf(item))
                .toList();
    }

    /** A scalar field's text; null when absent, YAML null, or not a scalar. */
    static String string(Object root, String... path) {
        Object value = at(root, path);
        if (value instanceof Map || value instanceof List) {
            return null;
        }
        return value == null || NULL.contains(String.valueOf(value)) ? null : String.valueOf(value);
    }

    /** A string field's text with Kubernetes' default for an unset string: empty. */
    static String text(Object root, String... path) {
        String value = string(root, path);
        return value == null ? "" : value;
    }

    /** True as kubectl reads it; also any casing of {@code true}, which the API server would refuse anyway. */
    static boolean isTrue(Object root, String... path) {
        String value = string(root, path);
        return value != null && (TRUE.contains(value) || "true".equalsIgnoreCase(value));
    }

    static boolean isFalse(Object root, String... path) {
        String value = string(root, path);
        return value != null && FALSE.contains(value);
    }

    static boolean present(Object root, String... path) {
        return string(root, path) != null || object(root, path) != null || at(root, path) instanceof List;
    }

    /**
     * The integer kubectl would send for a YAML 1.1 scalar (decimal with underscores, octal, hex, binary, or
     * an integral float), or null when the text is not a number.
     */
    static BigInteger integer(Object root, String... path) {
        String value = string(root, path);
        if (value == null) {
            return null;
        }
        try {
            if (HEX.matcher(value).matches()) {
                return signed(value, 16, 2);
            }
            if (BINARY.matcher(value).matches()) {
                return signed(value, 2, 2);
            }
            if (OCTAL_PREFIXED.matcher(value).matches()) {
                return signed(value, 8, 2);
            }
            if (OCTAL.matcher(value).matches()) {
                return signed(value, 8, 1);
            }
            if (DECIMAL.matcher(value).matches()) {
                return new BigInteger(value.replace("_", "").replaceFirst("^\\+", ""));
            }
            if (FLOAT.matcher(value).matches() && value.length() <= 64) {
                BigDecimal number = new BigDecimal(value.replaceFirst("^\\+", ""));
                if (number.signum() == 0) {
                    return BigInteger.ZERO;
                }
                // Far outside int64 either way; refusing here keeps 1e999999999 from being expanded.
                if (number.precision() - number.scale() > 40) {
                    return null;
                }
                return number.stripTrailingZeros().scale() <= 0 ? number.toBigIntegerExact() : null;
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static BigInteger signed(String value, int radix, int prefix) {
        boolean negative = value.startsWith("-");
        String digits = value.replaceFirst("^[-+]", "").substring(prefix).replace("_", "");
        if (digits.isEmpty()) {
            return null;
        }
        BigInteger magnitude = new BigInteger(digits, radix);
        return negative ? magnitude.negate() : magnitude;
    }
}
