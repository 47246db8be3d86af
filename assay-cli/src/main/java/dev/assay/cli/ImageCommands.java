package dev.assay.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.engine.ImageSignatures;
import dev.assay.engine.ImageVerificationReport;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.sign.Verification;
import java.io.PrintStream;
import java.util.List;

/** What the image signing commands print: a summary for people on stderr, JSON for machines. */
final class ImageCommands {
    private ImageCommands() {}

    /**
     * What was pushed, as JSON on stdout or {@code --output} (the command's main output, for pipelines that
     * record where signatures live), and as a summary on stderr.
     */
    static void reportPublished(AssayCommand top, String verb, ImageSignatures.Published published)
            throws java.io.IOException {
        ObjectNode json = SafeJson.mapper().createObjectNode();
        json.put("digest", published.imageDigest());
        ArrayNode locations = json.putArray("pushed");
        published.locations().forEach(locations::add);
        OutputTarget.write(
                top.globalOptions.output,
                top.terminal().out(),
                out -> out.write((json.toPrettyString() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        if (top.globalOptions.quiet) {
            return;
        }
        PrintStream err = top.terminal().err();
        err.println("assay: " + verb + " " + published.imageDigest());
        published.locations().forEach(location -> err.println("  pushed " + location));
    }

    static ObjectNode json(ImageVerificationReport report) {
        ObjectNode root = SafeJson.mapper().createObjectNode();
        root.put("reference", report.reference());
        root.put("digest", report.imageDigest());
        root.put("verified", report.verified());
        report.reason().ifPresentOrElse(reason -> root.put("reason", reason), () -> root.putNull("reason"));
        checks(root.putArray("signatures"), report.signatures());
        if (report.attestationOption().isPresent()) {
            root.put("attestationType", report.attestationOption().get());
            ArrayNode types = root.putArray("acceptedPredicateTypes");
            report.attestationTypes().forEach(types::add);
            checks(root.putArray("attestations"), report.attestations());
        }
        return root;
    }

    private static void checks(ArrayNode array, List<ImageVerificationReport.Check> checks) {
        for (ImageVerificationReport.Check check : checks) {
            ObjectNode entry = array.addObject();
            entry.put("source", check.source());
            entry.put("location", check.location());
            if (check.predicateType() != null) {
                entry.put("predicateType", check.predicateType());
            }
            entry.put("verified", check.verified());
            switch (check.verdict()) {
                case Verification.Verified verified -> entry.put("detail", verified.detail());
                case Verification.Rejected rejected -> entry.put("reason", rejected.reason());
            }
        }
    }

    static void summary(PrintStream err, ImageVerificationReport report) {
        err.println("assay: " + report.reference() + " resolved to " + report.imageDigest());
        line(err, "signature", report.signatures());
        line(err, "attestation", report.attestations());
    }

    private static void line(PrintStream err, String kind, List<ImageVerificationReport.Check> checks) {
        for (ImageVerificationReport.Check check : checks) {
            String outcome = switch (check.verdict()) {
                case Verification.Verified verified -> "verified: " + verified.detail();
                case Verification.Rejected rejected -> "rejected: " + rejected.reason();
            };
            err.println("  " + kind + " " + check.source() + " " + check.location() + ": " + outcome);
        }
    }
}
