package dev.assay.policy.cel;

import dev.cel.common.values.NullValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON-like Java values (what Jackson or a YAML reader produce: {@code null}, {@code Integer},
 * {@code BigInteger}, maps and lists) seen as the values CEL's runtime accepts: {@code long}, {@code double},
 * {@code NullValue}. The views adapt on access instead of copying, because an expression usually reads a
 * few fields of a large object (one image of a pod, one component of an SBOM) and a deep copy per request
 * would cost more than the evaluation.
 */
final class CelValues {
    private CelValues() {}

    static Object adapt(Object value) {
        if (value == null) {
            return NullValue.NULL_VALUE;
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Double) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return map instanceof MapView ? map : new MapView(map);
        }
        if (value instanceof List<?> list) {
            return list instanceof ListView ? list : new ListView(list);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float number) {
            return number.doubleValue();
        }
        if (value instanceof BigInteger big) {
            // As Kubernetes decodes JSON: an integer that does not fit int64 becomes a float64.
            return big.bitLength() < 64 ? big.longValue() : big.doubleValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.doubleValue();
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof NullValue) {
            return value;
        }
        // Not a JSON type (a Character, an enum constant from an in-process caller): its text is the
        // only reading that cannot surprise a policy author.
        return String.valueOf(value);
    }

    /** The object as CEL sees it, or CEL's {@code null} for an absent one (a DELETE's object). */
    static Object objectOrNull(Map<String, Object> object) {
        return object == null || object.isEmpty() ? NullValue.NULL_VALUE : adapt(object);
    }

    private static final class MapView extends AbstractMap<Object, Object> {
        private final Map<?, ?> source;

        MapView(Map<?, ?> source) {
            this.source = source;
        }

        @Override
        public Object get(Object key) {
            Object value = source.get(key);
            return value == null && !source.containsKey(key) ? null : adapt(value);
        }

        @Override
        public boolean containsKey(Object key) {
            return source.containsKey(key);
        }

        @Override
        public int size() {
            return source.size();
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<Object, Object>> iterator() {
                    Iterator<? extends Entry<?, ?>> entries = source.entrySet().iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return entries.hasNext();
                        }

                        @Override
                        public Entry<Object, Object> next() {
                            Entry<?, ?> entry = entries.next();
                            return new SimpleImmutableEntry<>(entry.getKey(), adapt(entry.getValue()));
                        }
                    };
                }

                @Override
                public int size() {
                    return source.size();
                }
            };
        }
    }

    private static final class ListView extends AbstractList<Object> {
        private final List<?> source;

        ListView(List<?> source) {
            this.source = source;
        }

        @Override
        public Object get(int index) {
            return adapt(source.get(index));
        }

        @Override
        public int size() {
            return source.size();
        }
    }
}
