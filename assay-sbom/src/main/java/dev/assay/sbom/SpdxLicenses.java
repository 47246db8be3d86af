package dev.assay.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cyclonedx.CycloneDxSchema;

/**
 * Sorts declared license strings into SPDX ids, SPDX expressions and free-text names, the three shapes
 * both formats distinguish. The id list is the {@code spdx.schema.json} bundled with cyclonedx-core-java:
 * it is the very enumeration the CycloneDX schema validates {@code license.id} against, so an id Assay
 * writes is always one the schema accepts (a newer id than the bundled list is written as a name).
 */
final class SpdxLicenses {
    private static final Map<String, String> IDS_BY_LOWER_CASE = loadIds();

    private SpdxLicenses() {}

    /** What a license string is, with its normalized spelling (canonical id case, upper-case operators). */
    record Classified(Kind kind, String value) {}

    enum Kind {
        /** A single license id from the SPDX list. */
        ID,
        /** A valid SPDX expression: operators, {@code +}, {@code WITH}, or {@code LicenseRef-}s. */
        EXPRESSION,
        /** Anything else, kept as written. */
        NAME
    }

    static Classified classify(String license) {
        String stripped = license.strip();
        Optional<String> id = canonicalId(stripped);
        if (id.isPresent()) {
            return new Classified(Kind.ID, id.get());
        }
        return new ExpressionParser(stripped)
                .parse()
                .map(expression -> new Classified(Kind.EXPRESSION, expression))
                .orElseGet(() -> new Classified(Kind.NAME, stripped));
    }

    static Optional<String> canonicalId(String candidate) {
        return Optional.ofNullable(IDS_BY_LOWER_CASE.get(candidate.toLowerCase(Locale.ROOT)));
    }

    private static Map<String, String> loadIds() {
        try (InputStream schema = CycloneDxSchema.class.getResourceAsStream("/spdx.schema.json")) {
            if (schema == null) {
                throw new IllegalStateException("spdx.schema.json is missing from cyclonedx-core-java");
            }
            JsonNode enumeration = new ObjectMapper().readTree(schema).path("enum");
            Map<String, String> ids = new HashMap<>();
            enumeration.forEach(id -> ids.put(id.asText().toLowerCase(Locale.ROOT), id.asText()));
            return Map.copyOf(ids);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SPDX license list", e);
        }
    }

    /**
     * Recursive descent over the SPDX 2.3 Annex D grammar. Operators are accepted in any case (real
     * manifests say {@code MIT or Apache-2.0}) and written in upper case; exception ids after {@code WITH}
     * are checked against the same list, which mixes licenses and exceptions.
     */
    private static final class ExpressionParser {
        private final List<String> tokens;
        private int position;

        ExpressionParser(String text) {
            this.tokens = tokenize(text);
        }

        Optional<String> parse() {
            if (tokens == null || tokens.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> expression = orExpression(0);
            return position == tokens.size() ? expression : Optional.empty();
        }

        private Optional<String> orExpression(int depth) {
            if (depth > 50) {
                return Optional.empty();
            }
            Optional<String> left = andExpression(depth);
            StringBuilder result = new StringBuilder();
            if (left.isEmpty()) {
                return left;
            }
            result.append(left.get());
            while (peekOperator("OR")) {
                position++;
                Optional<String> right = andExpression(depth);
                if (right.isEmpty()) {
                    return right;
                }
                result.append(" OR ").append(right.get());
            }
            return Optional.of(result.toString());
        }

        private Optional<String> andExpression(int depth) {
            Optional<String> left = term(depth);
            if (left.isEmpty()) {
                return left;
            }
            StringBuilder result = new StringBuilder(left.get());
            while (peekOperator("AND")) {
                position++;
                Optional<String> right = term(depth);
                if (right.isEmpty()) {
                    return right;
                }
                result.append(" AND ").append(right.get());
            }
            return Optional.of(result.toString());
        }

        private Optional<String> term(int depth) {
            if (position >= tokens.size()) {
                return Optional.empty();
            }
            String token = tokens.get(position);
            if (token.equals("(")) {
                position++;
                Optional<String> inner = orExpression(depth + 1);
                if (inner.isEmpty()
                        || position >= tokens.size()
                        || !tokens.get(position).equals(")")) {
                    return Optional.empty();
                }
                position++;
                return Optional.of("(" + inner.get() + ")");
            }
            Optional<String> simple = simpleExpression(token);
            if (simple.isEmpty()) {
                return simple;
            }
            position++;
            if (peekOperator("WITH")) {
                position++;
                if (position >= tokens.size()) {
                    return Optional.empty();
                }
                Optional<String> exception = canonicalId(tokens.get(position));
                if (exception.isEmpty()) {
                    return exception;
                }
                position++;
                return Optional.of(simple.get() + " WITH " + exception.get());
            }
            return simple;
        }

        private static Optional<String> simpleExpression(String token) {
            if (isReference(token)) {
                return Optional.of(token);
            }
            boolean orLater = token.endsWith("+");
            String id = orLater ? token.substring(0, token.length() - 1) : token;
            return canonicalId(id).map(canonical -> orLater ? canonical + "+" : canonical);
        }

        private static boolean isReference(String token) {
            return token.matches("(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+");
        }

        private boolean peekOperator(String operator) {
            return position < tokens.size() && tokens.get(position).equalsIgnoreCase(operator);
        }

        /** Splits into ids, operators and parentheses; null when a character no expression may hold appears. */
        private static List<String> tokenize(String text) {
            List<String> tokens = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (int index = 0; index < text.length(); index++) {
                char character = text.charAt(index);
                if (character == '(' || character == ')' || Character.isWhitespace(character)) {
                    if (!current.isEmpty()) {
                        tokens.add(current.toString());
                        current.setLength(0);
                    }
                    if (!Character.isWhitespace(character)) {
                        tokens.add(String.valueOf(character));
                    }
                } else if (Character.isLetterOrDigit(character) && character < 128
                        || character == '-'
                        || character == '.'
                        || character == '+'
                        || character == ':') {
                    current.append(character);
                } else {
                    return null;
                }
            }
            if (!current.isEmpty()) {
                tokens.add(current.toString());
            }
            return tokens;
        }
    }
}
