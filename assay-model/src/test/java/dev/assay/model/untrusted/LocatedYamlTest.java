package dev.assay.model.untrusted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.UnableToParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocatedYamlTest {
    @Test
    void loadAll_valuesAsSafeYamlLoadsThem_linesByPointer() {
        String yaml = "a: 1\nb:\n  - x\n  - c: 2\n    d/e: 3\n---\nz: 9\n";

        List<LocatedYaml.Document> documents = LocatedYaml.loadAll(yaml, "f.yaml");

        assertThat(documents).hasSize(2);
        assertThat(documents.get(0).value())
                .isEqualTo(SafeYaml.loadAll(yaml, "f.yaml").get(0));
        LocatedYaml.Document first = documents.get(0);
        assertThat(first.line("/a")).hasValue(1);
        assertThat(first.line("/b/0")).hasValue(3);
        assertThat(first.line("/b/1/c")).hasValue(4);
        assertThat(first.line("/b/1/d~1e")).hasValue(5);
        assertThat(first.line("/b/1/missing")).hasValue(4);
        assertThat(documents.get(1).line("/z")).hasValue(7);
        assertThat(documents.get(1).value()).isEqualTo(Map.of("z", "9"));
    }

    @Test
    void loadAll_json_hasLinesToo() {
        List<LocatedYaml.Document> documents =
                LocatedYaml.loadAll("{\n  \"a\": {\n    \"b\": [1, 2]\n  }\n}\n", "f.json");

        assertThat(documents.get(0).line("/a/b/1")).hasValue(3);
    }

    @Test
    void loadAll_aliases_areLocatedAtTheirAnchorAndNotExpanded() {
        String yaml = "base: &b {k: v}\nuse: *b\n";

        LocatedYaml.Document document = LocatedYaml.loadAll(yaml, "f.yaml").get(0);

        assertThat(document.line("/base/k")).hasValue(1);
        assertThat(document.line("/use")).hasValue(2);
    }

    @Test
    void loadAll_aliasBomb_isRefusedLikeSafeYaml() {
        String bomb = """
                a: &a ["x","x","x","x","x","x","x","x","x"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                """;

        assertThatThrownBy(() -> LocatedYaml.loadAll(bomb, "bomb.yaml")).isInstanceOf(UnableToParseException.class);
    }

    @Test
    void loadAll_emptyDocuments_keepTheirPlace() {
        List<LocatedYaml.Document> documents = LocatedYaml.loadAll("---\n---\na: 1\n", "f.yaml");

        assertThat(documents.get(documents.size() - 1).value()).isEqualTo(Map.of("a", "1"));
        assertThat(documents.get(documents.size() - 1).line("/a")).isPresent();
    }
}
