package dev.assay.model.untrusted;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockYamlSubsetTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "lockfileVersion: '9.0'\n",
                "a: 1\nb:\n  c: d\n  e: ''\nf:\n",
                "settings:\n  autoInstallPeers: true\n\nimporters:\n\n  .:\n    dependencies:\n      react:\n        specifier: ^18.2.0\n        version: 18.2.0\n",
                "packages:\n  '@babel/core@7.24.0':\n    resolution: {integrity: sha512-abc/def+ghi==}\n    engines: {node: '>=6.9.0'}\n    cpu: [x64, arm64]\n    os: []\n    meta: {}\n",
                "list:\n- a\n- 'b c'\n-\n- \"d\"\nnext: x\n",
                "list:\n  -\n    name: x\n    value: y\n  - z\n",
                "# a comment line\nkey: it''s\nother: 'it''s'\nurl: https://example.com/a:b\n",
                "nested: {a: {b: [c, {d: e}]}, f: }\n",
                "'quoted key': v\n\"double\": w\nnull: null\ntilde: ~\nbool: true\nnum: 012\n",
                "trailing:   spaces   \nempty_quoted: \"\"\n",
                "a:\n  b:\n    c:\n      d: deep\n  e: f\ng: h\n",
                "dup: 1\ndup: 2\n",
                "k: v # a comment\n",
                "k: &anchor v\nj: *anchor\n",
                "k: |\n  block\n",
                "k: plain\n  continued\n",
                "k: 'quoted\n  continued'\n",
                "k: \"esc\\n\"\n",
                "---\nk: v\n",
                "k: v\n---\nj: w\n",
                "k:\tv\n",
                "- a\n- b\n",
                "- k: v\n  j: w\n",
                "just a scalar\n",
                "? complex\n: key\n",
                "k: [a, b,]\n",
                "k: {a: b, c}\n",
                "k: !!str v\n",
                "k: v\r\nj: w\r\n",
                "k: [a\n  , b]\n",
                "\uFEFFk: v\n",
                "k: v\n  j: w\n",
                "k: -v\nj: - w\n",
                "k: {a: b}junk\n",
                "k: 'a' 'b'\n",
                "a: b: c\n",
                "k: v:\n",
                "k: {a:b}\n",
                "k: {url: http://x}\n",
                "k: [a:b]\n",
                "k: ':'\n",
                "k: a\u2003\n",
                "  indented: top\n  level: too\n",
                "a:\n    b: c\n  d: e\n",
            })
    void read_givesWhatTheFullEngineGives_orGivesUp(String yaml) {
        Optional<Object> fast = BlockYamlSubset.read(yaml);
        List<Object> engine;
        try {
            engine = SafeYaml.loadAllWithEngine(yaml, "case.yaml");
        } catch (RuntimeException invalid) {
            assertThat(fast).as("invalid YAML must not be read by the subset").isEmpty();
            return;
        }
        if (fast.isPresent()) {
            assertThat(engine).hasSize(1);
            assertThat(fast.get()).isEqualTo(engine.get(0));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "lockfileVersion: '9.0'\n",
                "packages:\n  '@babel/core@7.24.0':\n    resolution: {integrity: sha512-abc/def+ghi==}\n    engines: {node: '>=6.9.0'}\n    cpu: [x64, arm64]\n",
                "list:\n- a\n- 'b c'\nnext: x\n",
                "nested: {a: {b: [c, {d: e}]}, f: }\n",
            })
    void read_machineWrittenYaml_isInTheSubset(String yaml) {
        assertThat(BlockYamlSubset.read(yaml)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "k: &anchor v\nj: *anchor\n",
                "k: |\n  block\n",
                "k: v # a comment\n",
                "---\nk: v\n",
                "k: \"esc\\n\"\n",
                "- k: v\n",
            })
    void read_outsideTheSubset_givesUp(String yaml) {
        assertThat(BlockYamlSubset.read(yaml)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void read_deepNesting_givesUpInsteadOfOverflowingTheStack() {
        StringBuilder flow = new StringBuilder("k: ");
        flow.append("[".repeat(100_000));
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            block.append(" ".repeat(i)).append("k:\n");
        }

        assertThat(BlockYamlSubset.read(flow.toString())).isEmpty();
        assertThat(BlockYamlSubset.read(block.toString())).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void loadAll_takesTheSubsetReaderAndGivesTheSameMaps() {
        String yaml = "a:\n  b: [c]\n";

        assertThat(SafeYaml.loadAll(yaml, "x.yaml")).isEqualTo(List.of(Map.of("a", Map.of("b", List.of("c")))));
    }
}
