package dev.assay.sign.slsa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.model.untrusted.SafeYaml;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which builders are trusted and the SLSA build level each provides. A builder's level is a judgement about
 * the build platform (isolation, who can forge its provenance) that the provenance cannot make about
 * itself, so it comes from the verifier's own policy, in YAML or JSON:
 *
 * <pre>{@code
 * builders:
 *   https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml: 3
 *   https://gitlab.com/acme/app/-/runners/12270831: 2
 * }</pre>
 *
 * Ids match as {@link BuilderIds} says (an id without {@code @version} covers every version); when a
 * versioned entry and an unversioned one both match, the versioned one decides, so that one bad version
 * can be rated down. A policy with unknown keys is refused: a misspelt key in a security policy must not
 * pass silently.
 */
public final class BuildLevelPolicy {
    /** Far larger than any real list of trusted builders; bounds what a hostile file costs. */
    public static final int MAX_BYTES = 1024 * 1024;

    /** SLSA v1.0's build track has levels 0 to 3. */
    public static final int MAX_LEVEL = 3;

    private static final Set<String> KNOWN_KEYS = Set.of("builders");

    private final Map<String, Integer> levels;

    private BuildLevelPolicy(Map<String, Integer> levels) {
        this.levels = Collections.unmodifiableMap(levels);
    }

    /** The trusted builder ids and their levels, in the file's order. */
    public Map<String, Integer> levels() {
        return levels;
    }

    /** The level the policy grants {@code builderId}, or empty when the builder is not trusted at all. */
    public OptionalInt levelOf(String builderId) {
        Optional<Map.Entry<String, Integer>> versioned = matching(builderId, true);
        Optional<Map.Entry<String, Integer>> chosen = versioned.isPresent() ? versioned : matching(builderId, false);
        return chosen.map(e -> OptionalInt.of(e.getValue())).orElse(OptionalInt.empty());
    }

    private Optional<Map.Entry<String, Integer>> matching(String builderId, boolean versioned) {
        return levels.entrySet().stream()
                .filter(e -> BuilderIds.hasVersion(e.getKey()) == versioned)
                .filter(e -> BuilderIds.matches(e.getKey(), builderId))
                .findFirst();
    }

    /**
     * A policy given as a map rather than a file (an image policy's {@code provenance.builders}).
     *
     * @param name how the policy is named in errors
     * @throws InvalidInputException when it names no builder, or a level is outside 0-3
     */
    public static BuildLevelPolicy of(Map<String, Integer> levels, String name) {
        if (levels.isEmpty()) {
            throw invalid(name, "it must map at least one builder id to its SLSA build level");
        }
        Map<String, Integer> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> entry : levels.entrySet()) {
            if (entry.getKey() == null || entry.getKey().isBlank()) {
                throw invalid(name, "a builder id must be a non-empty string");
            }
            copy.put(entry.getKey(), level(entry.getValue(), entry.getKey(), name));
        }
        return new BuildLevelPolicy(copy);
    }

    /**
     * @param name how the file is named in errors
     * @throws InvalidInputException when the file is too large, not YAML or JSON, an alias bomb, or not of
     *     the form above
     */
    public static BuildLevelPolicy parse(byte[] content, String name) {
        if (content.length > MAX_BYTES) {
            throw new InputTooLargeException(name + " is larger than " + MAX_BYTES + " bytes; not a policy", name);
        }
        String text = new String(content, StandardCharsets.UTF_8);
        Object document = text.stripLeading().startsWith("{")
                ? SafeJson.mapper().convertValue(SafeJson.read(content, name), Object.class)
                : SafeYaml.load(text, name);
        if (!(document instanceof Map<?, ?> root)) {
            throw invalid(name, "expected a mapping with a 'builders' key");
        }
        for (Object key : root.keySet()) {
            if (!KNOWN_KEYS.contains(String.valueOf(key))) {
                throw invalid(name, "unknown key '" + key + "' (expected 'builders')");
            }
        }
        if (!(root.get("builders") instanceof Map<?, ?> builders) || builders.isEmpty()) {
            throw invalid(name, "'builders' must map at least one builder id to its SLSA build level");
        }
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : builders.entrySet()) {
            if (!(entry.getKey() instanceof String id) || id.isBlank()) {
                throw invalid(name, "a builder id must be a non-empty string");
            }
            levels.put(id, level(entry.getValue(), id, name));
        }
        return new BuildLevelPolicy(levels);
    }

    private static int level(Object value, String id, String name) {
        String text = value instanceof JsonNode node ? node.asText() : String.valueOf(value);
        int level;
        try {
            level = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(name, "the level of " + id + " is '" + text + "', not a number 0-" + MAX_LEVEL);
        }
        if (level < 0 || level > MAX_LEVEL) {
            throw invalid(name, "the level of " + id + " is " + level + "; SLSA build levels are 0-" + MAX_LEVEL);
        }
        return level;
    }

    private static InvalidInputException invalid(String name, String problem) {
        return new InvalidInputException(name + " is not a provenance policy: " + problem, name);
    }
}
