package dev.assay.catalog.ruby;

import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.HashAlgorithm;
import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Unknown;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Bundler {@code Gemfile.lock}: the {@code GEM}, {@code GIT}, {@code PATH} and {@code PLUGIN
 * SOURCE} sections list resolved gems ({@code specs:}, four spaces) with their own dependencies (six
 * spaces); {@code DEPENDENCIES} lists what the Gemfile asked for directly; {@code CHECKSUMS} (Bundler 2.5+)
 * adds SHA-256 digests. A gem built for a platform is written {@code name (version-platform)}; the platform
 * becomes the purl's {@code platform} qualifier, as the purl spec defines for gems.
 */
final class GemfileLockParser {
    static final String VERSION_SOURCE = "Gemfile.lock";

    private static final Pattern SPEC = Pattern.compile("^ {4}([^ ()!]+) \\(([^)]+)\\)$");
    private static final Pattern DEPENDENCY = Pattern.compile("^ {6}([^ ()!]+)(?: \\(.*\\))?$");
    private static final Pattern DIRECT = Pattern.compile("^ {2}([^ ()!]+)(!)?(?: \\(.*\\))?$");
    private static final Pattern SHA256_CHECKSUM = Pattern.compile("sha256=[0-9a-fA-F]{64}");
    private static final Pattern CHECKSUM = Pattern.compile("^ {2}([^ ()!]+) \\(([^)]+)\\)(?: (.*))?$");
    private static final Pattern ATTRIBUTE = Pattern.compile("^ {2}(remote|revision|ref|branch|tag): (.*)$");
    private static final Pattern GEM_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final Pattern GEM_VERSION = Pattern.compile("[0-9][0-9A-Za-z.]{0,99}");

    /** Ruby platform names as Bundler writes them after a version ({@code x86_64-linux}, {@code java}). */
    private static final Pattern PLATFORM =
            Pattern.compile("^([0-9][0-9A-Za-z.]*)-((?:x86|x64|i[3-6]86|arm|aarch64|java|"
                    + "jruby|mingw|mswin|darwin|linux|universal|freebsd|openbsd|netbsd|solaris|cygwin|powerpc|ppc|s390|wasm|"
                    + "dalvik|mips|riscv|sparc|truffleruby)\\S*)$");

    private GemfileLockParser() {}

    private record Gem(
            String name, String version, String platform, String section, String source, List<String> dependencies) {
        Purl purl() {
            return Purl.of(
                    PackageType.GEM, "", name, version, platform.isEmpty() ? Map.of() : Map.of("platform", platform));
        }

        String key() {
            return name + " " + version + (platform.isEmpty() ? "" : "-" + platform);
        }
    }

    static CatalogResult parse(ParseInput input) throws IOException {
        List<Gem> gems = new ArrayList<>();
        Set<String> direct = new LinkedHashSet<>();
        Map<String, String> checksums = new HashMap<>();
        List<Unknown> unknowns = new ArrayList<>();
        String section = "";
        Map<String, String> attributes = new LinkedHashMap<>();
        boolean inSpecs = false;
        Gem current = null;
        String bundler = "";
        int lineNumber = 0;
        for (String line : input.text().split("\r?\n")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            if (!line.startsWith(" ")) {
                section = line.strip();
                attributes.clear();
                inSpecs = false;
                current = null;
                continue;
            }
            switch (section) {
                case "GEM", "GIT", "PATH", "PLUGIN SOURCE" -> {
                    Matcher attribute = ATTRIBUTE.matcher(line);
                    if (attribute.matches()) {
                        attributes.put(attribute.group(1), attribute.group(2).strip());
                    } else if (line.equals("  specs:")) {
                        inSpecs = true;
                    } else if (inSpecs && line.startsWith("      ")) {
                        Matcher dependency = DEPENDENCY.matcher(line);
                        if (current != null && dependency.matches()) {
                            current.dependencies().add(dependency.group(1));
                        }
                    } else if (inSpecs && line.startsWith("    ")) {
                        current = gem(line, section, attributes).orElse(null);
                        if (current == null) {
                            unknowns.add(new Unknown(
                                    input.location(),
                                    input.catalogerId(),
                                    "Gemfile.lock line " + lineNumber + " is not a gem specification"));
                        } else {
                            gems.add(current);
                        }
                    }
                }
                case "DEPENDENCIES" -> {
                    Matcher dependency = DIRECT.matcher(line);
                    if (dependency.matches()) {
                        direct.add(dependency.group(1));
                    }
                }
                case "CHECKSUMS" -> {
                    Matcher checksum = CHECKSUM.matcher(line);
                    if (checksum.matches() && checksum.group(3) != null) {
                        for (String digest : checksum.group(3).split(",")) {
                            String trimmed = digest.strip();
                            if (SHA256_CHECKSUM.matcher(trimmed).matches()) {
                                checksums.put(checksum.group(1) + " " + checksum.group(2), trimmed.substring(7));
                            }
                        }
                    }
                }
                case "BUNDLED WITH" -> bundler = line.strip();
                default -> {
                    // PLATFORMS and RUBY VERSION describe the environment, not packages.
                }
            }
        }
        return result(input, gems, direct, checksums, bundler, unknowns);
    }

