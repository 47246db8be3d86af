package dev.assay.policy.pss;

import dev.assay.model.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pod Security over a whole manifest file, document by document, as {@code kubectl apply} would meet it:
 * each pod and workload judged, other objects let through, and a bad document reported in its place
 * without hiding the verdicts on the others.
 */
public final class ManifestReview {
    private ManifestReview() {}

    public static List<DocumentVerdict> review(Level level, PolicyVersion version, String file, String content) {
        List<PodDocument> documents;
        try {
            documents = PodDocuments.read(content, file);
        } catch (InvalidInputException e) {
            // A YAML stream cannot be read past a syntax error, so nothing of this file can be judged.
            return List.of(new DocumentVerdict(file, null, new DocumentVerdict.Failed(e.getMessage())));
        }
        if (documents.isEmpty()) {
            return List.of(new DocumentVerdict(
                    file, null, new DocumentVerdict.Failed(file + " contains no Kubernetes object")));
        }
        List<DocumentVerdict> verdicts = new ArrayList<>();
        for (PodDocument document : documents) {
            DocumentVerdict.Outcome outcome = switch (document.content()) {
                case PodDocument.Pod pod ->
                    new DocumentVerdict.Evaluated(PodSecurity.violations(level, version, pod.pod()));
                case PodDocument.Skipped skipped -> new DocumentVerdict.Skipped(skipped.reason());
                case PodDocument.Invalid invalid -> new DocumentVerdict.Failed(invalid.reason());
            };
            verdicts.add(new DocumentVerdict(file, document, outcome));
        }
        return List.copyOf(verdicts);
    }
}
