package dev.assay.server.portfolio.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import dev.assay.model.UnableToParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifResultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "the report";

    private static List<ToolResults> read(String json) {
        return SarifResults.read(json.getBytes(StandardCharsets.UTF_8), NAME, 1000);
    }

    private static String log(String runs) {
        return "{\"version\":\"2.1.0\",\"runs\":[" + runs + "]}";
    }

    private static String run(String tool, String results) {
        return "{\"tool\":{\"driver\":{\"name\":\"" + tool + "\"}},\"results\":[" + results + "]}";
    }

    @Test
    void read_assaysOwnK8sSarif_givesEveryResultWithRuleLevelMessageAndLine() throws IOException {
        byte[] sarif = AssaySarif.k8s("deploy/pod.yaml", AssaySarif.PRIVILEGED_POD);
        JsonNode written = JSON.readTree(sarif).path("runs").get(0).path("results");
        assertThat(written.size()).as("the pod breaks several rules").isGreaterThan(3);

        List<ToolResults> tools = SarifResults.read(sarif, NAME, SarifResults.DEFAULT_MAX_RESULTS);

        assertThat(tools).hasSize(1);
        ToolResults assay = tools.getFirst();
        assertThat(assay.tool()).isEqualTo("Assay");
        assertThat(assay.results()).hasSize(written.size());
        for (int i = 0; i < written.size(); i++) {
            PolicyResult result = assay.results().get(i);
            assertThat(result.rule()).isEqualTo(written.get(i).path("ruleId").asText());
            assertThat(result.level().label())
                    .isEqualTo(written.get(i).path("level").asText());
            assertThat(result.message())
                    .isEqualTo(written.get(i).path("message").path("text").asText());
            assertThat(result.location()).isEqualTo("deploy/pod.yaml:1");
        }
        assertThat(assay.results())
                .extracting(PolicyResult::rule)
                .anySatisfy(rule -> assertThat(rule).contains("privileged"));
        assertThat(assay.results()).extracting(PolicyResult::level).contains(ResultLevel.ERROR);
        assertThat(assay.results())
                .allSatisfy(result -> assertThat(result.message()).startsWith("Pod shop/web"));
    }

    @Test
    void read_absentLevel_followsSarif_kindThenRuleDefaultThenWarning() {
        String rules = "\"rules\":[{\"id\":\"r0\"},{\"id\":\"r1\",\"defaultConfiguration\":{\"level\":\"error\"}}]";
        String json = log("{\"tool\":{\"driver\":{\"name\":\"checker\"," + rules + "}},\"results\":["
                + "{\"ruleId\":\"r0\",\"message\":{\"text\":\"plain\"}},"
                + "{\"ruleIndex\":1,\"message\":{\"text\":\"by index\"}},"
                + "{\"ruleId\":\"r1\",\"message\":{\"text\":\"by id\"}},"
                + "{\"ruleId\":\"r1\",\"kind\":\"pass\",\"message\":{\"text\":\"passed\"}},"
                + "{\"ruleId\":\"r1\",\"level\":\"note\",\"message\":{\"text\":\"explicit\"}}]}");

        List<PolicyResult> results = read(json).getFirst().results();

        assertThat(results)
                .extracting(PolicyResult::rule, PolicyResult::level)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("r0", ResultLevel.WARNING),
                        org.assertj.core.groups.Tuple.tuple("r1", ResultLevel.ERROR),
                        org.assertj.core.groups.Tuple.tuple("r1", ResultLevel.ERROR),
                        org.assertj.core.groups.Tuple.tuple("r1", ResultLevel.NONE),
                        org.assertj.core.groups.Tuple.tuple("r1", ResultLevel.NOTE));
    }

    @Test
    void read_ruleObjectMessageIdsAndLocations_areResolved() {
        String driver = "{\"name\":\"linter\",\"globalMessageStrings\":{\"g\":{\"text\":\"global {0}\"}},"
                + "\"rules\":[{\"id\":\"R7\",\"messageStrings\":{\"m\":{\"text\":\"{0} is bad in {1}\"}}}]}";
        String json = log("{\"tool\":{\"driver\":" + driver + "},"
                + "\"artifacts\":[{\"location\":{\"uri\":\"src/a.tf\"}}],"
                + "\"logicalLocations\":[{\"fullyQualifiedName\":\"ns::Type::method\"}],"
                + "\"results\":["
                + "{\"rule\":{\"id\":\"R7\"},\"message\":{\"id\":\"m\",\"arguments\":[\"x\",\"y\"]},"
                + "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"index\":0},\"region\":{\"startLine\":12}}}]},"
                + "{\"ruleId\":\"R7\",\"message\":{\"id\":\"g\",\"arguments\":[\"z\"]},"
                + "\"locations\":[{\"logicalLocations\":[{\"index\":0}]}]},"
                + "{\"ruleId\":\"R7\",\"message\":{\"id\":\"unknown\"},"
                + "\"locations\":[{\"logicalLocations\":[{\"name\":\"main\"}]}]},"
                + "{\"message\":{\"text\":\"no rule, no location\"}}]}");

        List<PolicyResult> results = read(json).getFirst().results();

        assertThat(results.get(0))
                .isEqualTo(new PolicyResult("R7", ResultLevel.WARNING, "x is bad in y", "src/a.tf:12"));
        assertThat(results.get(1))
                .isEqualTo(new PolicyResult("R7", ResultLevel.WARNING, "global z", "ns::Type::method"));
        assertThat(results.get(2)).isEqualTo(new PolicyResult("R7", ResultLevel.WARNING, "unknown", "main"));
        assertThat(results.get(3)).isEqualTo(new PolicyResult("", ResultLevel.WARNING, "no rule, no location", null));
    }

    @Test
    void read_runsOfOneToolAreMerged_toolsKeepTheirOrder_nullOrAbsentResultsAreNone() {
        String result = "{\"ruleId\":\"a\",\"level\":\"error\",\"message\":{\"text\":\"m\"}}";
        String json = log(run("kube-linter", result) + "," + run("Assay", result + "," + result) + ","
                + run("kube-linter", result) + ",{\"tool\":{\"driver\":{\"name\":\"idle\"}},\"results\":null},"
                + "{\"tool\":{\"driver\":{\"name\":\"idle2\"}}}");

        List<ToolResults> tools = read(json);

        assertThat(tools).extracting(ToolResults::tool).containsExactly("kube-linter", "Assay", "idle", "idle2");
        assertThat(tools).extracting(tool -> tool.results().size()).containsExactly(2, 2, 0, 0);
        assertThat(read("{\"version\":\"2.1.0\",\"runs\":null}")).isEmpty();
    }

    @Test
    void read_overLongStringsAndControlCharacters_areCutAndCleaned() {
        String message = "line one\r\nline\u0000two\u001b[31m" + "m".repeat(10_000);
        String json = log("{\"tool\":{\"driver\":{\"name\":\"" + "t".repeat(1000) + "\"}},\"results\":[{\"ruleId\":\""
                + "r".repeat(1000) + "\",\"message\":{\"text\":" + quoted(message) + "},"
                + "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"" + "u".repeat(5000)
                + "\"},\"region\":{\"startLine\":7}}}]}]}");

        ToolResults tool = read(json).getFirst();
        PolicyResult result = tool.results().getFirst();

        assertThat(tool.tool()).hasSize(SarifResults.MAX_TOOL).endsWith("\u2026");
        assertThat(result.rule()).hasSize(SarifResults.MAX_RULE).endsWith("\u2026");
        assertThat(result.message())
                .hasSizeLessThanOrEqualTo(SarifResults.MAX_MESSAGE)
                .startsWith("line one\nline\uFFFDtwo\uFFFD[31m")
                .endsWith("m\u2026");
        assertThat(result.location()).hasSize(SarifResults.MAX_LOCATION).endsWith("\u2026:7");
    }

    @Test
    void text_neverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00";
        String cut = SarifResults.text("a" + emoji.repeat(10), 3);
        assertThat(cut).isEqualTo("a\u2026");
    }

    @Test
    void read_notJsonEmptyOrInvalidUtf8_isUnableToParse() {
        assertThatThrownBy(() -> read("this is not json"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("the report is not valid JSON");
        assertThatThrownBy(() -> SarifResults.read(new byte[0], NAME, 10))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("empty");
        byte[] invalidUtf8 = {'{', '"', 'v', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        assertThatThrownBy(() -> SarifResults.read(invalidUtf8, NAME, 10))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> read("{\"version\":\"2.1.0\",\"runs\":[]} trailing"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void read_deeplyNestedJson_isRefusedBeforeItCostsTheStack() {
        String deep = "{\"version\":\"2.1.0\",\"runs\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThatThrownBy(() -> read(deep))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void read_notSarifOrAnotherVersion_namesTheProblem() {
        assertThatThrownBy(() -> read("{\"bomFormat\":\"CycloneDX\"}"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("is not a SARIF log");
        assertThatThrownBy(() -> read("[1,2]")).hasMessageContaining("is not a SARIF log");
        assertThatThrownBy(() -> read("{\"version\":\"2.0.0\",\"runs\":[]}"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("is SARIF version '2.0.0'; only SARIF 2.1.0 is read");
        assertThatThrownBy(() -> read("{\"version\":2.1,\"runs\":[]}")).hasMessageContaining("version 2.1;");
        assertThatThrownBy(() -> read("{\"version\":\"2.1.0\",\"runs\":{}}"))
                .hasMessageContaining("'runs' that is not an array");
        assertThatThrownBy(() -> read(log("{\"tool\":{}}"))).hasMessageContaining("runs[0] without tool.driver.name");
        assertThatThrownBy(() -> read(log("7"))).hasMessageContaining("runs[0] that is not an object");
        assertThatThrownBy(() -> read(log(run("t", "\"x\"")))).hasMessageContaining("runs[0].results[0]");
        assertThatThrownBy(() -> read(log("{\"tool\":{\"driver\":{\"name\":\"t\"}},\"results\":3}")))
                .hasMessageContaining("results that is not an array");
        assertThatThrownBy(() -> read(log(run("t", "{\"level\":\"critical\",\"message\":{\"text\":\"m\"}}"))))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("level 'critical', not one of error, warning, note, none");
    }

    @Test
    void read_moreResultsThanTheLimit_isTooLarge_evenAcrossRuns() {
        String one = "{\"message\":{\"text\":\"m\"}}";
        String results = String.join(",", java.util.Collections.nCopies(SarifResults.DEFAULT_MAX_RESULTS + 1, one));
        byte[] tooMany = log(run("t", results)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SarifResults.read(tooMany, NAME, SarifResults.DEFAULT_MAX_RESULTS))
                .isInstanceOf(InputTooLargeException.class)
                .hasMessageContaining("more than 100000 results");

        String half = String.join(",", java.util.Collections.nCopies(6, one));
        assertThat(SarifResults.read(log(run("a", half)).getBytes(StandardCharsets.UTF_8), NAME, 12)
                        .getFirst()
                        .results())
                .hasSize(6);
        assertThatThrownBy(() -> SarifResults.read(
                        log(run("a", half) + "," + run("b", half + "," + one)).getBytes(StandardCharsets.UTF_8),
                        NAME,
                        12))
                .isInstanceOf(InputTooLargeException.class);
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
