package dev.assay.policy.cel;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.TypeParamType;
import dev.cel.runtime.CelFunctionBinding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Kubernetes' CEL lists library ({@code k8s.io/apiserver/pkg/cel/library/lists.go}): {@code isSorted},
 * {@code sum}, {@code min}, {@code max}, {@code indexOf} and {@code lastIndexOf} on lists of comparable
 * values. Kubernetes declares one overload per element type; here one generic overload dispatches on the
 * elements at run time, because objects are untyped maps and the element type is only known then.
 */
final class ListsLibrary implements CelLibrary {
    private static final CelType ELEMENT = TypeParamType.create("T");
    private static final CelType LIST = ListType.create(ELEMENT);
    static final String SORT_BY_KEYS = "lists.@sortByAssociatedKeys";

    @Override
    public List<CelFunctionDecl> declarations() {
        return List.of(
                CelFunctionDecl.newFunctionDeclaration(
                        "isSorted", CelOverloadDecl.newMemberOverload("list_is_sorted", SimpleType.BOOL, LIST)),
                CelFunctionDecl.newFunctionDeclaration(
                        "sum", CelOverloadDecl.newMemberOverload("list_sum", ELEMENT, LIST)),
                CelFunctionDecl.newFunctionDeclaration(
                        "min", CelOverloadDecl.newMemberOverload("list_min", ELEMENT, LIST)),
                CelFunctionDecl.newFunctionDeclaration(
                        "max", CelOverloadDecl.newMemberOverload("list_max", ELEMENT, LIST)),
                CelFunctionDecl.newFunctionDeclaration(
                        "indexOf", CelOverloadDecl.newMemberOverload("list_index_of", SimpleType.INT, LIST, ELEMENT)),
                CelFunctionDecl.newFunctionDeclaration(
                        "lastIndexOf",
                        CelOverloadDecl.newMemberOverload("list_last_index_of", SimpleType.INT, LIST, ELEMENT)),
                // What cel-java's sortBy macro expands to. cel-java 0.14 declares it list(T) -> list(T), so that
                // `[3, 1].sortBy(e, e)` type-checks as a list of pairs; the pairs go in, the values come out.
                CelFunctionDecl.newFunctionDeclaration(
                        SORT_BY_KEYS,
                        CelOverloadDecl.newGlobalOverload(
                                "list_sortByAssociatedKeys",
                                ListType.create(SimpleType.DYN),
                                ListType.create(ListType.create(SimpleType.DYN)))));
    }

