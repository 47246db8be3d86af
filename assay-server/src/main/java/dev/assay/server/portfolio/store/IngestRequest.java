package dev.assay.server.portfolio.store;

import dev.assay.engine.UploadedSbom;
import dev.assay.model.InvalidInputException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One SBOM to store as the inventory of a project version.
 *
 * @param tags labels added to the version (never removed by an upload)
 * @param actor who uploaded it, for the audit log (an API key's name)
 */
public record IngestRequest(String project, String version, Set<String> tags, UploadedSbom sbom, String actor) {
    static final int MAX_NAME_LENGTH = 255;

    public IngestRequest {
        project = requireName(project, "project");
        version = requireName(version, "version");
        Objects.requireNonNull(sbom, "sbom");
        actor = actor == null ? "" : actor;
        TreeSet<String> cleanTags = new TreeSet<>();
        for (String tag : tags == null ? Set.<String>of() : tags) {
            cleanTags.add(requireName(tag, "tag"));
        }
        tags = Set.copyOf(cleanTags);
    }

    private static String requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("the " + what + " must not be empty", what);
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("the " + what + " is longer than " + MAX_NAME_LENGTH + " characters", what);
        }
        return stripped;
    }
}
