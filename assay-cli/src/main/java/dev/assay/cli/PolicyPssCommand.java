package dev.assay.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.assay.model.InvalidInputException;
import dev.assay.policy.Violation;
import dev.assay.policy.pss.Level;
import dev.assay.policy.pss.PodDocuments;
import dev.assay.policy.pss.PodInput;
import dev.assay.policy.pss.PodSecurity;
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

/** {@code assay policy pss}: Pod Security Standards admission, offline. Exit 1 when any file is denied. */
@Command(
        name = "pss",
        mixinStandardHelpOptions = true,
        description = "Check Pods and workload pod templates against a Pod Security Standards level, with "
                + "pod-security-admission semantics (--format text or json).")
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

    record FileResult(String file, List<Violation> violations) {
        boolean allowed() {
            return violations.isEmpty();
        }
    }

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
        // Every file is read and judged before anything is written, so bad input never leaves half a report.
        List<FileResult> results = new ArrayList<>();
        for (Path file : files) {
            String content = new String(
                    InputFiles.read(file, MAX_MANIFEST_BYTES, "a Kubernetes manifest"), StandardCharsets.UTF_8);
            List<Violation> violations = new ArrayList<>();
            for (PodInput pod : PodDocuments.parse(content, file.toString())) {
                violations.addAll(PodSecurity.evaluate(requestedLevel, requestedVersion, pod));
            }
            results.add(new FileResult(file.toString(), List.copyOf(violations)));
        }
        OutputTarget.write(options.output, policy.terminal().out(), out -> {
            if (format.equals("json")) {
                json(results, out);
            } else {
                text(results, requestedLevel, requestedVersion, out);
            }
        });
        return results.stream().allMatch(FileResult::allowed) ? ExitCodes.OK : ExitCodes.GATE_TRIPPED;
    }

    private static void text(List<FileResult> results, Level level, PolicyVersion version, OutputStream out) {
        PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
        String standard = level.name().toLowerCase(Locale.ROOT) + ":" + version;
        for (FileResult result : results) {
            print.println(result.file() + ": " + (result.allowed() ? "allowed" : "denied") + " (" + standard + ")");
            for (Violation violation : result.violations()) {
                print.println("  " + violation.check() + ": " + violation.message());
            }
        }
        print.flush();
    }

    private static void json(List<FileResult> results, OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("results");
            for (FileResult result : results) {
                json.writeStartObject();
                json.writeStringField("file", result.file());
                json.writeBooleanField("allowed", result.allowed());
                json.writeArrayFieldStart("violations");
                for (Violation violation : result.violations()) {
                    json.writeStartObject();
                    json.writeStringField("check", violation.check());
                    json.writeStringField("message", violation.message());
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
