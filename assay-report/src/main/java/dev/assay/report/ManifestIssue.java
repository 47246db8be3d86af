package dev.assay.report;

import java.util.Objects;

/**
 * A document that could not be judged (malformed, unreadable, a policy without a verdict) or was left out
 * on purpose (not a Kubernetes object), with where it is.
 *
 * @param file the file, as given or found
 * @param document the document's position in the file from 1; 0 when the whole file is concerned
 * @param line the line from 1; 0 when unknown
 * @param message what happened, one line
 */
public record ManifestIssue(String file, int document, int line, String message) {
    public ManifestIssue {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** {@code bad.yaml document 2 (line 14)}. */
    public String position() {
        StringBuilder position = new StringBuilder(file);
        if (document > 0) {
            position.append(" document ").append(document);
        }
        if (line > 0) {
            position.append(document > 0 ? " (line " + line + ")" : ":" + line);
        }
        return position.toString();
    }
}
