package dev.assay.policy.image;

import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import dev.assay.model.Severity;
import dev.assay.model.untrusted.LocatedYaml;
import dev.assay.policy.admission.Enforcement;
import dev.assay.policy.admission.FailurePolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code kind: ImagePolicy} documents (YAML or JSON) through the hardened YAML reader:
 *
 * <pre>{@code
 * apiVersion: assay.dev/v1
 * kind: ImagePolicy
 * metadata:
 *   name: acme-images
 * spec:
 *   images: ["ghcr.io/acme/**"]          # repositories covered; default ["**"]
 *   mode: enforce                         # enforce | warn | audit
 *   failurePolicy: Fail                   # Fail | Ignore: when the registry cannot be reached
 *   allowedRegistries: [ghcr.io]
 *   requireDigest: false
 *   disallowLatest: true
 *   mutateDigest: true
 *   cacheTTL: 5m
 *   signatures:
 *     anyOf:                              # or allOf
 *       - name: release
 *         key: {file: cosign.pub}         # or pem: "-----BEGIN PUBLIC KEY-----..."
 *       - name: ci
 *         keyless:
 *           issuer: https://token.actions.githubusercontent.com
 *           subjectRegExp: ^https://github\.com/acme/app/\.github/workflows/.*$
 *           trustedRoot: trusted_root.json
 *   provenance:
 *     builderId: https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml
 *     sourceRepository: github.com/acme/app
 *     signedBy: [...]                     # default: the authorities of signatures
 *   vulnerabilities:
 *     maxSeverity: high                   # deny any HIGH or CRITICAL
 *     scan: false                         # scan with Assay when no attestation exists
 *     signedBy: [...]
 * }</pre>
 *
 * Unknown fields are refused (a misspelt key in a security policy must not pass silently) and every error
 * names the file, line and field. Relative files are resolved against {@code baseDirectory}; nothing is read.
 */
public final class ImagePolicyParser {
    public static final String API_VERSION = "assay.dev/v1";
    public static final String KIND = "ImagePolicy";

    /** Far larger than any real policy; bounds what a hostile file costs. */
    public static final int MAX_BYTES = 1024 * 1024;

    public static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(5);
    static final Duration MAX_CACHE_TTL = Duration.ofHours(24);
    static final int MAX_PATTERNS = 256;

    private static final Set<String> TOP = Set.of("apiVersion", "kind", "metadata", "spec");
    private static final Set<String> METADATA = Set.of("name", "labels", "annotations");
    private static final Set<String> SPEC = Set.of(
            "images",
            "mode",
            "failurePolicy",
            "allowedRegistries",
            "requireDigest",
            "disallowLatest",
            "mutateDigest",
            "signatures",
            "provenance",
            "vulnerabilities",
            "cacheTTL");
    private static final Set<String> SIGNATURES = Set.of("anyOf", "allOf");
    private static final Set<String> PROVENANCE =
            Set.of("builderId", "builders", "sourceRepository", "sourceRef", "minBuildLevel", "signedBy");
    private static final Set<String> VULNERABILITIES = Set.of("maxSeverity", "scan", "signedBy", "maxScanAge");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private ImagePolicyParser() {}

    /** Whether a loaded document declares itself an image policy. */
    public static boolean isImagePolicy(Object document) {
        return document instanceof Map<?, ?> map
                && API_VERSION.equals(map.get("apiVersion"))
                && KIND.equals(map.get("kind"));
    }

    /**
     * The image policies among the documents of {@code content}. Documents of other Assay kinds ({@code
     * apiVersion: assay.dev/v1}, such as {@code kind: Policy}) are left to their own loaders; anything else
     * is an error, as is content without any image policy.
     *
     * @param source how the content is named in errors (its file)
     * @param baseDirectory what relative key and trusted-root files are resolved against
     * @throws InvalidInputException naming file, line and field of the first problem
     */
    public static List<ImagePolicySpec> parse(String content, String source, Path baseDirectory) {
        List<ImagePolicySpec> policies = parseAny(content, source, baseDirectory);
        if (policies.isEmpty()) {
            throw new InvalidInputException(source + " contains no " + KIND + " document", source);
        }
        return policies;
    }

