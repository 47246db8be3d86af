package dev.assay.server.portfolio.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InputTooLargeException;
import dev.assay.model.UnableToParseException;
import dev.assay.model.untrusted.JsonErrors;
import dev.assay.model.untrusted.SafeJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the results of a SARIF 2.1.0 log: per tool ({@code runs[].tool.driver.name}, runs of the same tool
 * merged), each result's rule, level, message and first location. Only what a policy result needs is read;
 * the rest of the log (rules' help, fingerprints, invocations) is ignored. The document is untrusted: its
 * nesting and size are bounded by {@link SafeJson}, its result count by the caller, and every string is cut
 * to the size the portfolio stores, so a hostile report costs at most its bytes.
 */
public final class SarifResults {
    public static final String VERSION = "2.1.0";
    public static final int DEFAULT_MAX_RESULTS = 100_000;
    public static final int MAX_TOOL = 256;
    public static final int MAX_RULE = 512;
    public static final int MAX_MESSAGE = 4096;
    public static final int MAX_LOCATION = 2048;
    /** A message's placeholders beyond this many are left as they are: real messages have a handful. */
    private static final int MAX_ARGUMENTS = 64;

    private final String name;
    private final int maxResults;
    private int count;

    private SarifResults(String name, int maxResults) {
        this.name = name;
        this.maxResults = maxResults;
    }

    /**
     * @param name how the document is named in errors
     * @throws UnableToParseException when the document is not JSON, not a SARIF log, or not version 2.1.0
     * @throws InputTooLargeException when it holds more than {@code maxResults} results
     */
    public static List<ToolResults> read(byte[] json, String name, int maxResults) {
        if (maxResults <= 0) {
            throw new IllegalArgumentException("maxResults must be positive");
        }
        return new SarifResults(name, maxResults).log(parse(json, name));
    }

    /** {@link SafeJson}'s bounds, and nothing after the document: a truncated or concatenated upload is an error. */
    private static JsonNode parse(byte[] json, String name) {
        if (blank(json)) {
            throw new UnableToParseException(name + " is empty", name);
        }
        try {
            JsonNode node = SafeJson.mapper()
                    .readerFor(JsonNode.class)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(json);
            if (node == null || node.isMissingNode()) {
                throw new UnableToParseException(name + " is empty", name);
            }
            return node;
        } catch (JacksonException e) {
            throw new UnableToParseException(name + " is not valid JSON " + JsonErrors.describe(e), name, e);
        } catch (IOException e) {
            throw new UnableToParseException("cannot read " + name + ": " + e.getMessage(), name, e);
        }
    }

    private static boolean blank(byte[] json) {
        for (byte b : json) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private List<ToolResults> log(JsonNode log) {
        if (!log.isObject() || !log.has("runs") || !log.has("version")) {
            throw invalid("is not a SARIF log (a JSON object with 'version' and 'runs')");
        }
        JsonNode version = log.get("version");
        if (!version.isTextual() || !version.asText().equals(VERSION)) {
            throw invalid("is SARIF version " + abbreviated(version) + "; only SARIF " + VERSION + " is read");
        }
        Map<String, List<PolicyResult>> byTool = new LinkedHashMap<>();
        JsonNode runs = log.get("runs");
        // SARIF allows null runs: the tool failed before it could produce any.
        if (!runs.isNull()) {
            if (!runs.isArray()) {
                throw invalid("has 'runs' that is not an array");
            }
            for (int index = 0; index < runs.size(); index++) {
                JsonNode run = runs.get(index);
                if (!run.isObject()) {
                    throw invalid("has runs[" + index + "] that is not an object");
                }
                String tool = text(run.path("tool").path("driver").path("name"), MAX_TOOL);
                if (tool.isBlank()) {
                    throw invalid("has runs[" + index + "] without tool.driver.name");
                }
                byTool.computeIfAbsent(tool, key -> new ArrayList<>()).addAll(run(run, index));
            }
        }
        List<ToolResults> tools = new ArrayList<>();
        byTool.forEach((tool, results) -> tools.add(new ToolResults(tool, results)));
        return tools;
    }

    private List<PolicyResult> run(JsonNode run, int runIndex) {
        JsonNode results = run.path("results");
        if (results.isMissingNode() || results.isNull()) {
            return List.of();
        }
        if (!results.isArray()) {
            throw invalid("has runs[" + runIndex + "].results that is not an array");
        }
        count += results.size();
        if (count > maxResults) {
            throw new InputTooLargeException(
                    name + " holds more than " + maxResults + " results; split the report or raise the limit", name);
        }
        JsonNode driver = run.path("tool").path("driver");
        Rules rules = Rules.of(driver.path("rules"));
        List<PolicyResult> read = new ArrayList<>(results.size());
        for (int index = 0; index < results.size(); index++) {
            JsonNode result = results.get(index);
            String where = "runs[" + runIndex + "].results[" + index + "]";
            if (!result.isObject()) {
                throw invalid("has " + where + " that is not an object");
            }
            Optional<JsonNode> rule = rules.find(result);
            read.add(new PolicyResult(
                    text(ruleId(result, rule), MAX_RULE),
                    level(result, rule, where),
                    message(result.path("message"), rule, driver),
                    location(result, run).orElse(null)));
        }
        return read;
    }

    private static JsonNode ruleId(JsonNode result, Optional<JsonNode> rule) {
        if (result.path("ruleId").isTextual()) {
            return result.get("ruleId");
        }
        if (result.path("rule").path("id").isTextual()) {
            return result.get("rule").get("id");
        }
        return rule.map(descriptor -> descriptor.path("id")).orElse(result.path("ruleId"));
    }

    /**
     * SARIF 2.1.0 §3.27.10: an absent level is {@code none} for a result whose kind is not {@code fail}
     * (a pass, a review item), else the rule's default configuration, else {@code warning}.
     */
    private ResultLevel level(JsonNode result, Optional<JsonNode> rule, String where) {
        JsonNode level = result.path("level");
        if (level.isMissingNode()) {
            JsonNode kind = result.path("kind");
            if (kind.isTextual() && !kind.asText().equals("fail")) {
                return ResultLevel.NONE;
            }
            level = rule.map(descriptor ->
                            descriptor.path("defaultConfiguration").path("level"))
                    .filter(JsonNode::isTextual)
                    .orElse(null);
            if (level == null) {
                return ResultLevel.WARNING;
            }
        }
        JsonNode given = level;
        return ResultLevel.parse(level.isTextual() ? level.asText() : null)
                .orElseThrow(() -> invalid("has " + where + " with level " + abbreviated(given)
                        + ", not one of error, warning, note, none"));
    }

    /** The text, else the message string its id names (the rule's, then the tool's), else the id itself. */
    private static String message(JsonNode message, Optional<JsonNode> rule, JsonNode driver) {
        if (message.path("text").isTextual()) {
            return text(substituted(message.get("text").asText(), message.path("arguments")), MAX_MESSAGE);
        }
        JsonNode id = message.path("id");
        if (!id.isTextual()) {
            return "";
        }
        JsonNode string = rule.map(descriptor ->
                        descriptor.path("messageStrings").path(id.asText()).path("text"))
                .filter(JsonNode::isTextual)
                .orElse(driver.path("globalMessageStrings").path(id.asText()).path("text"));
        String text = string.isTextual() ? string.asText() : id.asText();
        return text(substituted(text, message.path("arguments")), MAX_MESSAGE);
    }

    /** SARIF's {@code {0}} placeholders, replaced by {@code message.arguments}. */
    private static String substituted(String text, JsonNode arguments) {
        if (!arguments.isArray() || text.indexOf('{') < 0) {
            return text;
        }
        String substituted = text;
        for (int index = 0; index < Math.min(arguments.size(), MAX_ARGUMENTS); index++) {
            JsonNode argument = arguments.get(index);
            substituted = substituted.replace(
                    "{" + index + "}", argument.isValueNode() ? argument.asText() : argument.toString());
            if (substituted.length() > MAX_MESSAGE) {
                break;
            }
        }
        return substituted;
    }

    /** The first physical location as {@code uri[:startLine]}, else the first logical location's name. */
    private static Optional<String> location(JsonNode result, JsonNode run) {
        JsonNode locations = result.path("locations");
        if (!locations.isArray()) {
            return Optional.empty();
        }
        for (JsonNode location : locations) {
            JsonNode physical = location.path("physicalLocation");
            JsonNode artifact = physical.path("artifactLocation");
            JsonNode uri = artifact.path("uri");
            if (!uri.isTextual() && artifact.path("index").canConvertToInt()) {
                uri = run.path("artifacts")
                        .path(artifact.get("index").asInt())
                        .path("location")
                        .path("uri");
            }
            if (uri.isTextual() && !uri.asText().isBlank()) {
                JsonNode line = physical.path("region").path("startLine");
                String suffix = line.canConvertToInt() ? ":" + line.asInt() : "";
                return Optional.of(text(uri, MAX_LOCATION - suffix.length()) + suffix);
            }
        }
        for (JsonNode location : locations) {
            JsonNode logical = location.path("logicalLocations");
            if (logical.isArray()) {
                for (JsonNode candidate : logical) {
                    JsonNode named = candidate;
                    if (!candidate.has("fullyQualifiedName")
                            && !candidate.has("name")
                            && candidate.path("index").canConvertToInt()) {
                        named = run.path("logicalLocations")
                                .path(candidate.get("index").asInt());
                    }
                    JsonNode value = named.path("fullyQualifiedName").isTextual()
                            ? named.path("fullyQualifiedName")
                            : named.path("name");
                    if (value.isTextual() && !value.asText().isBlank()) {
                        return Optional.of(text(value, MAX_LOCATION));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String text(JsonNode node, int limit) {
        return node.isTextual() ? text(node.asText(), limit) : "";
    }

    /**
     * Cut to {@code limit} characters (ending in an ellipsis when cut, never inside a surrogate pair), with
     * carriage returns dropped and the other control characters but line feeds and tabs replaced: PostgreSQL refuses NUL in text, and the
     * others would forge lines in a terminal or a log.
     */
    static String text(String value, int limit) {
        StringBuilder clean = new StringBuilder(Math.min(value.length(), limit));
        boolean cut = value.length() > limit;
        int end = cut ? limit - 1 : value.length();
        if (cut && Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (c == '\r') {
                continue;
            }
            clean.append(c != '\n' && c != '\t' && Character.isISOControl(c) ? '\uFFFD' : c);
        }
        if (cut) {
            clean.append('\u2026');
        }
        return clean.toString();
    }

    private static String abbreviated(JsonNode node) {
        String text = node.isTextual() ? "'" + node.asText() + "'" : node.toString();
        return text(text.length() > 40 ? text.substring(0, 40) + "..." : text, 64);
    }

    private UnableToParseException invalid(String problem) {
        return new UnableToParseException(name + " " + problem, name);
    }

    /** A run's rule descriptors, found by a result's index or id. */
    private record Rules(JsonNode descriptors, Map<String, JsonNode> byId) {
        static Rules of(JsonNode descriptors) {
            Map<String, JsonNode> byId = new HashMap<>();
            if (descriptors.isArray()) {
                for (JsonNode descriptor : descriptors) {
                    if (descriptor.path("id").isTextual()) {
                        byId.putIfAbsent(descriptor.get("id").asText(), descriptor);
                    }
                }
            }
            return new Rules(descriptors, byId);
        }

        Optional<JsonNode> find(JsonNode result) {
            JsonNode index = result.path("ruleIndex");
            if (!index.canConvertToInt()) {
                index = result.path("rule").path("index");
            }
            if (index.canConvertToInt() && descriptors.isArray()) {
                JsonNode descriptor = descriptors.path(index.asInt());
                if (descriptor.isObject()) {
                    return Optional.of(descriptor);
                }
            }
            JsonNode id = result.path("ruleId").isTextual()
                    ? result.get("ruleId")
                    : result.path("rule").path("id");
            return id.isTextual() ? Optional.ofNullable(byId.get(id.asText())) : Optional.empty();
        }
    }
}
