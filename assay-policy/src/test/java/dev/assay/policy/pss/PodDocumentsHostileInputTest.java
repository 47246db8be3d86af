package dev.assay.policy.pss;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import org.junit.jupiter.api.Test;

class PodDocumentsHostileInputTest {
    @Test
    void parse_malformedYaml_throwsInvalidInput() {
        assertThatThrownBy(() -> PodDocuments.parse("kind: Pod\nspec: [unclosed\n", "bad.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bad.yaml");
    }

    @Test
    void parse_aliasBomb_throwsInvalidInput() {
        String bomb = """
                kind: Pod
                metadata:
                  a: &a ["x","x","x","x","x","x","x","x","x"]
                  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                spec:
                  containers: []
                """;

        assertThatThrownBy(() -> PodDocuments.parse(bomb, "bomb.yaml")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void parse_deeplyNested_throwsInvalidInput() {
        String deep = "kind: Pod\nspec: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";

        assertThatThrownBy(() -> PodDocuments.parse(deep, "deep.yaml")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void parse_notAPod_throwsInvalidInput() {
        String configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: v\n";

        assertThatThrownBy(() -> PodDocuments.parse(configMap, "cm.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ConfigMap");
    }

    @Test
    void parse_scalarDocument_throwsInvalidInput() {
        assertThatThrownBy(() -> PodDocuments.parse("just text", "text.yaml"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void parse_podWithoutSpec_throwsInvalidInput() {
        assertThatThrownBy(() -> PodDocuments.parse("kind: Pod\nmetadata: {}\n", "nospec.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("spec");
    }

    @Test
    void parse_emptyInput_throwsInvalidInput() {
        assertThatThrownBy(() -> PodDocuments.parse("", "empty.yaml")).isInstanceOf(InvalidInputException.class);
    }
}
