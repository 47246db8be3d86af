package dev.assay.policy.cel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 1.5Gi}, {@code 2e3}) with the semantics of
 * apimachinery's {@code resource.ParseQuantity}: binary suffixes (Ki to Ei), decimal suffixes (n, u, m, k,
 * M to E), decimal exponents ({@code e3}, {@code E-2}), values rounded up to the nanounit, binary values
 * capped at 2^63-1.
 *
 * <p>Like apimachinery, a quantity is held either as a small scaled integer or as an arbitrary-precision
 * decimal, and {@link #isInteger()} answers whether the value converts to an int64 <em>without leaving the
 * small form</em>: {@code quantity("1000m").isInteger()} is false in Kubernetes and here too, because
 * policies tested with Assay must decide as the API server's CEL does. Unlike apimachinery, quantities are
 * immutable and exponents beyond ±{@value #MAX_EXPONENT} are rejected, so that a hostile quantity such as
 * {@code 1e999999999} cannot make one addition allocate a billion digits.
 */
public final class Quantity implements Comparable<Quantity> {
    /** apimachinery's own error texts, which policy authors may already match on. */
    static final String FORMAT_ERROR =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    static final String NUMERIC_ERROR = "unable to parse numeric part of quantity";
    static final String SUFFIX_ERROR = "unable to parse quantity's suffix";

    static final int MAX_EXPONENT = 1000;

    /** Real quantities are a dozen characters; a megabyte of digits would only cost parse time. */
    static final int MAX_LENGTH = 1024;

    private static final int NANO = -9;
    private static final int MAX_INT64_FACTORS = 18;
    private static final BigDecimal MAX_ALLOWED = BigDecimal.valueOf(Long.MAX_VALUE);

    /** Non-null in the decimal form; null in the small form {@code value * 10^scale}. */
    private final BigDecimal decimal;

    private final long value;
    private final int scale;

    private Quantity(long value, int scale) {
        this.decimal = null;
        this.value = value;
        this.scale = scale;
    }

    private Quantity(BigDecimal decimal) {
        this.decimal = decimal;
        this.value = 0;
        this.scale = 0;
    }

    /** An integer quantity, as Kubernetes' {@code resource.NewQuantity(n, DecimalSI)}. */
    public static Quantity of(long integer) {
        return new Quantity(integer, 0);
    }

    /** Whether {@code text} parses as a quantity. */
    public static boolean isQuantity(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Parses a quantity exactly as {@code resource.ParseQuantity} does, including its leniencies ({@code
     * "1."}, {@code ".5"} and a bare {@code "-"} are accepted).
     *
     * @throws IllegalArgumentException with apimachinery's message when {@code text} is not a quantity
     */
    public static Quantity parse(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(FORMAT_ERROR);
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("quantity is longer than " + MAX_LENGTH + " characters");
        }
        if (text.equals("0")) {
            return new Quantity(0, 0);
        }
        Parts parts = Parts.split(text);
        Suffix suffix = Suffix.interpret(parts.suffix());
        if (suffix.base() == 2) {
            if (parts.denominator().isEmpty()) {
                int precision = 15 - parts.numerator().length() - (int) ((float) suffix.exponent() * 3 / 10) - 1;
                if (precision >= 0) {
                    long number = parseLong(parts.numerator());
                    long result;
                    try {
                        result = Math.multiplyExact(number, 1L << suffix.exponent());
                    } catch (ArithmeticException e) {
                        return slow(parts, suffix);
                    }
                    return new Quantity(parts.positive() ? result : -result, 0);
                }
            }
            return slow(parts, suffix);
        }
        int precision = MAX_INT64_FACTORS
                - (parts.numerator().length() + parts.denominator().length());
        int scale = suffix.exponent() - parts.denominator().length();
        if (precision >= 0 && scale >= NANO) {
            long number = parseLong(parts.numerator() + parts.denominator());
            return new Quantity(parts.positive() ? number : -number, scale);
        }
        return slow(parts, suffix);
    }

    private static long parseLong(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(NUMERIC_ERROR, e);
        }
    }

    /** apimachinery's inf.Dec path: exact decimal, rounded up to the nanounit, binary values capped. */
    private static Quantity slow(Parts parts, Suffix suffix) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(parts.value().equals("-") || parts.value().equals("+") ? "0" : parts.value());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(NUMERIC_ERROR, e);
        }
        if (suffix.base() == 10) {
            amount = amount.scaleByPowerOfTen(suffix.exponent());
        } else {
            amount = amount.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(suffix.exponent())));
        }
        int sign = amount.signum();
        amount = amount.abs();
        if (sign != 0 && amount.scale() > -NANO) {
            // Rounded up, not to nearest: whoever asks for a tiny amount of a resource should get some.
            amount = amount.setScale(-NANO, RoundingMode.UP);
        }
        if (suffix.base() == 2 && amount.compareTo(MAX_ALLOWED) > 0) {
            amount = MAX_ALLOWED;
        }
        return new Quantity(sign < 0 ? amount.negate() : amount);
    }

    /** The exact value. */
    public BigDecimal decimalValue() {
        return decimal != null ? decimal : BigDecimal.valueOf(value, -scale);
    }

    public int sign() {
        return decimal != null ? decimal.signum() : Long.signum(value);
    }

    /** Whether {@link #asInteger()} succeeds: apimachinery's {@code AsInt64}, small form only. */
    public boolean isInteger() {
        return int64().isPresent();
    }

    /**
     * The value as an int64, when {@link #isInteger()}.
     *
     * @throws ArithmeticException {@code cannot convert value to integer}, as Kubernetes words it
     */
    public long asInteger() {
        return int64().orElseThrow(() -> new ArithmeticException("cannot convert value to integer"));
    }

    private java.util.OptionalLong int64() {
        if (decimal != null || scale < 0) {
            return java.util.OptionalLong.empty();
        }
        long result = value;
        for (int i = 0; i < scale; i++) {
            if (result > Long.MAX_VALUE / 10 || result < Long.MIN_VALUE / 10) {
                return java.util.OptionalLong.empty();
            }
            result *= 10;
        }
        return java.util.OptionalLong.of(result);
    }

    public double asApproximateFloat() {
        return decimalValue().doubleValue();
    }

    public Quantity add(Quantity other) {
        if (decimal == null && other.decimal == null) {
            Quantity sum = addSmall(this, other.value, other.scale);
            if (sum != null) {
                return sum;
            }
        }
        return new Quantity(decimalValue().add(other.decimalValue()));
    }

    public Quantity sub(Quantity other) {
        if (sign() == 0) {
            // apimachinery negates into the decimal form here rather than the small one.
            return new Quantity(other.decimalValue().negate());
        }
        if (decimal == null && other.decimal == null && other.value != Long.MIN_VALUE) {
            Quantity difference = addSmall(this, -other.value, other.scale);
            if (difference != null) {
                return difference;
            }
        }
        return new Quantity(decimalValue().subtract(other.decimalValue()));
    }

    /** int64Amount.Add: exact when both fit at the finer scale, otherwise null (use the decimal form). */
    private static Quantity addSmall(Quantity left, long otherValue, int otherScale) {
        if (otherValue == 0) {
            return left;
        }
        if (left.value == 0) {
            return new Quantity(otherValue, otherScale);
        }
        try {
            if (left.scale == otherScale) {
                return new Quantity(Math.addExact(left.value, otherValue), left.scale);
            }
            if (left.scale > otherScale) {
                return new Quantity(
                        Math.addExact(scaleUp(left.value, left.scale - otherScale), otherValue), otherScale);
            }
            return new Quantity(Math.addExact(left.value, scaleUp(otherValue, otherScale - left.scale)), left.scale);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static long scaleUp(long number, int factorsOfTen) {
        if (factorsOfTen > MAX_INT64_FACTORS + 1) {
            throw new ArithmeticException("overflow");
        }
        long result = number;
        for (int i = 0; i < factorsOfTen; i++) {
            result = Math.multiplyExact(result, 10L);
        }
        return result;
    }

    @Override
    public int compareTo(Quantity other) {
        if (decimal == null && other.decimal == null && scale == other.scale) {
            return Long.compare(value, other.value);
        }
        return decimalValue().compareTo(other.decimalValue());
    }

    /** Equal values are equal quantities, whatever their suffix: {@code 1Ki == 1024}. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Quantity quantity && compareTo(quantity) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(decimalValue().stripTrailingZeros());
    }

    @Override
    public String toString() {
        return decimalValue().toPlainString();
    }

    /** The pieces of a quantity string, split as apimachinery's {@code parseQuantityString} does. */
    private record Parts(boolean positive, String value, String numerator, String denominator, String suffix) {
        static Parts split(String text) {
            boolean positive = true;
            int position = 0;
            int end = text.length();
            if (text.charAt(0) == '-') {
                positive = false;
                position++;
            } else if (text.charAt(0) == '+') {
                position++;
            }
            while (position < end && text.charAt(position) == '0') {
                position++;
            }
            if (position >= end) {
                return new Parts(positive, "0", "0", "", "");
            }
            int numeratorStart = position;
            while (position < end && isDigit(text.charAt(position))) {
                position++;
            }
            String numerator = text.substring(numeratorStart, position);
            if (position >= end) {
                return new Parts(positive, text, numerator, "", "");
            }
            if (numerator.isEmpty()) {
                numerator = "0";
            }
            String denominator = "";
            if (text.charAt(position) == '.') {
                position++;
                int denominatorStart = position;
                while (position < end && isDigit(text.charAt(position))) {
                    position++;
                }
                denominator = text.substring(denominatorStart, position);
                if (position >= end) {
                    return new Parts(positive, text, numerator, denominator, "");
                }
            }
            String value = text.substring(0, position);
            int suffixStart = position;
            while (position < end && "eEinumkKMGTP".indexOf(text.charAt(position)) >= 0) {
                position++;
            }
            if (position < end && (text.charAt(position) == '-' || text.charAt(position) == '+')) {
                position++;
            }
            while (position < end && isDigit(text.charAt(position))) {
                position++;
            }
            if (position < end) {
                throw new IllegalArgumentException(FORMAT_ERROR);
            }
            return new Parts(positive, value, numerator, denominator, text.substring(suffixStart));
        }

        private static boolean isDigit(char character) {
            return character >= '0' && character <= '9';
        }
    }

    private record Suffix(int base, int exponent) {
        static Suffix interpret(String suffix) {
            return switch (suffix) {
                case "" -> new Suffix(10, 0);
                case "n" -> new Suffix(10, -9);
                case "u" -> new Suffix(10, -6);
                case "m" -> new Suffix(10, -3);
                case "k" -> new Suffix(10, 3);
                case "M" -> new Suffix(10, 6);
                case "G" -> new Suffix(10, 9);
                case "T" -> new Suffix(10, 12);
                case "P" -> new Suffix(10, 15);
                case "E" -> new Suffix(10, 18);
                case "Ki" -> new Suffix(2, 10);
                case "Mi" -> new Suffix(2, 20);
                case "Gi" -> new Suffix(2, 30);
                case "Ti" -> new Suffix(2, 40);
                case "Pi" -> new Suffix(2, 50);
                case "Ei" -> new Suffix(2, 60);
                default -> exponent(suffix);
            };
        }

        private static Suffix exponent(String suffix) {
            if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
                long exponent;
                try {
                    exponent = Long.parseLong(suffix.substring(1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(SUFFIX_ERROR, e);
                }
                if (Math.abs(exponent) > MAX_EXPONENT) {
                    throw new IllegalArgumentException(
                            "quantity exponent " + exponent + " is outside ±" + MAX_EXPONENT);
                }
                return new Suffix(10, (int) exponent);
            }
            throw new IllegalArgumentException(SUFFIX_ERROR);
        }
    }
}
