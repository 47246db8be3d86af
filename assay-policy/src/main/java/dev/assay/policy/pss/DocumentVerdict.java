package dev.assay.policy.pss;

import java.util.List;
import java.util.Objects;

/**
 * Pod Security's verdict on one document of a manifest file.
 *
 * @param file the file as the user named it
 * @param document the document, or null when the file as a whole could not be read
 * @param outcome what Pod Security made of it
 */
public record DocumentVerdict(String file, PodDocument document, Outcome outcome) {
    public DocumentVerdict {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** What Pod Security made of a document. */
    public sealed interface Outcome permits Evaluated, Skipped, Failed {}

    /** A pod or pod template, checked; allowed when there are no violations. */
    public record Evaluated(List<PodSecurityViolation> violations) implements Outcome {
        public Evaluated {
            violations = List.copyOf(violations);
        }
    }

    /** An object Pod Security does not apply to, which pod-security-admission admits. */
    public record Skipped(String reason) implements Outcome {}

    /** A document or file that could not be checked; never counted as allowed. */
    public record Failed(String reason) implements Outcome {}

    /** As a gate sees it: evaluated without violations, or not subject to Pod Security. */
    public boolean allowed() {
        return switch (outcome) {
            case Evaluated evaluated -> evaluated.violations().isEmpty();
            case Skipped skipped -> true;
            case Failed failed -> false;
        };
    }

    /** {@code deploy.yaml[1]}, {@code list.yaml[0].items[3]}, or just the file when it failed as a whole. */
    public String location() {
        if (document == null) {
            return file;
        }
        String where = file + "[" + document.index() + "]";
        return document.item() < 0 ? where : where + ".items[" + document.item() + "]";
    }
}
