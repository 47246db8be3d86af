package dev.assay.catalog.python;

import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.catalog.spi.Words;
import dev.assay.model.AssayException;
import dev.assay.model.Component;
import dev.assay.model.Evidence;
import dev.assay.model.Hash;
import dev.assay.model.Location;
import dev.assay.model.Purl;
import dev.assay.model.Scope;
import dev.assay.model.Unknown;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads pip requirements files the way pip does: backslash continuations are joined, {@code #} comments
 * dropped, {@code -r}/{@code -c} includes followed relative to the including file (each file read once,
 * so include cycles end), {@code --hash} options become hashes and environment markers are kept as a
 * property.
 *
 * <p>Versions. A pin ({@code ==1.2.3}, {@code ===1.2.3}) is a version. A range ({@code >=1.0}) or a bare
 * name is not: pip picks the version at install time. Such lines still become components, because the
 * dependency is real and an SBOM that drops it hides it, but with an <em>empty version</em> and the
 * range in {@code assay:version-constraint} ({@code *} for a bare name), so that vulnerability matching
 * can tell "some version" from a known one and skip it instead of guessing. A constraints file
 * ({@code -c}) that pins the name supplies the version instead; a range for a name pinned elsewhere in
 * the same set of files is dropped as redundant. Editable installs and VCS or URL requirements are
 * skipped (with a debug log) unless the URL names a wheel or sdist file whose name carries the version.
 *
 * <p>Scope. Files whose name marks them as development-only ({@code requirements-dev.txt},
 * {@code test-requirements.txt}, {@code requirements/docs.txt}) give excluded components.
 *
 * <p>A file where most lines are not requirements (prose that happens to be named
 * {@code requirements.txt}) is reported as an unknown instead of yielding its words as packages.
 */
final class RequirementsFileParser {
    private static final Logger LOG = LoggerFactory.getLogger(RequirementsFileParser.class);

    /** A joined logical line longer than this is hostile or broken; pip-compile lines with 100 hashes are ~10 KB. */
    static final int MAX_LOGICAL_LINE = 1024 * 1024;

    private static final int MAX_INCLUDE_DEPTH = 16;
    private static final int MAX_FILES = 256;
    private static final Set<String> DEV_WORDS =
            Set.of("dev", "develop", "development", "test", "tests", "testing", "lint", "linting", "doc", "docs");
    private static final Pattern WORDS = Pattern.compile("[-_.]+");

    /** {@code name-version(-build)?-python-abi-platform.whl}: the version is the second field. */
    private static final Pattern WHEEL_FILE = Pattern.compile(
            "([A-Za-z0-9._]+)-([A-Za-z0-9.+!_]+)(-[0-9][^-/]*)?-[^-/]+-[^-/]+-[^-/]+\\.whl", Pattern.CASE_INSENSITIVE);

    private static final Pattern SDIST_FILE = Pattern.compile(
            "(.+)-([0-9][A-Za-z0-9.+!_]*)\\.(tar\\.gz|tar\\.bz2|tar\\.xz|tgz|zip)", Pattern.CASE_INSENSITIVE);

    private RequirementsFileParser() {}

    static CatalogResult parse(ParseInput input) throws IOException {
        Session session = new Session(input);
        session.read(input.location(), new String(input.bytes(), StandardCharsets.UTF_8), false, 0);
        return session.result();
    }

    private enum Kind {
        REQUIREMENTS,
        CONSTRAINTS
    }

    /** One requirement line that did not pin a version, kept until all constraints files are read. */
    private record Unpinned(PythonRequirement requirement, Location location, Scope scope, List<Hash> hashes) {}

    private record Pin(String version, Location location) {}

    private static final class Session {
        private final ParseInput input;
        private final Set<String> visited = new HashSet<>();
        private final List<Component> components = new ArrayList<>();
        private final List<Unpinned> unpinned = new ArrayList<>();
        private final Map<String, Pin> constraintPins = new HashMap<>();
        private final Set<String> pinnedNames = new HashSet<>();
        private final List<Unknown> unknowns = new ArrayList<>();
        private final boolean rootIsDev;

        Session(ParseInput input) {
            this.input = input;
            this.rootIsDev = isDevFile(input.location().path());
        }

        void read(Location location, String text, boolean constraints, int depth) {
            visited.add(location.path());
            Scope scope = rootIsDev || isDevFile(location.path()) ? Scope.EXCLUDED : Scope.REQUIRED;
            FileOutcome outcome = new FileOutcome();
            for (String line : logicalLines(text)) {
                if (line.length() > MAX_LOGICAL_LINE) {
                    LOG.debug("{}: skipping a line of {} characters", location, line.length());
                    outcome.invalid++;
                } else if (line.startsWith("-")) {
                    option(location, line, depth, outcome);
                } else {
                    requirement(location, line, constraints ? Kind.CONSTRAINTS : Kind.REQUIREMENTS, scope, outcome);
                }
            }
            if (outcome.invalid >= 3 && outcome.invalid > outcome.valid) {
                unknowns.add(new Unknown(
                        location,
                        input.catalogerId(),
                        "does not look like a pip requirements file: " + outcome.invalid + " of "
                                + (outcome.invalid + outcome.valid) + " lines are not requirements"));
                return;
            }
            components.addAll(outcome.components);
            unpinned.addAll(outcome.unpinned);
            constraintPins.putAll(outcome.pins);
            outcome.components.forEach(
                    component -> pinnedNames.add(component.purl().name()));
        }

        private void option(Location location, String line, int depth, FileOutcome outcome) {
            List<String> tokens = Words.split(line, 2);
            String flag = tokens.get(0);
            String value = tokens.size() > 1 ? tokens.get(1).strip() : "";
            int equals = flag.indexOf('=');
            if (flag.startsWith("--") && equals > 0) {
                value = flag.substring(equals + 1);
                flag = flag.substring(0, equals);
            } else if (flag.length() > 2 && !flag.startsWith("--")) {
                // pip accepts short options glued to their value: -rbase.txt
                value = flag.substring(2);
                flag = flag.substring(0, 2);
            }
            outcome.valid++;
            switch (flag) {
                case "-r", "--requirement" -> include(location, value, false, depth);
                case "-c", "--constraint" -> include(location, value, true, depth);
                case "-e", "--editable" -> LOG.debug("{}: skipping editable requirement {}", location, value);
                default -> LOG.trace("{}: ignoring option {}", location, flag);
            }
        }

        private void include(Location from, String target, boolean constraints, int depth) {
            if (target.isEmpty() || target.contains("://")) {
                LOG.debug("{}: not following include {}", from, target);
                return;
            }
            Optional<String> path = relativeTo(from.path(), target);
            if (path.isEmpty() || depth >= MAX_INCLUDE_DEPTH || visited.size() >= MAX_FILES) {
                LOG.debug("{}: not following include {} (outside the source, too deep or too many)", from, target);
                return;
            }
            if (visited.contains(path.get())) {
                return; // an include cycle, or a file already read through another include
            }
            Optional<Location> included = input.files().resolve(path.get());
            if (included.isEmpty() || visited.contains(included.get().path())) {
                if (included.isEmpty()) {
                    LOG.debug("{}: included file {} is not in the source", from, path.get());
                }
                visited.add(path.get());
                return;
            }
            visited.add(path.get());
            try {
                String text = new String(input.bytesOf(included.get()), StandardCharsets.UTF_8);
                read(included.get(), text, constraints, depth + 1);
            } catch (AssayException e) {
                unknowns.add(new Unknown(included.get(), input.catalogerId(), e.getMessage()));
            } catch (IOException e) {
                unknowns.add(new Unknown(included.get(), input.catalogerId(), "cannot read: " + e.getMessage()));
            }
        }

        private void requirement(Location location, String line, Kind kind, Scope scope, FileOutcome outcome) {
            // pip splits a line into the requirement and its per-requirement options at the first
            // whitespace-separated token that starts with '-'.
            List<String> tokens = Words.split(line);
            StringBuilder requirementText = new StringBuilder();
            List<Hash> hashes = new ArrayList<>();
            int index = 0;
            while (index < tokens.size() && !tokens.get(index).startsWith("-")) {
                requirementText.append(requirementText.isEmpty() ? "" : " ").append(tokens.get(index++));
            }
            for (; index < tokens.size(); index++) {
                String token = tokens.get(index);
                String hash = null;
                if (token.startsWith("--hash=")) {
                    hash = token.substring("--hash=".length());
                } else if (token.equals("--hash") && index + 1 < tokens.size()) {
                    hash = tokens.get(++index);
                }
                if (hash != null) {
                    PypiPackages.hash(hash).ifPresent(hashes::add);
                }
            }
            String text = requirementText.toString();
            Optional<PythonRequirement> parsed = PythonRequirement.parse(text);
            boolean bare = parsed.map(p -> p.specifier().isEmpty() && p.url().isEmpty())
                    .orElse(true);
            if (bare && looksLikeUrlOrPath(text)) {
                // A URL or a path (./dist/pkg-1.0-py3-none-any.whl) rather than a name.
                outcome.valid++;
                fromFileName(location, text, null, kind, scope, hashes, outcome);
                return;
            }
            if (parsed.isEmpty()) {
                LOG.debug("{}: skipping a line that is not a requirement: {}", location, abbreviate(text));
                outcome.invalid++;
                return;
            }
            outcome.valid++;
            PythonRequirement requirement = parsed.get();
            if (!requirement.url().isEmpty()) {
                fromFileName(location, requirement.url(), requirement, kind, scope, hashes, outcome);
                return;
            }
            Optional<String> pinned = requirement.pinnedVersion();
            if (kind == Kind.CONSTRAINTS) {
                pinned.ifPresent(version -> outcome.pins.put(requirement.normalizedName(), new Pin(version, location)));
            } else if (pinned.isPresent()) {
                outcome.components.add(
                        component(requirement, pinned.get(), location, "requirements file", scope, hashes));
            } else {
                outcome.unpinned.add(new Unpinned(requirement, location, scope, hashes));
            }
        }

        /** A URL or path requirement: a component only when the file name carries the version. */
        private void fromFileName(
                Location location,
                String reference,
                PythonRequirement requirement,
                Kind kind,
                Scope scope,
                List<Hash> hashes,
                FileOutcome outcome) {
            String withoutFragment = reference.split("[#?]", 2)[0];
            String file = withoutFragment.substring(withoutFragment.lastIndexOf('/') + 1);
            if (file.length() > 255) {
                // No file system has longer names; refusing them also bounds the regex work below.
                LOG.debug("{}: skipping a requirement with an over-long file name", location);
                return;
            }
            Matcher wheel = WHEEL_FILE.matcher(file);
            Matcher sdist = SDIST_FILE.matcher(file);
            String name;
            String version;
            if (wheel.matches()) {
                name = wheel.group(1);
                version = wheel.group(2);
            } else if (sdist.matches()) {
                name = sdist.group(1);
                version = sdist.group(2);
            } else {
                LOG.debug("{}: skipping {}: no version can be known from it", location, abbreviate(reference));
                return;
            }
            if (requirement != null && !requirement.normalizedName().equals(PypiPackages.normalize(name))) {
                LOG.debug("{}: skipping {}: the file name does not match {}", location, file, requirement.name());
                return;
            }
            if (!PypiPackages.isValidName(name) || kind == Kind.CONSTRAINTS) {
                return;
            }
            PythonRequirement named =
                    requirement != null ? requirement : new PythonRequirement(name, List.of(), "", "", reference);
            Component component = component(named, version, location, "file name", scope, hashes);
            outcome.components.add(component.toBuilder()
                    .property("assay:download-url", reference)
                    .build());
        }

        private Component component(
                PythonRequirement requirement,
                String version,
                Location location,
                String versionSource,
                Scope scope,
                List<Hash> hashes) {
            Purl purl = PypiPackages.purl(requirement.name(), version);
            Component.Builder builder = Component.builder(purl)
                    .name(requirement.name())
                    .version(version)
                    .scope(scope)
                    .evidence(new Evidence(input.catalogerId(), location, versionSource))
                    .property("assay:environment-marker", requirement.marker());
            hashes.forEach(builder::hash);
            return builder.build();
        }

        CatalogResult result() {
            List<Component> all = new ArrayList<>(components);
            Set<String> emittedRanges = new HashSet<>();
            for (Unpinned line : unpinned) {
                PythonRequirement requirement = line.requirement();
                String name = requirement.normalizedName();
                Pin pin = constraintPins.get(name);
                if (pin != null) {
                    all.add(component(
                            requirement,
                            pin.version(),
                            line.location(),
                            "constraints file " + pin.location().path(),
                            line.scope(),
                            line.hashes()));
                } else if (!pinnedNames.contains(name)) {
                    Component component = component(requirement, "", line.location(), "", line.scope(), line.hashes());
                    String constraint = requirement.specifier().isEmpty() ? "*" : requirement.specifier();
                    if (emittedRanges.add(
                            name + " " + constraint + " " + line.location().path())) {
                        all.add(component.toBuilder()
                                .property("assay:version-constraint", constraint)
                                .build());
                    }
                }
            }
            return new CatalogResult(all, List.of(), unknowns);
        }

        private Optional<String> relativeTo(String fromPath, String target) {
            String joined = target.startsWith("/") ? target.substring(1) : PyprojectManifest.sibling(fromPath, target);
            Deque<String> parts = new ArrayDeque<>();
            for (String part : joined.split("/")) {
                if (part.isEmpty() || part.equals(".")) {
                    continue;
                }
                if (part.equals("..")) {
                    if (parts.isEmpty()) {
                        return Optional.empty();
                    }
                    parts.removeLast();
                } else {
                    parts.addLast(part);
                }
            }
            return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
        }
    }

    /** What one file yielded; kept apart so that a file that is not a requirements file can be dropped whole. */
    private static final class FileOutcome {
        final List<Component> components = new ArrayList<>();
        final List<Unpinned> unpinned = new ArrayList<>();
        final Map<String, Pin> pins = new HashMap<>();
        int valid;
        int invalid;
    }

    /**
     * Joins continuation lines and drops comments, in pip's order: a line ending in a backslash continues
     * on the next, unless it is itself a comment; then everything from a {@code #} at the start or after
     * whitespace is a comment.
     */
    static List<String> logicalLines(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (String physical : physicalLines(content)) {
            boolean comment = physical.stripLeading().startsWith("#");
            if (physical.endsWith("\\") && !comment) {
                if (pending.length() <= MAX_LOGICAL_LINE) {
                    pending.append(physical, 0, physical.length() - 1);
                }
                continue;
            }
            if (!comment || pending.isEmpty()) {
                pending.append(physical);
            }
            String line = stripComment(pending.toString()).strip();
            pending.setLength(0);
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        String last = stripComment(pending.toString()).strip();
        if (!last.isEmpty()) {
            lines.add(last);
        }
        return lines;
    }

    /**
     * The text split at CR LF, CR or LF, keeping empty lines. Searches with indexOf rather than looking at
     * each character: a small command runs this loop in the interpreter, and a regex split costs more still.
     */
    static List<String> physicalLines(String content) {
        List<String> lines = new ArrayList<>();
        boolean carriageReturns = content.indexOf('\r') >= 0;
        int start = 0;
        while (true) {
            int end = content.indexOf('\n', start);
            if (carriageReturns) {
                int carriageReturn = content.indexOf('\r', start);
                if (carriageReturn >= 0 && (end < 0 || carriageReturn < end)) {
                    lines.add(content.substring(start, carriageReturn));
                    boolean crlf = carriageReturn + 1 < content.length() && content.charAt(carriageReturn + 1) == '\n';
                    start = carriageReturn + (crlf ? 2 : 1);
                    continue;
                }
            }
            if (end < 0) {
                lines.add(content.substring(start));
                return lines;
            }
            lines.add(content.substring(start, end));
            start = end + 1;
        }
    }

    private static String stripComment(String line) {
        for (int index = line.indexOf('#'); index >= 0; index = line.indexOf('#', index + 1)) {
            if (index == 0 || Character.isWhitespace(line.charAt(index - 1))) {
                return line.substring(0, index);
            }
        }
        return line;
    }

    private static boolean looksLikeUrlOrPath(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("://")
                || lower.startsWith(".")
                || lower.startsWith("/")
                || lower.startsWith("file:")
                || lower.endsWith(".whl")
                || lower.endsWith(".tar.gz")
                || lower.endsWith(".zip");
    }

    /** {@code requirements-dev.txt}, {@code dev-requirements.txt}, {@code requirements/test.txt}. */
    static boolean isDevFile(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (file.endsWith(".txt")) {
            file = file.substring(0, file.length() - 4);
        }
        for (String word : WORDS.split(file)) {
            if (DEV_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