    @Override
    public List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("list_is_sorted", List.class, ListsLibrary::isSorted),
                CelFunctionBinding.from("list_sum", List.class, ListsLibrary::sum),
                CelFunctionBinding.from("list_min", List.class, list -> extreme(list, -1, "min")),
                CelFunctionBinding.from("list_max", List.class, list -> extreme(list, 1, "max")),
                CelFunctionBinding.from("list_index_of", List.class, Object.class, ListsLibrary::indexOf),
                CelFunctionBinding.from("list_last_index_of", List.class, Object.class, ListsLibrary::lastIndexOf),
                CelFunctionBinding.from("list_sortByAssociatedKeys", List.class, ListsLibrary::sortByKeys));
    }

    /** The values of {@code [key, value]} pairs, stably ordered by key. */
    static List<Object> sortByKeys(List<?> pairs) {
        List<List<?>> sorted = new java.util.ArrayList<>();
        for (Object pair : pairs) {
            if (!(pair instanceof List<?> keyValue) || keyValue.size() != 2) {
                throw new IllegalArgumentException("sortBy expects key-value pairs");
            }
            sorted.add(keyValue);
        }
        sorted.sort((left, right) -> compare(left.get(0), right.get(0)));
        return sorted.stream().map(pair -> (Object) pair.get(1)).toList();
    }

    static boolean isSorted(List<?> list) {
        for (int i = 1; i < list.size(); i++) {
            if (compare(list.get(i - 1), list.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    static Object sum(List<?> list) {
        if (list.isEmpty()) {
            return 0L;
        }
        Object total = list.get(0);
        requireSummable(total);
        for (int i = 1; i < list.size(); i++) {
            Object element = list.get(i);
            total = switch (total) {
                case Long left when element instanceof Long right -> Math.addExact(left, right);
                case Double left when element instanceof Double right -> left + right;
                case UnsignedLong left
                when element instanceof UnsignedLong right -> {
                    UnsignedLong sum = left.plus(right);
                    if (sum.compareTo(left) < 0) {
                        throw new ArithmeticException("unsigned integer overflow");
                    }
                    yield sum;
                }
                case Duration left when element instanceof Duration right -> left.plus(right);
                default ->
                    throw new IllegalArgumentException("sum() needs a list of numbers or durations of one type,"
                            + " found " + typeName(total) + " and " + typeName(element));
            };
        }
        return total;
    }

    private static void requireSummable(Object value) {
        if (!(value instanceof Long
                || value instanceof Double
                || value instanceof UnsignedLong
                || value instanceof Duration)) {
            throw new IllegalArgumentException("sum() needs a list of numbers or durations, found " + typeName(value));
        }
    }

    private static Object extreme(List<?> list, int direction, String function) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException(function + " called on empty list");
        }
        Object best = list.get(0);
        compare(best, best);
        for (int i = 1; i < list.size(); i++) {
            Object element = list.get(i);
            if (compare(element, best) * direction > 0) {
                best = element;
            }
        }
        return best;
    }

    static long indexOf(List<?> list, Object value) {
        for (int i = 0; i < list.size(); i++) {
            if (equal(list.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    static long lastIndexOf(List<?> list, Object value) {
        for (int i = list.size() - 1; i >= 0; i--) {
            if (equal(list.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    /** CEL's heterogeneous numeric equality: {@code 1 == 1.0}. */
    private static boolean equal(Object left, Object right) {
        if (isNumber(left) && isNumber(right)) {
            return compareNumbers(left, right) == 0;
        }
        return left.equals(right);
    }

    /** The order of comparable CEL values of one kind; numbers of different kinds compare by value. */
    static int compare(Object left, Object right) {
        if (isNumber(left) && isNumber(right)) {
            return compareNumbers(left, right);
        }
        if (left instanceof String a && right instanceof String b) {
            return a.compareTo(b);
        }
        if (left instanceof Boolean a && right instanceof Boolean b) {
            return Boolean.compare(a, b);
        }
        if (left instanceof Duration a && right instanceof Duration b) {
            return a.compareTo(b);
        }
        if (left instanceof Instant a && right instanceof Instant b) {
            return a.compareTo(b);
        }
        if (left instanceof Quantity a && right instanceof Quantity b) {
            return a.compareTo(b);
        }
        throw new IllegalArgumentException(
                "cannot compare " + typeName(left) + " with " + typeName(right) + ": not an ordered type");
    }

    private static boolean isNumber(Object value) {
        return value instanceof Long || value instanceof Double || value instanceof UnsignedLong;
    }

    private static int compareNumbers(Object left, Object right) {
        if (left instanceof Long a && right instanceof Long b) {
            return Long.compare(a, b);
        }
        return new java.math.BigDecimal(numberText(left)).compareTo(new java.math.BigDecimal(numberText(right)));
    }

    private static String numberText(Object number) {
        if (number instanceof Double value) {
            if (value.isNaN() || value.isInfinite()) {
                throw new IllegalArgumentException("cannot order " + value);
            }
            return java.math.BigDecimal.valueOf(value).toPlainString();
        }
        return number.toString();
    }

    static String typeName(Object value) {
        return switch (value) {
            case Long ignored -> "int";
            case Double ignored -> "double";
            case UnsignedLong ignored -> "uint";
            case String ignored -> "string";
            case Boolean ignored -> "bool";
            case List<?> ignored -> "list";
            case java.util.Map<?, ?> ignored -> "map";
            case Duration ignored -> "duration";
            case Instant ignored -> "timestamp";
            case Quantity ignored -> "kubernetes.Quantity";
            default -> value.getClass().getSimpleName();
        };
    }
}
