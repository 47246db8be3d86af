package dev.assay.policy.cel;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.util.ArrayList;
import java.util.List;

/**
 * The functions of cel-java's string and list extensions whose output can be far larger than their input
 * ({@code replace}, {@code join}, {@code lists.range}), with the same names and meaning but bounded by
 * {@link CelLimits}: {@code "a".replace("", big)} inside a loop would otherwise fill the heap before the
 * evaluation budget sees a single oversized value.
 */
@com.google.errorprone.annotations.Immutable
final class BoundedLibrary implements CelLibrary {
    private final int maxStringLength;
    private final int maxCollectionSize;

    BoundedLibrary(CelLimits limits) {
        this.maxStringLength = limits.maxStringLength();
        this.maxCollectionSize = limits.maxCollectionSize();
    }

    @Override
    public List<CelFunctionDecl> declarations() {
        return List.of(
                CelFunctionDecl.newFunctionDeclaration(
                        "replace",
                        CelOverloadDecl.newMemberOverload(
                                "string_replace_string_string",
                                SimpleType.STRING,
                                SimpleType.STRING,
                                SimpleType.STRING,
                                SimpleType.STRING),
                        CelOverloadDecl.newMemberOverload(
                                "string_replace_string_string_int",
                                SimpleType.STRING,
                                SimpleType.STRING,
                                SimpleType.STRING,
                                SimpleType.STRING,
                                SimpleType.INT)),
                CelFunctionDecl.newFunctionDeclaration(
                        "join",
                        CelOverloadDecl.newMemberOverload(
                                "list_join", SimpleType.STRING, ListType.create(SimpleType.STRING)),
                        CelOverloadDecl.newMemberOverload(
                                "list_join_string",
                                SimpleType.STRING,
                                ListType.create(SimpleType.STRING),
                                SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration(
                        "lists.range",
                        CelOverloadDecl.newGlobalOverload(
                                "lists_range", ListType.create(SimpleType.INT), SimpleType.INT)));
    }

    @Override
    public List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from(
                        "string_replace_string_string",
                        List.of(String.class, String.class, String.class),
                        args -> replace((String) args[0], (String) args[1], (String) args[2], -1)),
                CelFunctionBinding.from(
                        "string_replace_string_string_int",
                        List.of(String.class, String.class, String.class, Long.class),
                        args -> replace((String) args[0], (String) args[1], (String) args[2], (Long) args[3])),
                CelFunctionBinding.from("list_join", List.class, list -> join(list, "")),
                CelFunctionBinding.from("list_join_string", List.class, String.class, this::join),
                CelFunctionBinding.from("lists_range", Long.class, this::range));
    }

    /**
     * Replaces up to {@code limit} occurrences (all when negative) left to right; an empty {@code search}
     * matches before every code point and at the end, as Go's {@code strings.Replace}.
     */
    String replace(String text, String search, String replacement, long limit) {
        if (limit == 0 || search.equals(replacement)) {
            return text;
        }
        StringBuilder result = new StringBuilder();
        long replaced = 0;
        if (search.isEmpty()) {
            int index = 0;
            while (index <= text.length()) {
                if (limit < 0 || replaced < limit) {
                    append(result, replacement);
                    replaced++;
                }
                if (index == text.length()) {
                    break;
                }
                int next = text.offsetByCodePoints(index, 1);
                append(result, text.substring(index, next));
                index = next;
            }
            return result.toString();
        }
        int start = 0;
        int found;
        while ((limit < 0 || replaced < limit) && (found = text.indexOf(search, start)) >= 0) {
            append(result, text.substring(start, found));
            append(result, replacement);
            start = found + search.length();
            replaced++;
        }
        append(result, text.substring(start));
        return result.toString();
    }

    private void append(StringBuilder result, String piece) {
        if ((long) result.length() + piece.length() > maxStringLength) {
            throw new EvaluationBudget.BudgetExceededException(
                    "replace() would produce a string longer than the limit of " + maxStringLength);
        }
        result.append(piece);
    }

    String join(List<?> list, String separator) {
        long length = (long) separator.length() * Math.max(0, list.size() - 1);
        for (Object element : list) {
            if (!(element instanceof String text)) {
                throw new IllegalArgumentException(
                        "join() needs a list of strings, found " + ListsLibrary.typeName(element));
            }
            length += text.length();
        }
        if (length > maxStringLength) {
            throw new EvaluationBudget.BudgetExceededException("join() would produce a string of " + length
                    + " characters, more than the limit of " + maxStringLength);
        }
        StringBuilder result = new StringBuilder((int) length);
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                result.append(separator);
            }
            result.append((String) list.get(i));
        }
        return result.toString();
    }

    List<Long> range(long count) {
        if (count > maxCollectionSize) {
            throw new EvaluationBudget.BudgetExceededException(
                    "lists.range(" + count + ") would produce more than " + maxCollectionSize + " elements");
        }
        List<Long> values = new ArrayList<>((int) Math.max(0, count));
        for (long i = 0; i < count; i++) {
            values.add(i);
        }
        return values;
    }
}