    private static java.util.Optional<Gem> gem(String line, String section, Map<String, String> attributes) {
        Matcher spec = SPEC.matcher(line);
        if (!spec.matches() || !GEM_NAME.matcher(spec.group(1)).matches()) {
            return java.util.Optional.empty();
        }
        String version = spec.group(2);
        String platform = "";
        Matcher withPlatform = PLATFORM.matcher(version);
        if (withPlatform.matches()) {
            version = withPlatform.group(1);
            platform = withPlatform.group(2);
        }
        if (!GEM_VERSION.matcher(version).matches()) {
            return java.util.Optional.empty();
        }
        String remote = attributes.getOrDefault("remote", "");
        String source = switch (section) {
            case "GIT" ->
                "git:" + remote + (attributes.containsKey("revision") ? "@" + attributes.get("revision") : "");
            case "PATH" -> "path:" + remote;
            case "PLUGIN SOURCE" -> "plugin:" + remote;
            default -> remote;
        };
        return java.util.Optional.of(new Gem(spec.group(1), version, platform, section, source, new ArrayList<>()));
    }

    private static CatalogResult result(
            ParseInput input,
            List<Gem> gems,
            Set<String> direct,
            Map<String, String> checksums,
            String bundler,
            List<Unknown> unknowns) {
        Map<String, List<Gem>> byName = new HashMap<>();
        for (Gem gem : gems) {
            byName.computeIfAbsent(gem.name(), name -> new ArrayList<>()).add(gem);
        }
        // A gemspec project locks itself as a PATH gem at "."; it is the root the Gemfile's dependencies hang from.
        List<Gem> roots = gems.stream()
                .filter(gem -> gem.section().equals("PATH") && gem.source().equals("path:."))
                .toList();
        List<Component> components = new ArrayList<>();
        List<Relationship> relationships = new ArrayList<>();
        for (Gem gem : gems) {
            boolean root = roots.contains(gem);
            Component.Builder component = input.component(gem.purl(), VERSION_SOURCE)
                    .kind(root ? ComponentKind.APPLICATION : ComponentKind.LIBRARY)
                    .property("assay:gem-source", gem.source())
                    .property("assay:gem-platform", gem.platform())
                    .property("assay:gem-direct", direct.contains(gem.name()) ? "true" : "")
                    .property("assay:bundler-version", root ? bundler : "");
            String checksum = checksums.get(gem.key());
            if (checksum != null) {
                component.hash(HashAlgorithm.SHA256, checksum);
            }
            components.add(component.build());
            for (String dependency : gem.dependencies()) {
                for (Gem target : byName.getOrDefault(dependency, List.of())) {
                    relationships.add(Relationship.dependsOn(gem.purl(), target.purl()));
                }
            }
        }
        for (Gem root : roots) {
            for (String name : direct) {
                for (Gem target : byName.getOrDefault(name, List.of())) {
                    if (!target.name().equals(root.name())) {
                        relationships.add(Relationship.dependsOn(root.purl(), target.purl()));
                    }
                }
            }
        }
        return new CatalogResult(components, relationships, unknowns);
    }
}
