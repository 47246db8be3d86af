package dev.assay.policy.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.policy.admission.PolicyViolation;
import dev.assay.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The fixtures under {@code hardening/<rule-id>/}: each {@code fail-*.yaml} must be reported by its rule,
 * with every {@code # expect:} text in one of the rule's messages, and each {@code pass-*.yaml} must not be.
 */
class HardeningFixturesTest {
    private static final Path ROOT = Fixtures.path(HardeningFixturesTest.class, "hardening");

    @Test
    void everyRule_hasPassingAndFailingFixtures() throws IOException {
        for (String rule : HardeningChecks.ids()) {
            Path directory = ROOT.resolve(rule);
            assertThat(directory).as("fixtures of %s", rule).isDirectory();
            try (Stream<Path> files = Files.list(directory)) {
                List<String> names =
                        files.map(file -> file.getFileName().toString()).toList();
                assertThat(names).as("failing fixtures of %s", rule).anyMatch(name -> name.startsWith("fail-"));
                assertThat(names).as("passing fixtures of %s", rule).anyMatch(name -> name.startsWith("pass-"));
            }
        }
    }

    @Test
    void fixtureDirectories_nameOnlyKnownRules() throws IOException {
        try (Stream<Path> directories = Files.list(ROOT)) {
            assertThat(directories.map(directory -> directory.getFileName().toString()))
                    .allMatch(HardeningChecks.ids()::contains);
        }
    }

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ROOT)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        return files.stream().map(file -> {
            String rule = file.getParent().getFileName().toString();
            String name = rule + "/" + file.getFileName();
            return DynamicTest.dynamicTest(name, () -> {
                List<PolicyViolation> violations = HardeningFixtures.review(file);
                List<String> messages = HardeningFixtures.messagesOf(violations, rule);
                if (file.getFileName().toString().startsWith("fail-")) {
                    assertThat(messages).as("%s must be reported", name).isNotEmpty();
                    for (String expected : HardeningFixtures.expectations(file)) {
                        assertThat(messages)
                                .as("%s messages", name)
                                .anySatisfy(message -> assertThat(message).contains(expected));
                    }
                } else {
                    assertThat(messages).as("%s must pass", name).isEmpty();
                }
            });
        });
    }
}
