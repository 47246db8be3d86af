package dev.assay.cli;

import dev.assay.engine.admission.AdmissionController;
import dev.assay.engine.admission.AdmissionDecision;
import dev.assay.engine.admission.AdmissionReviews;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeYaml;
import dev.assay.policy.admission.AdmissionInput;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code assay server review}: the webhook's decision on AdmissionReview requests or manifests, offline,
 * with the same engine and flags as {@code assay server}. Exit 1 when any request is denied.
 */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        description = {
            "Decide AdmissionReview requests (as the API server sends them) or Kubernetes manifests (each "
                    + "reviewed as a CREATE) exactly as assay server would, without a server.",
            "--format json prints the AdmissionReview response the webhook returns, one per line."
        })
final class ServerReviewCommand implements Callable<Integer> {
    /** The API server's limit on a request; an AdmissionReview or manifest is never larger. */
    private static final long MAX_INPUT_BYTES = 3L * 1024 * 1024;

    @ParentCommand
    ServerCommand server;

    @Mixin
    AdmissionPolicyOptions policies;

    @Option(names = "--mutate", description = "Run the mutating webhook (mutators) instead of the validating one.")
    boolean mutate;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "AdmissionReview JSON or manifest YAML/JSON files.")
    List<Path> files;

    record Reviewed(String source, AdmissionInput input, AdmissionDecision decision) {}

    @Override
    public Integer call() throws Exception {
        GlobalOptions options = server.globalOptions();
        String format = options.format == null ? "text" : options.format.toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("server review writes text or json, not '" + options.format + "'");
        }
        AdmissionController controller = AdmissionSetup.controller(policies, AdmissionSetup.plugins(policies));
        List<Reviewed> reviewed = new ArrayList<>();
        for (Path file : files) {
            for (Input input : inputs(file)) {
                AdmissionDecision decision =
                        mutate ? controller.mutate(input.input()) : controller.validate(input.input());
                reviewed.add(new Reviewed(input.source(), input.input(), decision));
            }
        }
        OutputTarget.write(options.output, server.terminal().out(), out -> {
            if (format.equals("json")) {
                for (Reviewed review : reviewed) {
                    out.write(AdmissionReviews.write(review.decision()));
                    out.write('\n');
                }
            } else {
                text(reviewed, out);
            }
        });
        return reviewed.stream().allMatch(review -> review.decision().allowed())
                ? ExitCodes.OK
                : ExitCodes.GATE_TRIPPED;
    }

    private record Input(String source, AdmissionInput input) {}

    /** An AdmissionReview request, or every document of a manifest file. */
    private static List<Input> inputs(Path file) throws java.io.IOException {
        byte[] content = InputFiles.read(file, MAX_INPUT_BYTES, "an AdmissionReview or manifest");
        String name = file.toString();
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.stripLeading().startsWith("{")) {
            Object document = AdmissionReviews.parse(content, name);
            if (AdmissionReviews.isAdmissionReview(document)) {
                return List.of(new Input(name, AdmissionReviews.request(document, name)));
            }
        }
        List<Input> inputs = new ArrayList<>();
        int index = 0;
        for (Object document : SafeYaml.loadAll(text, name)) {
            if (document == null) {
                continue;
            }
            index++;
            if (!(document instanceof Map<?, ?> manifest) || !(manifest.get("kind") instanceof String)) {
                throw new InvalidInputException(
                        name + " (document " + index + ") is not a Kubernetes object or AdmissionReview", name);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) manifest;
            inputs.add(new Input(
                    name + (index > 1 ? " (document " + index + ")" : ""), AdmissionInput.ofManifest(object)));
        }
        if (inputs.isEmpty()) {
            throw new InvalidInputException(name + " holds no Kubernetes object", name);
        }
        return inputs;
    }

    private static void text(List<Reviewed> reviewed, OutputStream out) {
        PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
        for (Reviewed review : reviewed) {
            AdmissionDecision decision = review.decision();
            String object = review.input().kind().kind() + " "
                    + (review.input().namespace().isEmpty()
                            ? ""
                            : review.input().namespace() + "/")
                    + (review.input().name().isEmpty()
                            ? "(unnamed)"
                            : review.input().name());
            print.println(review.source() + ": " + decision.resultLabel() + " (" + object + ")");
            if (!decision.allowed()) {
                print.println("  denied: " + decision.message());
            }
            decision.warnings().forEach(warning -> print.println("  warning: " + warning));
            decision.auditAnnotations()
                    .forEach((key, value) -> print.println("  audit annotation " + key + ": " + value));
            decision.patch()
                    .forEach(operation -> print.println("  patch: " + operation.op() + " " + operation.path()
                            + (operation.op().equals("remove") ? "" : " = " + operation.value())));
        }
        print.flush();
    }
}
