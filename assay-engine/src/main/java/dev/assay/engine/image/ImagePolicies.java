package dev.assay.engine.image;

import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import dev.assay.policy.image.Authority;
import dev.assay.policy.image.ImagePolicyParser;
import dev.assay.policy.image.ImagePolicySpec;
import dev.assay.policy.image.ProvenanceRule;
import dev.assay.sign.slsa.BuildLevelPolicy;
import dev.assay.sign.slsa.ProvenanceExpectations;
import dev.assay.sigstore.TrustRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns {@code kind: ImagePolicy} documents into admission policies and mutators bound to one {@link
 * ImagePolicyRuntime}: keys and trusted roots are read now, so a broken policy fails to load (naming file,
 * line and field) rather than denying pods later. Documents of other Assay kinds in the same files
 * ({@code kind: Policy}) are left to their own loader.
 */
public final class ImagePolicies {
    private ImagePolicies() {}

    /**
     * The policies of one or more documents, and a digest mutator for each that sets {@code mutateDigest}.
     */
    public record Loaded(List<ImageSupplyChainPolicy> policies, List<ImageDigestMutator> mutators) {
        public Loaded {
            policies = List.copyOf(policies);
            mutators = List.copyOf(mutators);
        }

        static Loaded concat(List<Loaded> parts) {
            List<ImageSupplyChainPolicy> policies = new ArrayList<>();
            List<ImageDigestMutator> mutators = new ArrayList<>();
            parts.forEach(part -> {
                policies.addAll(part.policies());
                mutators.addAll(part.mutators());
            });
            return new Loaded(policies, mutators);
        }
    }

    /**
     * The image policies in {@code content}; relative files are resolved against the directory of {@code
     * source} when it names a file, else against the working directory.
     *
     * @throws InvalidInputException when the content holds no image policy or one is broken
     */
    public static Loaded parse(String content, String source, ImagePolicyRuntime runtime) {
        return parse(content, source, baseOf(source), runtime);
    }

    public static Loaded parse(String content, String source, Path baseDirectory, ImagePolicyRuntime runtime) {
        return build(ImagePolicyParser.parse(content, source, baseDirectory), runtime);
    }

    /**
     * A policy file, or every {@code .yaml}, {@code .yml} and {@code .json} file of a directory (not its
     * subdirectories) in name order. In a directory, files without image policies are skipped; a single file
     * must hold one.
     *
     * @throws InvalidInputException when a file cannot be read or a policy is broken
     */
    public static Loaded load(Path fileOrDirectory, ImagePolicyRuntime runtime) {
        if (!Files.isDirectory(fileOrDirectory)) {
            return parse(read(fileOrDirectory), fileOrDirectory.toString(), baseOf(fileOrDirectory), runtime);
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(fileOrDirectory)) {
            files = listed.filter(Files::isRegularFile)
                    .filter(ImagePolicies::isPolicyFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InvalidInputException(
                    "cannot list " + fileOrDirectory + ": " + e.getMessage(), fileOrDirectory.toString(), e);
        }
        List<Loaded> loaded = new ArrayList<>();
        for (Path file : files) {
            loaded.add(build(ImagePolicyParser.parseAny(read(file), file.toString(), baseOf(file)), runtime));
        }
        return Loaded.concat(loaded);
    }

    /** One parsed document as a policy and, with {@code mutateDigest}, a mutator. */
    public static Loaded build(List<ImagePolicySpec> specs, ImagePolicyRuntime runtime) {
        Map<Path, TrustRoot> roots = new HashMap<>();
        List<ImageSupplyChainPolicy> policies = new ArrayList<>();
        List<ImageDigestMutator> mutators = new ArrayList<>();
        for (ImagePolicySpec spec : specs) {
            policies.add(new ImageSupplyChainPolicy(spec, runtime, digestChecks(spec, runtime, roots)));
            if (spec.mutateDigest()) {
                mutators.add(new ImageDigestMutator(spec, runtime));
            }
        }
        return new Loaded(policies, mutators);
    }

    private static Optional<DigestChecks> digestChecks(
            ImagePolicySpec spec, ImagePolicyRuntime runtime, Map<Path, TrustRoot> roots) {
        if (spec.signatures().isEmpty()
                && spec.provenance().isEmpty()
                && spec.vulnerabilities().isEmpty()) {
            return Optional.empty();
        }
        Map<Authority, TrustedAuthority> loaded = new HashMap<>();
        List<TrustedAuthority> signatures = spec.signatures()
                .map(rule -> trusted(rule.authorities(), loaded, roots))
                .orElse(List.of());
        List<TrustedAuthority> provenanceSigners = spec.provenance()
                .map(rule -> trusted(rule.signedBy(), loaded, roots))
                .orElse(List.of());
        Optional<ProvenanceExpectations> provenance = spec.provenance().map(rule -> expectations(spec, rule));
        List<TrustedAuthority> vulnerabilitySigners = spec.vulnerabilities()
                .map(rule -> trusted(rule.signedBy(), loaded, roots))
                .orElse(List.of());
        if (spec.vulnerabilities().isPresent()
                && spec.vulnerabilities().get().scan()
                && runtime.scanner().isEmpty()) {
            throw new InvalidInputException(
                    spec.source() + ": policy " + spec.name() + ": spec.vulnerabilities.scan is true, but no"
                            + " advisory database is configured to scan with",
                    spec.source());
        }
        return Optional.of(
                new DigestChecks(spec, runtime, signatures, provenanceSigners, provenance, vulnerabilitySigners));
    }

    private static List<TrustedAuthority> trusted(
            List<Authority> authorities, Map<Authority, TrustedAuthority> loaded, Map<Path, TrustRoot> roots) {
        return authorities.stream()
                .map(authority -> loaded.computeIfAbsent(authority, key -> TrustedAuthority.load(key, roots)))
                .toList();
    }

    private static ProvenanceExpectations expectations(ImagePolicySpec spec, ProvenanceRule rule) {
        String where = spec.source() + ": policy " + spec.name() + ": spec.provenance";
        try {
            return new ProvenanceExpectations(
                    rule.builderId(),
                    rule.sourceRepository(),
                    rule.sourceRef(),
                    rule.minBuildLevel(),
                    rule.builders().isEmpty()
                            ? Optional.empty()
                            : Optional.of(BuildLevelPolicy.of(rule.builders(), where + ".builders")));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(where + ": " + e.getMessage(), spec.source(), e);
        }
    }

    private static boolean isPolicyFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private static String read(Path file) {
        try {
            if (Files.size(file) > ImagePolicyParser.MAX_BYTES) {
                throw new InputTooLargeException(
                        file + " is larger than " + ImagePolicyParser.MAX_BYTES + " bytes; not a policy",
                        file.toString());
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(
                    "cannot read the policy " + file + ": " + e.getMessage(), file.toString(), e);
        }
    }

    private static Path baseOf(String source) {
        try {
            return baseOf(Path.of(source));
        } catch (java.nio.file.InvalidPathException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    private static Path baseOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }
}
