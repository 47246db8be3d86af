package dev.assay.catalog.java;

import dev.assay.catalog.spi.FileResolver;
import dev.assay.model.Location;
import dev.assay.model.untrusted.BoundedInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coordinates stated by where an archive sits, when it sits in a repository layout: a Maven local
 * repository ({@code <group path>/<artifact>/<version>/<artifact>-<version>[-<classifier>].jar}) or
 * Gradle's module cache ({@code files-2.1/<group>/<artifact>/<version>/<sha1>/<file>.jar}). The tools
 * that wrote these directories knew the coordinates, so the path is better evidence than a manifest or
 * a file name, which are all that is left for a jar without {@code pom.properties}.
 *
 * @param classifier the Maven classifier ({@code sources}, {@code linux-x86_64}), or empty
 * @param versionSource the evidence for the component's version
 */
record RepositoryPath(String groupId, String artifactId, String version, String classifier, String versionSource) {
    static final String MAVEN_SOURCE = "maven repository path";
    static final String GRADLE_SOURCE = "gradle cache path";

    /** A sibling {@code .pom} larger than this is not read to confirm the group. */
    private static final int MAX_POM_BYTES = 1024 * 1024;

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{30,40}");
    private static final Pattern CLASSIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern SNAPSHOT_STAMP = Pattern.compile("\\d{8}\\.\\d{6}-\\d+");
    private static final Pattern GROUP_ID = Pattern.compile("<groupId>\\s*([^<\\s]+)\\s*</groupId>");

    MavenCoordinates coordinates() {
        return new MavenCoordinates(groupId, artifactId, version, "", classifier);
    }

    /** The coordinates a top-level archive's path states, if it lies in a repository layout. */
    static Optional<RepositoryPath> of(Location location, FileResolver files) {
        String path = location.path();
        if (path.contains("!/")) {
            return Optional.empty();
        }
        List<String> segments = Arrays.asList(path.replaceFirst("^/+", "").split("/"));
        if (segments.stream().anyMatch(segment -> segment.isEmpty() || segment.equals("..") || segment.equals("."))) {
            return Optional.empty();
        }
        return gradle(segments).or(() -> maven(segments, files));
    }

    /**
     * {@code files-2.1/<group>/<artifact>/<version>/<hash>/<file>}. The hash directory (a SHA-1 in hex,
     * leading zeros dropped) and a file name that starts with the artifact and version make the layout
     * recognisable even when the scan starts inside {@code files-2.1}.
     */
    private static Optional<RepositoryPath> gradle(List<String> segments) {
        int count = segments.size();
        if (count < 5 || (count > 5 && !segments.get(count - 6).equals("files-2.1"))) {
            return Optional.empty();
        }
        String group = segments.get(count - 5);
        String artifact = segments.get(count - 4);
        String version = segments.get(count - 3);
        if (!HASH.matcher(segments.get(count - 2)).matches()) {
            return Optional.empty();
        }
        return classifier(baseName(segments.get(count - 1)), artifact + "-" + version)
                .map(classifier -> new RepositoryPath(group, artifact, version, classifier, GRADLE_SOURCE));
    }

    /**
     * {@code <group path>/<artifact>/<version>/<artifact>-<version>[-<classifier>].<ext>}. Which of the
     * leading directories form the group is known below {@code .m2/repository}; elsewhere (a scan of
     * the repository itself, a repository copied into an image) the {@code .pom} Maven keeps next to
     * every artifact settles it: the longest run of directories that spells a groupId named in it.
     */
    private static Optional<RepositoryPath> maven(List<String> segments, FileResolver files) {
        int count = segments.size();
        if (count < 4) {
            return Optional.empty();
        }
        String artifact = segments.get(count - 3);
        String version = segments.get(count - 2);
        String base = baseName(segments.get(count - 1));
        Optional<String> classifier = classifier(base, artifact + "-" + version);
        if (classifier.isEmpty() && version.endsWith("-SNAPSHOT")) {
            // A snapshot's file carries its timestamp: foo-1.0-20240102.030405-7.jar in 1.0-SNAPSHOT/.
            classifier = snapshotClassifier(base, artifact + "-" + version.substring(0, version.length() - 9) + "-");
        }
        // Debian's maven-repo links every artifact under the pseudo-version "debian" as well.
        if (classifier.isEmpty() || version.equals("debian")) {
            return Optional.empty();
        }
        List<String> groupPath = segments.subList(0, count - 3);
        Optional<String> group = belowLocalRepository(groupPath)
                .or(() -> confirmedByPom(
                        groupPath, String.join("/", segments.subList(0, count - 1)), artifact, version, files));
        String found = classifier.get();
        return group.map(groupId -> new RepositoryPath(groupId, artifact, version, found, MAVEN_SOURCE));
    }

    private static Optional<String> belowLocalRepository(List<String> groupPath) {
        for (int index = groupPath.size() - 2; index >= 0; index--) {
            if (groupPath.get(index).equals(".m2") && groupPath.get(index + 1).equals("repository")) {
                List<String> group = groupPath.subList(index + 2, groupPath.size());
                return group.isEmpty() ? Optional.empty() : Optional.of(String.join(".", group));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> confirmedByPom(
            List<String> groupPath, String directory, String artifact, String version, FileResolver files) {
        Optional<Location> pom = files.resolve(directory + "/" + artifact + "-" + version + ".pom");
        if (pom.isEmpty()) {
            return Optional.empty();
        }
        Set<String> groups = new HashSet<>();
        try (InputStream input = files.open(pom.get())) {
            String text = new String(
                    BoundedInput.readAll(input, MAX_POM_BYTES, pom.get().path()), StandardCharsets.UTF_8);
            // Only a confirmation of how many directories form the group, so a scan for groupId elements
            // (the project's, its parent's, its dependencies') is enough; the path stays the source.
            Matcher matcher = GROUP_ID.matcher(text);
            while (matcher.find()) {
                groups.add(matcher.group(1));
            }
        } catch (IOException | UncheckedIOException | dev.assay.model.AssayException e) {
            return Optional.empty();
        }
        for (int start = 0; start < groupPath.size(); start++) {
            String candidate = String.join(".", groupPath.subList(start, groupPath.size()));
            if (groups.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** What follows {@code prefix} in the file's base name: nothing, or a {@code -classifier}. */
    private static Optional<String> classifier(String base, String prefix) {
        if (base.equals(prefix)) {
            return Optional.of("");
        }
        if (base.startsWith(prefix + "-")) {
            String classifier = base.substring(prefix.length() + 1);
            return CLASSIFIER.matcher(classifier).matches() ? Optional.of(classifier) : Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> snapshotClassifier(String base, String prefix) {
        if (!base.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = base.substring(prefix.length());
        Matcher stamp = SNAPSHOT_STAMP.matcher(rest);
        if (!stamp.lookingAt()) {
            return Optional.empty();
        }
        return classifier(rest, rest.substring(0, stamp.end()));
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
