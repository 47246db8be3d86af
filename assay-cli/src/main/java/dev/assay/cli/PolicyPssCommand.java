package dev.assay.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.assay.model.InvalidInputException;
import dev.assay.policy.pss.DocumentVerdict;
import dev.assay.policy.pss.Level;
import dev.assay.policy.pss.ManifestReview;
import dev.assay.policy.pss.PodDocument;
import dev.assay.policy.pss.PodSecurityViolation;
import dev.assay.policy.pss.PolicyVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code assay policy pss}: Pod Security Standards admission, offline, one verdict per manifest document.
 * Exit 1 when any document is denied or cannot be checked, 2 when nothing at all could be checked.
 */
@Command(
        name = "pss",
        mixinStandardHelpOptions = true,
        description = {
            "Check Pods and workload pod templates against a Pod Security Standards level, with "
                    + "pod-security-admission semantics and messages (--format text or json).",
            "Every document of a multi-document file gets its own result, numbered from 0 as yq's documentIndex;"
                    + " objects that are not Pods or workloads (Services, ConfigMaps) are skipped, as"
                    + " pod-security-admission admits them."
        })
final class PolicyPssCommand implements Callable<Integer> {
    /** Manifests are small; anything larger is not a pod and would only cost memory. */
    private static final long MAX_MANIFEST_BYTES = 8L * 1024 * 1024;

    @ParentCommand
    PolicyCommand policy;

    @Option(names = "--level", required = true, paramLabel = "LEVEL", description = "baseline or restricted.")
    String level;

    @Option(
            names = "--version",
            paramLabel = "VERSION",
            defaultValue = "latest",
            description = "Policy version v1.N or latest (default: ${DEFAULT-VALUE}).")
    String version;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Kubernetes manifests (YAML or JSON).")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        GlobalOptions options = policy.globalOptions();
        String format = options.format == null ? "text" : options.format.toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new InvalidInputException(
                    "policy pss writes text or json, not '" + options.format + "'", options.format);
        }
        Level requestedLevel = Level.parse(level);
        PolicyVersion requestedVersion = PolicyVersion.parse(version);
        String standard = requestedLevel.name().toLowerCase(Locale.ROOT) + ":"
                + ("latest".equals(version) ? "latest" : requestedVersion.toString());
        // Every file is read and judged before anything is written, so bad input never leaves half a report.
        List<DocumentVerdict> verdicts = new ArrayList<>();
        for (Path file : files) {
            verdicts.addAll(review(file, requestedLevel, requestedVersion));
        }
        if (verdicts.stream().noneMatch(verdict -> verdict.outcome() instanceof DocumentVerdict.Evaluated)) {
            throw new InvalidInputException(
                    nothingToCheck(verdicts), files.get(0).toString());
        }
        OutputTarget.write(options.output, policy.terminal().out(), out -> {
            if (format.equals("json")) {
                json(verdicts, out);
            } else {
                text(verdicts, standard, out);
            }
        });
        long failed = verdicts.stream()
                .filter(verdict -> verdict.outcome() instanceof DocumentVerdict.Failed)
                .count();
        if (failed > 0) {
            policy.terminal()
                    .err()
                    .println("assay: " + failed + (failed == 1 ? " document" : " documents")
                            + " could not be checked and count as not allowed (see the report)");
        }
        return verdicts.stream().allMatch(DocumentVerdict::allowed) ? ExitCodes.OK : ExitCodes.GATE_TRIPPED;
    }

    private static List<DocumentVerdict> review(Path file, Level level, PolicyVersion version) {
        String content;
        try {
            content = new String(
                    InputFiles.read(file, MAX_MANIFEST_BYTES, "a Kubernetes manifest"), StandardCharsets.UTF_8);
        } catch (InvalidInputException | IOException e) {
            return List.of(new DocumentVerdict(
                    file.toString(),
                    null,
                    new DocumentVerdict.Failed(
                            e instanceof IOException
                                    ? "cannot read " + file + ": " + e.getMessage()
                                    : e.getMessage())));
        }
        return ManifestReview.review(level, version, file.toString(), content);
    }

    /** One line for exit 2: the only problem, or the first of several. */
    private static String nothingToCheck(List<DocumentVerdict> verdicts) {
        List<String> problems = verdicts.stream().map(PolicyPssCommand::problem).toList();
        if (problems.size() == 1 && verdicts.get(0).document() == null) {
            return problems.get(0);
        }
        return "no Pod or workload to check: " + problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
    }

    private static String problem(DocumentVerdict verdict) {
        String reason = switch (verdict.outcome()) {
            case DocumentVerdict.Failed failed -> failed.reason();
            case DocumentVerdict.Skipped skipped -> skipped.reason();
            case DocumentVerdict.Evaluated evaluated -> "checked";
        };
        return verdict.document() == null ? reason : verdict.location() + ": " + reason;
    }

    private static String label(DocumentVerdict verdict) {
        String object = verdict.document() == null ? "" : verdict.document().describe();
        return object.isEmpty() ? verdict.location() : verdict.location() + " " + object;
    }

    private static void text(List<DocumentVerdict> verdicts, String standard, OutputStream out) {
        PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
        for (DocumentVerdict verdict : verdicts) {
            switch (verdict.outcome()) {
                case DocumentVerdict.Evaluated evaluated -> {
                    print.println(
                            label(verdict) + ": " + (verdict.allowed() ? "allowed" : "denied") + " (" + standard + ")");
                    for (PodSecurityViolation violation : evaluated.violations()) {
                        print.println("  " + violation.check() + ": " + violation.message());
                    }
                }
                case DocumentVerdict.Skipped skipped ->
                    print.println(label(verdict) + ": skipped: " + skipped.reason());
                case DocumentVerdict.Failed failed -> print.println(label(verdict) + ": error: " + failed.reason());
            }
        }
        print.flush();
    }

    private static void json(List<DocumentVerdict> verdicts, OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("results");
            for (DocumentVerdict verdict : verdicts) {
                json.writeStartObject();
                json.writeStringField("file", verdict.file());
                PodDocument document = verdict.document();
                if (document != null) {
                    json.writeNumberField("document", document.index());
                    if (document.item() >= 0) {
                        json.writeNumberField("item", document.item());
                    }
                    json.writeStringField("kind", document.kind());
                    json.writeStringField("name", document.name());
                    if (!document.namespace().isEmpty()) {
                        json.writeStringField("namespace", document.namespace());
                    }
                }
                json.writeBooleanField("allowed", verdict.allowed());
                json.writeArrayFieldStart("violations");
                if (verdict.outcome() instanceof DocumentVerdict.Evaluated evaluated) {
                    for (PodSecurityViolation violation : evaluated.violations()) {
                        json.writeStartObject();
                        json.writeStringField("check", violation.check());
                        json.writeStringField("message", violation.message());
                        json.writeStringField("reason", violation.reason());
                        json.writeStringField("detail", violation.detail());
                        json.writeEndObject();
                    }
                }
                json.writeEndArray();
                switch (verdict.outcome()) {
                    case DocumentVerdict.Skipped skipped -> json.writeStringField("skipped", skipped.reason());
                    case DocumentVerdict.Failed failed -> json.writeStringField("error", failed.reason());
                    case DocumentVerdict.Evaluated evaluated -> {}
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }
}
