package dev.assay.policy.cel;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kubernetes' CEL regex library ({@code k8s.io/apiserver/pkg/cel/library/regex.go}): {@code find} and
 * {@code findAll}, on RE2 (linear time, so a hostile subject string cannot backtrack for hours), with a
 * bound on the compiled program as for {@code matches}.
 */
final class RegexLibrary implements CelLibrary {
    /** Patterns are nearly always literals in policies; a small cache spares recompiling them per request. */
    private static final int CACHE_SIZE = 256;

    private final int maxProgramSize;
    private final Map<String, Pattern> cache = new ConcurrentHashMap<>();

    RegexLibrary(int maxProgramSize) {
        this.maxProgramSize = maxProgramSize;
    }

    @Override
    public List<CelFunctionDecl> declarations() {
        return List.of(
                CelFunctionDecl.newFunctionDeclaration(
                        "find",
                        CelOverloadDecl.newMemberOverload(
                                "string_find_string", SimpleType.STRING, SimpleType.STRING, SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration(
                        "findAll",
                        CelOverloadDecl.newMemberOverload(
                                "string_find_all_string",
                                ListType.create(SimpleType.STRING),
                                SimpleType.STRING,
                                SimpleType.STRING),
                        CelOverloadDecl.newMemberOverload(
                                "string_find_all_string_int",
                                ListType.create(SimpleType.STRING),
                                SimpleType.STRING,
                                SimpleType.STRING,
                                SimpleType.INT)));
    }

    // The runtime wants immutable functions; these only read the pattern cache, a thread-safe memo whose
    // contents never change what a call returns.
    @SuppressWarnings("Immutable")
    @Override
    public List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("string_find_string", String.class, String.class, this::find),
                CelFunctionBinding.from(
                        "string_find_all_string",
                        String.class,
                        String.class,
                        (text, regex) -> findAll(text, regex, -1)),
                CelFunctionBinding.from(
                        "string_find_all_string_int",
                        List.of(String.class, String.class, Long.class),
                        args -> findAll((String) args[0], (String) args[1], (Long) args[2])));
    }

    /** The first match, or {@code ""} when there is none (as Go's {@code FindString}). */
    String find(String text, String regex) {
        Matcher matcher = pattern(regex).matcher(text);
        return matcher.find() ? matcher.group() : "";
    }

    /** Up to {@code limit} matches, all of them when {@code limit} is negative (as Go's {@code FindAllString}). */
    List<String> findAll(String text, String regex, long limit) {
        List<String> matches = new ArrayList<>();
        if (limit == 0) {
            return matches;
        }
        Matcher matcher = pattern(regex).matcher(text);
        int previousEnd = -1;
        while (matcher.find()) {
            // Go skips an empty match right after the previous match; RE2/J reports it.
            if (matcher.start() == matcher.end() && matcher.start() == previousEnd) {
                continue;
            }
            matches.add(matcher.group());
            previousEnd = matcher.end();
            if (limit > 0 && matches.size() >= limit) {
                break;
            }
        }
        return matches;
    }

    Pattern pattern(String regex) {
        Pattern cached = cache.get(regex);
        if (cached != null) {
            return cached;
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression '" + regex + "': " + e.getDescription(), e);
        }
        if (pattern.programSize() > maxProgramSize) {
            throw new IllegalArgumentException("regular expression program size " + pattern.programSize()
                    + " exceeds the limit of " + maxProgramSize);
        }
        if (cache.size() >= CACHE_SIZE) {
            cache.clear();
        }
        cache.put(regex, pattern);
        return pattern;
    }
}