    /**
     * As {@link #parse}, but content with only other Assay kinds gives an empty list: for loading a
     * directory whose files hold image policies and CEL policies side by side.
     */
    public static List<ImagePolicySpec> parseAny(String content, String source, Path baseDirectory) {
        if (content.length() > MAX_BYTES || content.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InputTooLargeException(source + " is larger than " + MAX_BYTES + " bytes; not a policy", source);
        }
        List<ImagePolicySpec> policies = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (LocatedYaml.Document document : LocatedYaml.loadAll(content, source)) {
            if (document.value() == null) {
                continue;
            }
            PolicyFields fields = new PolicyFields(document, source);
            if (!(document.value() instanceof Map<?, ?> map)) {
                throw fields.invalid(
                        "", "expected a policy document (a mapping), found " + PolicyFields.describe(document.value()));
            }
            if (!isImagePolicy(map)) {
                if (API_VERSION.equals(map.get("apiVersion")) && map.get("kind") instanceof String) {
                    continue;
                }
                throw fields.invalid(
                        "",
                        "not an Assay policy: expected apiVersion " + API_VERSION + " and kind " + KIND + ", found "
                                + PolicyFields.describe(map.get("apiVersion")) + " and "
                                + PolicyFields.describe(map.get("kind")));
            }
            ImagePolicySpec policy = parse(fields, map, baseDirectory);
            if (!names.add(policy.name())) {
                throw fields.invalid(
                        "/metadata/name", "a second policy named '" + policy.name() + "' in the same file");
            }
            policies.add(policy);
        }
        return List.copyOf(policies);
    }

    private static ImagePolicySpec parse(PolicyFields fields, Map<?, ?> document, Path base) {
        fields.map(document, "", TOP);
        Map<?, ?> metadata = fields.map(document.get("metadata"), "/metadata", METADATA);
        String name = fields.string(metadata.get("name"), "/metadata/name");
        if (!NAME.matcher(name).matches()) {
            throw fields.invalid(
                    "/metadata/name", "'" + PolicyFields.abbreviate(name) + "' is not a lower-case DNS name");
        }
        Map<?, ?> spec = fields.map(document.get("spec"), "/spec", SPEC);
        List<ImageGlob> images = spec.get("images") == null
                ? List.of(ImageGlob.of("**"))
                : fields.strings(spec.get("images"), "/spec/images", MAX_PATTERNS).stream()
                        .map(ImageGlob::of)
                        .toList();
        if (images.isEmpty()) {
            throw fields.invalid("/spec/images", "names no repository: the policy would cover nothing");
        }
        Enforcement mode = spec.get("mode") == null ? Enforcement.ENFORCE : mode(fields, spec.get("mode"));
        FailurePolicy failurePolicy = spec.get("failurePolicy") == null
                ? FailurePolicy.FAIL
                : failurePolicy(fields, spec.get("failurePolicy"));
        List<String> registries = spec.get("allowedRegistries") == null
                ? List.of()
                : fields.strings(spec.get("allowedRegistries"), "/spec/allowedRegistries", MAX_PATTERNS);
        if (spec.get("allowedRegistries") != null && registries.isEmpty()) {
            throw fields.invalid("/spec/allowedRegistries", "is empty: no image could be admitted");
        }
        boolean requireDigest = flag(fields, spec, "requireDigest");
        boolean disallowLatest = flag(fields, spec, "disallowLatest");
        boolean mutateDigest = flag(fields, spec, "mutateDigest");
        Optional<SignatureRule> signatures = spec.get("signatures") == null
                ? Optional.empty()
                : Optional.of(signatures(fields, spec.get("signatures"), base));
        List<Authority> defaultSigners =
                signatures.map(SignatureRule::authorities).orElse(List.of());
        Optional<ProvenanceRule> provenance = spec.get("provenance") == null
                ? Optional.empty()
                : Optional.of(provenance(fields, spec.get("provenance"), base, defaultSigners));
        Optional<VulnerabilityRule> vulnerabilities = spec.get("vulnerabilities") == null
                ? Optional.empty()
                : Optional.of(vulnerabilities(fields, spec.get("vulnerabilities"), base, defaultSigners));
        Duration ttl = spec.get("cacheTTL") == null
                ? DEFAULT_CACHE_TTL
                : duration(fields, spec.get("cacheTTL"), "/spec/cacheTTL", MAX_CACHE_TTL);
        if (registries.isEmpty()
                && !requireDigest
                && !disallowLatest
                && !mutateDigest
                && signatures.isEmpty()
                && provenance.isEmpty()
                && vulnerabilities.isEmpty()) {
            throw fields.invalid(
                    "/spec",
                    "checks nothing: set at least one of "
                            + SPEC.stream()
                                    .filter(key -> !Set.of("images", "mode", "failurePolicy", "cacheTTL")
                                            .contains(key))
                                    .sorted()
                                    .toList());
        }
        return new ImagePolicySpec(
                name,
                fields.source(),
                images,
                mode,
                failurePolicy,
                registries,
                requireDigest,
                disallowLatest,
                mutateDigest,
                signatures,
                provenance,
                vulnerabilities,
                ttl);
    }

