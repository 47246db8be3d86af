package dev.assay.engine.k8s;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.AssayException;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.model.untrusted.SafeYaml;
import dev.assay.report.ManifestIssue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Turns one file's bytes into Kubernetes objects, errors and skipped documents. YAML is split into documents
 * first ({@link YamlDocuments}) and each is loaded by the hardened {@link SafeYaml}; JSON (a {@code .json}
 * file, or content that starts with <code>{</code> and parses as JSON) is read by {@link SafeJson} with its
 * scalars typed. {@code kind: List} and {@code *List} documents are expanded into their items.
 */
final class ManifestParser {
    private static final Pattern KUSTOMIZE_ORIGIN_PATH = Pattern.compile("(?m)^\\s*path:\\s*(\\S.*?)\\s*$");
    private static final String KUSTOMIZE_ORIGIN = "config.kubernetes.io/origin";

    /**
     * No Kubernetes object can hold a value this long (etcd stores objects of at most 1.5 MiB), and
     * snakeyaml-engine needs time that grows faster than linearly with the length of one scalar (about 0.6 s
     * for 1 MiB, 9 s for 8 MiB): a longer line is refused before parsing.
     */
    static final int MAX_LINE_CHARS = 2 * 1024 * 1024;

    private static final String HELM_HINT = "; an unrendered Helm template? run helm template first";

    private final String file;
    private final List<ManifestDocument> documents = new ArrayList<>();
    private final List<ManifestIssue> errors = new ArrayList<>();
    private final List<ManifestIssue> skipped = new ArrayList<>();

    private ManifestParser(String file) {
        this.file = file;
    }

    /** What one file holds. */
    record Parsed(List<ManifestDocument> documents, List<ManifestIssue> errors, List<ManifestIssue> skipped) {}

    static Parsed parse(String file, byte[] bytes) {
        ManifestParser parser = new ManifestParser(file);
        parser.parse(bytes);
        return new Parsed(List.copyOf(parser.documents), List.copyOf(parser.errors), List.copyOf(parser.skipped));
    }

    private void parse(byte[] bytes) {
        DecodedText decoded = DecodedText.of(bytes);
        String text = decoded.text();
        boolean jsonName = file.toLowerCase(Locale.ROOT).endsWith(".json");
        if (jsonName || startsLikeJson(text)) {
            if (!decoded.malformedOffsets().isEmpty()) {
                errors.add(new ManifestIssue(
                        file, 0, lineOf(text, decoded.malformedOffsets().getFirst()), "not valid UTF-8"));
                return;
            }
            Optional<String> jsonError = parseJson(text);
            if (jsonError.isEmpty()) {
                return;
            }
            if (jsonName) {
                errors.add(new ManifestIssue(file, 1, firstContentLine(text), jsonError.get()));
                return;
            }
            // Not JSON after all: a YAML flow mapping such as "{apiVersion: v1, ...}".
        }
        parseYaml(decoded);
    }

    private static boolean startsLikeJson(String text) {
        String stripped = text.stripLeading();
        return stripped.startsWith("{") || stripped.startsWith("[");
    }

    // ---- JSON ----

    /** Parses {@code text} as one JSON document; the error, if it is not JSON. */
    private Optional<String> parseJson(String text) {
        JsonNode root;
        try {
            // One JSON value per file: trailing content would otherwise be ignored without a word.
            root = SafeJson.mapper()
                    .readerFor(JsonNode.class)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(text);
        } catch (IOException e) {
            String message = e instanceof com.fasterxml.jackson.core.JacksonException jackson
                    ? dev.assay.model.untrusted.JsonErrors.message(jackson)
                    : e.getMessage();
            return Optional.of("not valid JSON: " + firstLine(message));
        }
        if (root == null || root.isMissingNode()) {
            return Optional.empty();
        }
        int line = firstContentLine(text);
        Object value = JsonValues.toJava(root);
        List<Integer> itemLines = value instanceof Map<?, ?> map && isList(map) ? jsonItemLines(text) : List.of();
        classify(value, 1, line, "", itemLines);
        return Optional.empty();
    }

    /** The lines where the items of a top-level {@code "items"} array start, in order. */
    private static List<Integer> jsonItemLines(String text) {
        List<Integer> lines = new ArrayList<>();
        try (JsonParser parser = SafeJson.mapper().getFactory().createParser(text)) {
            int depth = 0;
            boolean inItems = false;
            String field = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case FIELD_NAME -> field = depth == 1 ? parser.currentName() : field;
                    case START_OBJECT, START_ARRAY -> {
                        if (depth == 1 && token == JsonToken.START_ARRAY && "items".equals(field)) {
                            inItems = true;
                        } else if (inItems && depth == 2) {
                            lines.add((int) parser.currentTokenLocation().getLineNr());
                        }
                        depth++;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        if (depth == 1) {
                            inItems = false;
                        }
                    }
                    default -> {
                        if (inItems && depth == 2) {
                            lines.add((int) parser.currentTokenLocation().getLineNr());
                        }
                    }
                }
            }
        } catch (IOException e) {
            // The tree was read already; without item lines, items get their list's line.
            return List.of();
        }
        return lines;
    }

    // ---- YAML ----

    private void parseYaml(DecodedText decoded) {
        String text = decoded.text();
        for (YamlDocuments.Chunk chunk : YamlDocuments.split(text)) {
            if (decoded.malformedBetween(chunk.startOffset(), chunk.endOffset())) {
                int offset = decoded.malformedOffsets().stream()
                        .filter(candidate -> candidate >= chunk.startOffset() && candidate < chunk.endOffset())
                        .findFirst()
                        .orElse(chunk.startOffset());
                errors.add(new ManifestIssue(
                        file, chunk.index(), lineOf(text, offset), "not valid UTF-8 (the document is skipped)"));
                continue;
            }
            int longLine = longLine(chunk.text());
            if (longLine >= 0) {
                errors.add(new ManifestIssue(
                        file,
                        chunk.index(),
                        chunk.firstLine() + longLine,
                        "a line longer than " + MAX_LINE_CHARS / (1024 * 1024)
                                + " MiB, more than any Kubernetes object can hold (the document is skipped)"));
                continue;
            }
            List<Object> loaded;
            try {
                loaded = SafeYaml.loadAll(chunk.text(), file + " document " + chunk.index());
            } catch (AssayException e) {
                errors.add(new ManifestIssue(file, chunk.index(), errorLine(e, chunk), yamlProblem(e, chunk)));
                continue;
            }
            for (Object value : loaded) {
                if (value == null) {
                    continue;
                }
                List<Integer> itemLines =
                        value instanceof Map<?, ?> map && isList(map) ? yamlItemLines(chunk) : List.of();
                classify(value, chunk.index(), chunk.contentLine(), chunk.helmSource(), itemLines);
            }
        }
    }

    /** The index of the first line of {@code text} longer than {@link #MAX_LINE_CHARS}, or -1. */
    static int longLine(String text) {
        if (text.length() <= MAX_LINE_CHARS) {
            return -1;
        }
        int line = 0;
        int start = 0;
        while (start <= text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            if (end - start > MAX_LINE_CHARS) {
                return line;
            }
            if (newline < 0) {
                return -1;
            }
            start = newline + 1;
            line++;
        }
        return -1;
    }

    /**
     * Where the parser gave up, kept inside the document: a construct left open is reported at the end of the
     * stream, which is the next document's marker, so the line falls back to the last line with content.
     */
    private static int errorLine(AssayException error, YamlDocuments.Chunk chunk) {
        int last = chunk.firstLine() + lastContentIndex(chunk.text());
        return marked(error)
                .flatMap(marked -> marked.getProblemMark().or(marked::getContextMark))
                .map(mark -> Math.min(chunk.firstLine() + mark.getLine(), last))
                .orElse(chunk.contentLine());
    }

    private static int lastContentIndex(String text) {
        String[] lines = text.split("\n", -1);
        for (int index = lines.length - 1; index >= 0; index--) {
            if (!lines[index].isBlank()) {
                return index;
            }
        }
        return 0;
    }

    private static Optional<MarkedYamlEngineException> marked(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYamlEngineException marked) {
                return Optional.of(marked);
            }
        }
        return Optional.empty();
    }

    /** The parser's own words, without the label SafeYaml puts in front and without its multi-line excerpt. */
    private String yamlProblem(AssayException error, YamlDocuments.Chunk chunk) {
        Optional<MarkedYamlEngineException> marked = marked(error);
        if (marked.isPresent() && marked.get().getProblem() != null) {
            String context = marked.get().getContext();
            String problem = "not valid YAML: " + firstLine(marked.get().getProblem())
                    + (context == null || context.isBlank() ? "" : " (" + firstLine(context) + ")");
            return chunk.text().contains("{{") ? problem + HELM_HINT : problem;
        }
        String message = firstLine(error.getMessage());
        String label = file + " document " + chunk.index() + " ";
        if (message.startsWith(label)) {
            message = message.substring(label.length());
        }
        if (message.startsWith("is ")) {
            message = message.substring(3);
        }
        return chunk.text().contains("{{") ? message + HELM_HINT : message;
    }

    /** The lines of the items of a top-level {@code items} sequence, from snakeyaml's composer. */
    private static List<Integer> yamlItemLines(YamlDocuments.Chunk chunk) {
        // Runs only on text SafeYaml loaded already, so aliases and nesting are within its limits.
        LoadSettings settings = LoadSettings.builder()
                .setMaxAliasesForCollections(500)
                .setCodePointLimit(Math.max(chunk.text().length() + 1, 3 * 1024 * 1024))
                .build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(chunk.text());
        } catch (RuntimeException e) {
            return List.of();
        }
        List<Integer> lines = new ArrayList<>();
        if (root.isPresent() && root.get() instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key
                        && key.getValue().equals("items")
                        && tuple.getValueNode() instanceof SequenceNode items) {
                    for (Node item : items.getValue()) {
                        lines.add(item.getStartMark()
                                .map(mark -> chunk.firstLine() + mark.getLine())
                                .orElse(chunk.contentLine()));
                    }
                }
            }
        }
        return lines;
    }

    // ---- classification ----

    private static boolean isList(Map<?, ?> map) {
        return map.get("kind") instanceof String kind && kind.endsWith("List") && map.get("items") instanceof List;
    }

    /** Files a loaded document as an object, the items of a list, a skipped document or an error. */
    private void classify(Object value, int document, int line, String helmSource, List<Integer> itemLines) {
        if (!(value instanceof Map<?, ?> map)) {
            skipped.add(new ManifestIssue(
                    file,
                    document,
                    line,
                    "not a Kubernetes object: the document is a " + (value instanceof List ? "list" : "scalar")));
            return;
        }
        if (isList(map)) {
            List<?> items = (List<?>) map.get("items");
            if (items.isEmpty()) {
                skipped.add(new ManifestIssue(file, document, line, "an empty " + map.get("kind")));
            }
            for (int index = 0; index < items.size(); index++) {
                int itemLine = index < itemLines.size() ? itemLines.get(index) : line;
                object(items.get(index), document, index + 1, itemLine, helmSource);
            }
            return;
        }
        object(map, document, 0, line, helmSource);
    }

    private void object(Object value, int document, int item, int line, String helmSource) {
        String where = item > 0 ? "item " + item + " is " : "";
        if (!(value instanceof Map<?, ?> map)) {
            skipped.add(new ManifestIssue(file, document, line, where + "not a Kubernetes object"));
            return;
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                errors.add(new ManifestIssue(
                        file, document, line, where + "not a Kubernetes object: a top-level key is not a string"));
                return;
            }
            object.put(key, entry.getValue());
        }
        if (!(object.get("apiVersion") instanceof String apiVersion)
                || apiVersion.isBlank()
                || !(object.get("kind") instanceof String kind)
                || kind.isBlank()) {
            skipped.add(new ManifestIssue(file, document, line, where + notAnObjectReason(object)));
            return;
        }
        Object metadata = object.get("metadata");
        if (metadata != null && !(metadata instanceof Map)) {
            errors.add(new ManifestIssue(file, document, line, where + kind + " whose metadata is not a map"));
            return;
        }
        documents.add(new ManifestDocument(file, document, item, line, source(object, helmSource), object));
    }

    private static String notAnObjectReason(Map<String, Object> object) {
        if (object.containsKey("apiVersion") && object.containsKey("name") && object.containsKey("version")) {
            return "not a Kubernetes object (no kind): a Helm Chart.yaml?";
        }
        return "not a Kubernetes object (no apiVersion or kind)";
    }

    /** Kustomize's origin annotation names the file an object came from, as Helm's comment does. */
    private static String source(Map<String, Object> object, String helmSource) {
        if (object.get("metadata") instanceof Map<?, ?> metadata
                && metadata.get("annotations") instanceof Map<?, ?> annotations
                && annotations.get(KUSTOMIZE_ORIGIN) instanceof String origin) {
            Matcher path = KUSTOMIZE_ORIGIN_PATH.matcher(origin);
            if (path.find()) {
                return path.group(1);
            }
        }
        return helmSource;
    }

    // ---- lines ----

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int index = 0; index < offset && index < text.length(); index++) {
            if (text.charAt(index) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int firstContentLine(String text) {
        int index = 0;
        while (index < text.length() && Character.isWhitespace(text.charAt(index))) {
            index++;
        }
        return lineOf(text, index);
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "malformed";
        }
        String stripped = message.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline);
    }
}
