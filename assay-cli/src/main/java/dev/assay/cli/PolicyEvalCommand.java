package dev.assay.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.assay.model.InvalidInputException;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.cel.CelEnvironment;
import dev.assay.policy.cel.CelPolicy;
import dev.assay.policy.cel.PolicyResult;
import dev.assay.policy.cel.RuleResult;
import dev.assay.policy.cel.RuleResult.Outcome;
import dev.assay.policy.document.PolicyDocuments;
import dev.assay.policy.document.PolicyFiles;
import dev.assay.policy.document.ResourceDocument;
import dev.assay.policy.document.ResourceDocuments;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code assay policy eval}: CEL policies over resource files, offline, with the decision the admission
 * webhook would take. Exit 1 when an enforce-mode policy denies a document.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Evaluate CEL policies (kind: Policy) against Kubernetes manifests, SBOMs, scan results or any"
                + " JSON/YAML document; one result per policy rule and document (--format table or json).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  assay policy eval --policy policies/ --resource deploy/           every policy on every manifest",
            "  assay policy eval -p no-latest.yaml -r pods.yaml -n shop --format json",
            "  assay policy eval -p sbom-rules.yaml -r bom.cdx.json"
        })
final class PolicyEvalCommand implements Callable<Integer> {
    @ParentCommand
    PolicyCommand policy;

    @Option(
            names = {"-p", "--policy"},
            required = true,
            paramLabel = "POLICY",
            description = "A policy file or a directory of them (repeatable).")
    List<Path> policies;

    @Option(
            names = {"-r", "--resource"},
            required = true,
            arity = "1..*",
            paramLabel = "RESOURCE",
            description = "Resource files or directories (YAML, multi-document YAML or JSON).")
    List<Path> resources;

    @Option(
            names = {"-n", "--namespace"},
            paramLabel = "NAMESPACE",
            description = "Namespace of namespaced objects that name none, as kubectl -n gives them.")
    String namespace;

    @Option(names = "--show-skipped", description = "Also list the rules that did not apply.")
    boolean showSkipped;

    /** One document and what every policy said about it. */
    record DocumentResult(ResourceDocument document, AdmissionInput input, List<PolicyResult> policies) {
        boolean denied() {
            return policies.stream().anyMatch(PolicyResult::denies);
        }

        boolean warned() {
            return policies.stream().anyMatch(PolicyResult::warns);
        }
    }

    @Override
    public Integer call() {
        GlobalOptions options = policy.globalOptions();
        String format = options.format == null ? "table" : options.format.toLowerCase(Locale.ROOT);
        if (!format.equals("table") && !format.equals("json")) {
            throw new InvalidInputException(
                    "policy eval writes table or json, not '" + options.format + "'", options.format);
        }
        List<CelPolicy> loaded = PolicyDocuments.load(policies, CelEnvironment.defaults());
        // Everything is read and judged before anything is written: bad input never leaves half a report.
        List<DocumentResult> results = new ArrayList<>();
        for (Path file : PolicyFiles.expand(resources)) {
            byte[] content = PolicyFiles.read(file, PolicyFiles.MAX_RESOURCE_BYTES, "a resource");
            for (ResourceDocument document : ResourceDocuments.parse(content, file.toString())) {
                AdmissionInput input = document.admissionInput(namespace);
                List<PolicyResult> verdicts = new ArrayList<>();
                for (CelPolicy celPolicy : loaded) {
                    verdicts.add(celPolicy.evaluate(input));
                }
                results.add(new DocumentResult(document, input, verdicts));
            }
        }
        try {
            OutputTarget.write(options.output, policy.terminal().out(), out -> {
                if (format.equals("json")) {
                    json(results, out);
                } else {
                    table(results, out);
                }
            });
        } catch (IOException e) {
            throw new InvalidInputException(
                    "cannot write the report: " + e.getMessage(), String.valueOf(options.output), e);
        }
        long denied = results.stream().filter(DocumentResult::denied).count();
        long warned = results.stream()
                .filter(result -> !result.denied() && result.warned())
                .count();
        if (!options.quiet) {
            policy.terminal()
                    .err()
                    .println("assay: " + results.size() + " documents, " + loaded.size() + " policies: " + denied
                            + " denied, " + warned + " admitted with warnings");
        }
        return denied > 0 ? ExitCodes.GATE_TRIPPED : ExitCodes.OK;
    }