    private static Enforcement mode(PolicyFields fields, Object value) {
        String text = fields.string(value, "/spec/mode");
        try {
            return Enforcement.parse(text, fields.source());
        } catch (InvalidInputException e) {
            throw fields.invalid("/spec/mode", e.getMessage());
        }
    }

    private static FailurePolicy failurePolicy(PolicyFields fields, Object value) {
        String text = fields.string(value, "/spec/failurePolicy");
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "fail" -> FailurePolicy.FAIL;
            case "ignore" -> FailurePolicy.IGNORE;
            default ->
                throw fields.invalid(
                        "/spec/failurePolicy", "'" + PolicyFields.abbreviate(text) + "' is not Fail or Ignore");
        };
    }

    private static boolean flag(PolicyFields fields, Map<?, ?> spec, String key) {
        return spec.get(key) != null && fields.bool(spec.get(key), "/spec/" + key);
    }

    private static SignatureRule signatures(PolicyFields fields, Object value, Path base) {
        Map<?, ?> map = fields.map(value, "/spec/signatures", SIGNATURES);
        if (map.size() != 1) {
            throw fields.invalid("/spec/signatures", "give exactly one of anyOf and allOf");
        }
        boolean allOf = map.containsKey("allOf");
        String pointer = "/spec/signatures/" + (allOf ? "allOf" : "anyOf");
        return new SignatureRule(
                allOf, AuthorityParser.authorities(fields, map.get(allOf ? "allOf" : "anyOf"), pointer, base));
    }

    private static ProvenanceRule provenance(
            PolicyFields fields, Object value, Path base, List<Authority> defaultSigners) {
        String pointer = "/spec/provenance";
        Map<?, ?> map = fields.map(value, pointer, PROVENANCE);
        Optional<String> builderId = optionalString(fields, map, "builderId", pointer);
        Map<String, Integer> builders = new LinkedHashMap<>();
        if (map.get("builders") != null) {
            Map<?, ?> declared = fields.map(map.get("builders"), pointer + "/builders", anyKey(map.get("builders")));
            if (declared.size() > AuthorityParser.MAX_AUTHORITIES) {
                throw fields.invalid(
                        pointer + "/builders", "names more than " + AuthorityParser.MAX_AUTHORITIES + " builders");
            }
            for (Map.Entry<?, ?> entry : declared.entrySet()) {
                String id = String.valueOf(entry.getKey());
                String entryPointer = pointer + "/builders/" + PolicyFields.escape(id);
                if (id.isBlank()) {
                    throw fields.invalid(entryPointer, "a builder id must not be empty");
                }
                builders.put(id, level(fields, entry.getValue(), entryPointer));
            }
        }
        if (builderId.isEmpty() && builders.isEmpty()) {
            throw fields.invalid(
                    pointer,
                    "say which builder is trusted: builderId, or builders mapping builder ids to their SLSA build level");
        }
        OptionalInt minimum = OptionalInt.empty();
        if (map.get("minBuildLevel") != null) {
            if (builders.isEmpty()) {
                throw fields.invalid(
                        pointer + "/minBuildLevel",
                        "needs builders: the level a builder provides is the verifier's judgement, not the"
                                + " provenance's own claim");
            }
            minimum = OptionalInt.of(level(fields, map.get("minBuildLevel"), pointer + "/minBuildLevel"));
        }
        List<Authority> signers = signers(fields, map, pointer, base, defaultSigners, false);
        return new ProvenanceRule(
                builderId,
                builders,
                optionalString(fields, map, "sourceRepository", pointer),
                optionalString(fields, map, "sourceRef", pointer),
                minimum,
                signers);
    }

    private static VulnerabilityRule vulnerabilities(
            PolicyFields fields, Object value, Path base, List<Authority> defaultSigners) {
        String pointer = "/spec/vulnerabilities";
        Map<?, ?> map = fields.map(value, pointer, VULNERABILITIES);
        String text = fields.string(map.get("maxSeverity"), pointer + "/maxSeverity");
        Severity severity = Severity.fromLabel(text)
                .filter(found -> found != Severity.UNKNOWN)
                .orElseThrow(() -> fields.invalid(
                        pointer + "/maxSeverity",
                        "'" + PolicyFields.abbreviate(text) + "' is not one of critical, high, medium, low"));
        boolean scan = map.get("scan") != null && fields.bool(map.get("scan"), pointer + "/scan");
        Optional<Duration> maxAge = map.get("maxScanAge") == null
                ? Optional.empty()
                : Optional.of(duration(fields, map.get("maxScanAge"), pointer + "/maxScanAge", Duration.ofDays(3650)));
        List<Authority> signers = signers(fields, map, pointer, base, defaultSigners, scan);
        return new VulnerabilityRule(severity, scan, signers, maxAge);
    }

    private static List<Authority> signers(
            PolicyFields fields,
            Map<?, ?> map,
            String pointer,
            Path base,
            List<Authority> defaultSigners,
            boolean optional) {
        if (map.get("signedBy") != null) {
            return AuthorityParser.authorities(fields, map.get("signedBy"), pointer + "/signedBy", base);
        }
        if (defaultSigners.isEmpty() && !optional) {
            throw fields.invalid(
                    pointer,
                    "needs signedBy (keys or keyless identities trusted to sign the attestation), or spec.signatures"
                            + " whose authorities are then used");
        }
        return defaultSigners;
    }

    private static Optional<String> optionalString(PolicyFields fields, Map<?, ?> map, String key, String pointer) {
        return map.get(key) == null ? Optional.empty() : Optional.of(fields.string(map.get(key), pointer + "/" + key));
    }

    private static Set<String> anyKey(Object value) {
        Set<String> keys = new HashSet<>();
        if (value instanceof Map<?, ?> map) {
            map.keySet().forEach(key -> keys.add(String.valueOf(key)));
        }
        return keys;
    }

    private static int level(PolicyFields fields, Object value, String pointer) {
        String text = fields.string(value, pointer);
        if (!text.matches("[0-3]")) {
            throw fields.invalid(pointer, "'" + PolicyFields.abbreviate(text) + "' is not a SLSA build level 0-3");
        }
        return Integer.parseInt(text);
    }

    /** {@code 90s}, {@code 5m}, {@code 2h}, {@code 1d}, {@code 500ms} or ISO-8601 ({@code PT5M}). */
    static Duration duration(PolicyFields fields, Object value, String pointer, Duration max) {
        String text = fields.string(value, pointer);
        Duration duration;
        Matcher matcher = DURATION.matcher(text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            duration = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                duration = Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw fields.invalid(
                        pointer, "'" + PolicyFields.abbreviate(text) + "' is not a duration (e.g. 30s, 5m, 1h)");
            }
        }
        if (duration.isNegative() || duration.compareTo(max) > 0) {
            throw fields.invalid(
                    pointer,
                    text + " is outside 0 to " + max.toString().substring(2).toLowerCase(Locale.ROOT));
        }
        return duration;
    }
}
