package dev.assay.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.assay.model.InvalidInputException;
import dev.assay.policy.cel.CelEnvironment;
import dev.assay.policy.document.PolicyFiles;
import dev.assay.policy.document.TestDocuments;
import dev.assay.policy.suite.PolicyTestRunner;
import dev.assay.policy.suite.TestCase;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code assay policy test}: runs the policy test suites ({@code assay-test.yaml}) under the given
 * directories, as {@code kyverno test} does. Exit 1 when an expectation fails, 2 when a test file is malformed.
 */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = "Run policy test suites: every assay-test.yaml (kind: Test) at or under DIR, each naming"
                + " policies, resources and the result each rule must give each resource (--format text or json).",
        footerHeading = "%nExamples:%n",
        footer = {"  assay policy test samples/policies", "  assay policy test policies/ --format json"})
final class PolicyTestCommand implements Callable<Integer> {
    @ParentCommand
    PolicyCommand policy;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Directories to search, or test files.")
    List<Path> paths;

    @Override
    public Integer call() {
        GlobalOptions options = policy.globalOptions();
        String format = options.format == null ? "text" : options.format.toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new InvalidInputException(
                    "policy test writes text or json, not '" + options.format + "'", options.format);
        }
        List<Path> testFiles = new ArrayList<>();
        for (Path path : paths) {
            List<Path> found = PolicyFiles.testFiles(path);
            if (found.isEmpty()) {
                throw new InvalidInputException(
                        "no " + String.join(" or ", PolicyFiles.TEST_FILE_NAMES) + " under " + path, path.toString());
            }
            testFiles.addAll(found);
        }
        PolicyTestRunner runner = new PolicyTestRunner(CelEnvironment.defaults());
        List<TestCase> cases = new ArrayList<>();
        for (Path file : testFiles) {
            TestDocuments.TestDefinition test =
                    TestDocuments.parse(PolicyFiles.read(file, PolicyFiles.MAX_POLICY_BYTES, "a policy test"), file);
            cases.addAll(runner.run(test));
        }
        try {
            OutputTarget.write(options.output, policy.terminal().out(), out -> {
                if (format.equals("json")) {
                    json(cases, out);
                } else {
                    text(cases, testFiles.size(), out);
                }
            });
        } catch (IOException e) {
            throw new InvalidInputException(
                    "cannot write the report: " + e.getMessage(), String.valueOf(options.output), e);
        }
        return cases.stream().allMatch(TestCase::passed) ? ExitCodes.OK : ExitCodes.GATE_TRIPPED;
    }

    private static void text(List<TestCase> cases, int files, OutputStream out) {
        PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
        String test = null;
        for (TestCase testCase : cases) {
            if (!testCase.test().equals(test)) {
                test = testCase.test();
                print.println(test + ":");
            }
            print.printf(
                    Locale.ROOT,
                    "  %s  %s/%s  %s  want %s, got %s%s%n",
                    testCase.passed() ? "PASS" : "FAIL",
                    testCase.policy(),
                    testCase.rule(),
                    testCase.resource(),
                    testCase.expected().label(),
                    testCase.actual().label(),
                    testCase.passed() || testCase.message().isEmpty() ? "" : " (" + testCase.message() + ")");
        }
        long failed = cases.stream().filter(testCase -> !testCase.passed()).count();
        print.printf(
                Locale.ROOT,
                "%n%d passed, %d failed (%d test file%s)%n",
                cases.size() - failed,
                failed,
                files,
                files == 1 ? "" : "s");
        print.flush();
    }

    private static void json(List<TestCase> cases, OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            long failed = cases.stream().filter(testCase -> !testCase.passed()).count();
            json.writeNumberField("passed", cases.size() - failed);
            json.writeNumberField("failed", failed);
            json.writeArrayFieldStart("cases");
            for (TestCase testCase : cases) {
                json.writeStartObject();
                json.writeStringField("test", testCase.test());
                json.writeStringField("policy", testCase.policy());
                json.writeStringField("rule", testCase.rule());
                json.writeStringField("resource", testCase.resource());
                json.writeStringField("expected", testCase.expected().label());
                json.writeStringField("actual", testCase.actual().label());
                json.writeBooleanField("passed", testCase.passed());
                json.writeStringField("message", testCase.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }
}
