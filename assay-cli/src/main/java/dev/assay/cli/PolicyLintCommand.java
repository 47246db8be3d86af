package dev.assay.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.assay.model.InvalidInputException;
import dev.assay.policy.cel.CelEnvironment;
import dev.assay.policy.cel.CelPolicy;
import dev.assay.policy.cel.PolicyProblem;
import dev.assay.policy.document.PolicyDocuments;
import dev.assay.policy.document.PolicyFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code assay policy lint}: checks policy files as the engine would load them, reporting every problem with
 * its file, line, column and field, and CEL compile errors with their column inside the expression. Exit 2
 * when there is any problem.
 */
@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        description = "Check policy files: structure, names and CEL compile errors, each with file, line, column"
                + " and field (--format text or json).",
        footerHeading = "%nExamples:%n",
        footer = {"  assay policy lint policies/", "  assay policy lint require-limits.yaml --format json"})
final class PolicyLintCommand implements Callable<Integer> {
    @ParentCommand
    PolicyCommand policy;

    @Parameters(arity = "1..*", paramLabel = "POLICY", description = "Policy files or directories of them.")
    List<Path> paths;

    record FileReport(Path file, String content, List<String> policies, List<PolicyProblem> problems) {}

    @Override
    public Integer call() {
        GlobalOptions options = policy.globalOptions();
        String format = options.format == null ? "text" : options.format.toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new InvalidInputException(
                    "policy lint writes text or json, not '" + options.format + "'", options.format);
        }
        List<FileReport> reports = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path file : PolicyFiles.expand(paths)) {
            byte[] content = PolicyFiles.read(file, PolicyFiles.MAX_POLICY_BYTES, "a policy");
            PolicyDocuments.Parsed parsed = PolicyDocuments.check(content, file.toString(), CelEnvironment.defaults());
            List<PolicyProblem> problems = new ArrayList<>(parsed.problems());
            List<String> names = new ArrayList<>();
            for (CelPolicy celPolicy : parsed.policies()) {
                names.add(celPolicy.name());
                Path previous = seen.putIfAbsent(celPolicy.name(), file);
                if (previous != null) {
                    problems.add(PolicyProblem.at(
                            file.toString(),
                            0,
                            0,
                            "",
                            "policy '" + celPolicy.name() + "' is also defined in " + previous));
                }
            }
            reports.add(new FileReport(file, new String(content, StandardCharsets.UTF_8), names, problems));
        }
        try {
            OutputTarget.write(options.output, policy.terminal().out(), out -> {
                if (format.equals("json")) {
                    json(reports, out);
                } else {
                    text(reports, out);
                }
            });
        } catch (IOException e) {
            throw new InvalidInputException(
                    "cannot write the report: " + e.getMessage(), String.valueOf(options.output), e);
        }
        return reports.stream().allMatch(report -> report.problems().isEmpty())
                ? ExitCodes.OK
                : ExitCodes.INVALID_INPUT;
    }

    /** Like a compiler: the problem, then the offending line with a caret under the column. */
    private static void text(List<FileReport> reports, OutputStream out) {
        PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
        int problems = 0;
        int policies = 0;
        for (FileReport report : reports) {
            policies += report.policies().size();
            String[] lines = report.content().split("\n", -1);
            for (PolicyProblem problem : report.problems()) {
                problems++;
                print.println(problem.describe());
                if (problem.line() > 0 && problem.line() <= lines.length) {
                    String line = lines[problem.line() - 1].replace("\r", "").replace('\t', ' ');
                    print.println("    " + line);
                    if (problem.column() > 0) {
                        print.println("    " + " ".repeat(Math.min(problem.column() - 1, line.length())) + "^");
                    }
                }
            }
        }
        print.printf(
                Locale.ROOT,
                "%s%d file%s, %d polic%s, %d problem%s%n",
                problems > 0 ? "\n" : "",
                reports.size(),
                reports.size() == 1 ? "" : "s",
                policies,
                policies == 1 ? "y" : "ies",
                problems,
                problems == 1 ? "" : "s");
        print.flush();
    }

    private static void json(List<FileReport> reports, OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("files");
            for (FileReport report : reports) {
                json.writeStartObject();
                json.writeStringField("file", report.file().toString());
                json.writeArrayFieldStart("policies");
                for (String name : report.policies()) {
                    json.writeString(name);
                }
                json.writeEndArray();
                json.writeArrayFieldStart("problems");
                for (PolicyProblem problem : report.problems()) {
                    json.writeStartObject();
                    json.writeNumberField("line", problem.line());
                    json.writeNumberField("column", problem.column());
                    json.writeStringField("field", problem.field());
                    json.writeStringField("message", problem.message());
                    if (problem.expressionColumn() > 0) {
                        json.writeNumberField("expressionLine", problem.expressionLine());
                        json.writeNumberField("expressionColumn", problem.expressionColumn());
                    }
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