    private void table(List<DocumentResult> results, OutputStream out) {
        PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (DocumentResult result : results) {
            String resource = result.document().source() + "#"
                    + result.document().index() + " " + result.document().describe();
            for (PolicyResult verdict : result.policies()) {
                for (RuleResult rule : verdict.rules()) {
                    counts.merge(rule.outcome(), 1, Integer::sum);
                    if (rule.outcome() == Outcome.SKIP && !showSkipped) {
                        continue;
                    }
                    rows.add(new String[] {
                        resource, rule.policy(), rule.rule(), label(rule, verdict), oneLine(rule.message())
                    });
                }
            }
        }
        String[] header = {"RESOURCE", "POLICY", "RULE", "RESULT", "MESSAGE"};
        int[] widths = new int[4];
        for (int column = 0; column < 4; column++) {
            widths[column] = header[column].length();
            for (String[] row : rows) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        String layout = "%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %-" + widths[3] + "s  %s";
        print.println(String.format(Locale.ROOT, layout, (Object[]) header).stripTrailing());
        for (String[] row : rows) {
            print.println(String.format(Locale.ROOT, layout, (Object[]) row).stripTrailing());
        }
        print.printf(
                Locale.ROOT,
                "%npass: %d, fail: %d, error: %d, skip: %d%n",
                counts.getOrDefault(Outcome.PASS, 0),
                counts.getOrDefault(Outcome.FAIL, 0),
                counts.getOrDefault(Outcome.ERROR, 0),
                counts.getOrDefault(Outcome.SKIP, 0));
        print.flush();
    }

    /** {@code fail} for a failure that denies, {@code warn}/{@code audit} for one that does not. */
    static String label(RuleResult rule, PolicyResult verdict) {
        boolean counts = rule.outcome() == Outcome.FAIL
                || (rule.outcome() == Outcome.ERROR
                        && verdict.failurePolicy() == dev.assay.policy.admission.FailurePolicy.FAIL);
        if (!counts) {
            return rule.outcome().label();
        }
        return switch (rule.enforcement()) {
            case ENFORCE -> rule.outcome().label();
            case WARN -> rule.outcome().label() + " (warn)";
            case AUDIT -> rule.outcome().label() + " (audit)";
        };
    }

    private static String oneLine(String message) {
        return message.replace('\n', ' ');
    }

    private static void json(List<DocumentResult> results, OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeBooleanField("allowed", results.stream().noneMatch(DocumentResult::denied));
            json.writeArrayFieldStart("results");
            for (DocumentResult result : results) {
                json.writeStartObject();
                json.writeStringField("file", result.document().source());
                json.writeNumberField("document", result.document().index());
                json.writeNumberField("line", result.document().line());
                json.writeStringField("kind", result.input().kind().kind());
                json.writeStringField("namespace", result.input().namespace());
                json.writeStringField("name", result.input().name());
                json.writeStringField("decision", result.denied() ? "deny" : result.warned() ? "warn" : "allow");
                json.writeArrayFieldStart("policies");
                for (PolicyResult verdict : result.policies()) {
                    json.writeStartObject();
                    json.writeStringField("policy", verdict.policy());
                    json.writeStringField(
                            "decision",
                            verdict.skipped()
                                    ? "skip"
                                    : verdict.denies() ? "deny" : verdict.warns() ? "warn" : "allow");
                    json.writeArrayFieldStart("rules");
                    for (RuleResult rule : verdict.rules()) {
                        json.writeStartObject();
                        json.writeStringField("rule", rule.rule());
                        json.writeStringField("result", rule.outcome().label());
                        json.writeStringField("mode", rule.enforcement().label());
                        json.writeStringField("severity", rule.severity().name().toLowerCase(Locale.ROOT));
                        json.writeStringField("message", rule.message());
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }
}
