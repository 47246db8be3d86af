package dev.assay.sign.slsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import dev.assay.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuildLevelPolicyTest {
    private static final String GENERATOR =
            "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml";

    private static BuildLevelPolicy parse(String text) {
        return BuildLevelPolicy.parse(text.getBytes(StandardCharsets.UTF_8), "policy.yaml");
    }

    @Test
    void levelOf_unversionedEntry_coversEveryVersion_andAVersionedEntryOverridesIt() {
        BuildLevelPolicy policy = BuildLevelPolicy.parse(Fixtures.bytes(getClass(), "slsa/policy.yaml"), "policy.yaml");

        assertThat(policy.levelOf(GENERATOR + "@refs/tags/v1.9.0")).hasValue(3);
        assertThat(policy.levelOf(GENERATOR)).hasValue(3);
        assertThat(policy.levelOf(GENERATOR + "@refs/tags/v1.2.0")).hasValue(1);
        assertThat(policy.levelOf("https://gitlab.com/acme/app/-/runners/12270831"))
                .hasValue(2);
        assertThat(policy.levelOf("https://gitlab.com/acme/app/-/runners/1")).isEmpty();
        assertThat(policy.levels()).hasSize(3);
    }

    @Test
    void parse_json_isReadLikeYaml() {
        BuildLevelPolicy policy = BuildLevelPolicy.parse(Fixtures.bytes(getClass(), "slsa/policy.json"), "policy.json");

        assertThat(policy.levelOf("https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main"))
                .hasValue(2);
    }

    @Test
    void parse_aliasBomb_isInvalidInputSayingSo() {
        byte[] bomb = Fixtures.bytes(getClass(), "slsa/alias-bomb.yaml");

        assertThatThrownBy(() -> BuildLevelPolicy.parse(bomb, "bomb.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("alias bomb");
    }

    @Test
    void parse_tooLarge_isRefusedBeforeParsing() {
        byte[] huge =
                ("builders:\n  x: 1\n#" + "a".repeat(BuildLevelPolicy.MAX_BYTES)).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> BuildLevelPolicy.parse(huge, "huge.yaml")).isInstanceOf(InputTooLargeException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "- a\n- b",
                "builders: []",
                "builders: {}",
                "builders:\n  https://ci.example.com: 4",
                "builders:\n  https://ci.example.com: -1",
                "builders:\n  https://ci.example.com: high",
                "builders:\n  https://ci.example.com: [3]",
                "buildres:\n  https://ci.example.com: 3",
                "builders:\n  https://ci.example.com: 3\nminimumLevel: 2",
                "{\"builders\": {\"https://ci.example.com\": 3}",
                "builders: &a [*a]",
                "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
                "\u0000\u0001\u0002"
            })
    void parse_malformed_isInvalidInputNamingTheFile(String text) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("policy.yaml");
    }

    @Test
    void parse_deeplyNestedFlowYaml_isInvalidInput() {
        assertThatThrownBy(() -> parse("builders: " + "[".repeat(20_000))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void of_map_validatesLikeTheFile() {
        BuildLevelPolicy policy = BuildLevelPolicy.of(java.util.Map.of("https://ci.example.com", 2), "spec.provenance");

        assertThat(policy.levelOf("https://ci.example.com@v1")).hasValue(2);
        assertThatThrownBy(() -> BuildLevelPolicy.of(java.util.Map.of("https://ci.example.com", 4), "spec.provenance"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("spec.provenance");
        assertThatThrownBy(() -> BuildLevelPolicy.of(java.util.Map.of(), "spec.provenance"))
                .isInstanceOf(InvalidInputException.class);
    }
}
