package dev.assay.policy.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import dev.assay.model.UnableToParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceDocumentsTest {
    @TempDir
    Path temp;

    private static Object valueOf(String scalar) {
        return ResourceDocuments.parse("v: " + scalar + "\n", "x.yaml")
                .get(0)
                .content()
                .get("v");
    }

    /** go-yaml v2's resolution, which is what the API server stores for an untyped field. */
    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "true | Boolean | true",
                "yes | Boolean | true",
                "On | Boolean | true",
                "y | Boolean | true",
                "false | Boolean | false",
                "NO | Boolean | false",
                "off | Boolean | false",
                "3 | Long | 3",
                "-3 | Long | -3",
                "+3 | Long | 3",
                "1_000 | Long | 1000",
                "0x1F | Long | 31",
                "0o17 | Long | 15",
                "017 | Long | 15",
                "0b101 | Long | 5",
                "9223372036854775807 | Long | 9223372036854775807",
                "18446744073709551615 | Double | 1.8446744073709552E19",
                "1.5 | Double | 1.5",
                "1.10 | Double | 1.1",
                "1e3 | Double | 1000.0",
                ".5 | Double | 0.5",
                "08 | Double | 8.0",
                ".inf | Double | Infinity",
                "-.Inf | Double | -Infinity",
                "'true' | String | true",
                "\"3\" | String | 3",
                "500m | String | 500m",
                "2024-01-01 | String | 2024-01-01",
                "1.2.3 | String | 1.2.3",
                "!!str 3 | String | 3",
                "!!float 3 | Double | 3.0",
                "nginx:1.27 | String | nginx:1.27"
            })
    void parse_scalars_resolveAsKubernetesYaml(String scalar, String type, String expected) {
        Object value = valueOf(scalar);

        assertThat(value.getClass().getSimpleName()).isEqualTo(type);
        assertThat(String.valueOf(value)).isEqualTo(expected);
    }

    @Test
    void parse_nulls_areNull() {
        for (String scalar : List.of("~", "null", "NULL", "")) {
            Map<String, Object> content = ResourceDocuments.parse("v: " + scalar + "\n", "x.yaml")
                    .get(0)
                    .content();
            assertThat(content).containsKey("v");
            assertThat(content.get("v")).as(scalar).isNull();
        }
    }

    @Test
    void parse_multiDocument_keepsIndexesAndLines() {
        List<ResourceDocument> documents = ResourceDocuments.parse("""
                kind: A
                ---
                ---
                # comment only
                ---
                kind: B
                metadata: {name: b, namespace: ns}
                """, "multi.yaml");

        assertThat(documents).extracting(ResourceDocument::index).containsExactly(0, 3);
        assertThat(documents).extracting(ResourceDocument::line).containsExactly(1, 6);
        assertThat(documents.get(1).describe()).isEqualTo("B ns/b");
        assertThat(documents.get(0).describe()).isEqualTo("A");
    }

    @Test
    void parse_mergeKeys_applyWithExplicitKeysWinning() {
        Map<String, Object> content =
                ResourceDocuments.parse("""
                base: &base {a: 1, b: 2}
                other: &other {c: 3, b: 9}
                merged:
                  <<: [*base, *other]
                  a: 10
                """, "x.yaml").get(0).content();

        assertThat(content.get("merged")).isEqualTo(Map.of("a", 10L, "b", 2L, "c", 3L));
    }

    @Test
    void parse_nonStringKeys_becomeStrings() {
        assertThat(ResourceDocuments.parse("1: a\ntrue: b\n", "x.yaml").get(0).content())
                .containsOnlyKeys("1", "true");
    }

    @Test
    void parse_duplicateKeys_areRejected() {
        assertThatThrownBy(() -> ResourceDocuments.parse("spec:\n  image: a\n  image: b\n", "dup.yaml"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessage("dup.yaml:3:3: key 'image' is defined twice in one mapping");
        assertThatThrownBy(() -> ResourceDocuments.parse("{\"a\": 1, \"a\": 2}", "dup.json"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("dup.json")
                .hasMessageContaining("Duplicate field 'a'");
    }

    @Test
    void parse_json_usesLongsAndDoubles() {
        Map<String, Object> content =
                ResourceDocuments.parse("""
                {"bomFormat": "CycloneDX", "n": 3, "big": 123456789012345678901234, "f": 1.5, "x": null,
                 "components": [{"name": "log4j-core"}]}
                """, "bom.json").get(0).content();

        assertThat(content.get("n")).isEqualTo(3L);
        assertThat(content.get("big")).isInstanceOf(Double.class);
        assertThat(content.get("f")).isEqualTo(1.5);
        assertThat(content).containsEntry("x", null);
        assertThat(content.get("components")).isEqualTo(List.of(Map.of("name", "log4j-core")));
        assertThat(ResourceDocuments.parse(
                                "{\"bomFormat\": \"CycloneDX\", \"metadata\": {\"component\":"
                                        + " {\"name\": \"billing\", \"version\": \"1.0\"}}}",
                                "b.json")
                        .get(0)
                        .describe())
                .isEqualTo("CycloneDX SBOM billing 1.0");
    }

    @Test
    void parse_nonMappingDocuments_areRejected() {
        assertThatThrownBy(() -> ResourceDocuments.parse("- a\n- b\n", "list.yaml"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("document 0 is not a mapping");
        assertThatThrownBy(() -> ResourceDocuments.parse("[1, 2]", "list.json"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessage("list.json is not a JSON object");
    }

    @Test
    void hostile_aliasBomb_isATypedError() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char name = 'b'; name <= 'j'; name++) {
            String previous = String.valueOf((char) (name - 1));
            bomb.append(name).append(": &").append(name).append(" [");
            bomb.append(String.join(", ", java.util.Collections.nCopies(10, "*" + previous)));
            bomb.append("]\n");
        }

        assertThatThrownBy(() -> ResourceDocuments.parse(bomb.toString(), "bomb.yaml"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("bomb.yaml")
                .hasMessageContaining("alias bomb");
    }

    @Test
    void hostile_deepNesting_isATypedError() {
        String yaml = "a: " + "[".repeat(100_000) + "]".repeat(100_000);
        String moderatelyDeep = "a: " + "[".repeat(600) + "]".repeat(600);
        String json = "{\"a\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";

        assertThatThrownBy(() -> ResourceDocuments.parse(yaml, "deep.yaml")).isInstanceOf(UnableToParseException.class);
        assertThatThrownBy(() -> ResourceDocuments.parse(moderatelyDeep, "deep.yaml"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("nested more than 500 levels deep");
        assertThatThrownBy(() -> ResourceDocuments.parse(json, "deep.json"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("deep.json");
    }

    @Test
    void hostile_invalidUtf8_namesTheOffset() {
        byte[] content = "kind: Pod\nname: \u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(content, content.length - 1);

        assertThatThrownBy(() -> ResourceDocuments.parse(broken, "latin.yaml"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessage("latin.yaml is not valid UTF-8 (invalid byte at offset 16)");
        byte[] overlong = {'a', ':', ' ', (byte) 0xC0, (byte) 0xAF};
        assertThatThrownBy(() -> PolicyDocuments.parse(overlong, "p.yaml"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void hostile_hugeFile_isRejectedBeforeReading() throws IOException {
        Path huge = temp.resolve("huge.yaml");
        try (var out = Files.newOutputStream(huge)) {
            byte[] line =
                    "- padding padding padding padding padding padding padding\n".getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written <= PolicyFiles.MAX_POLICY_BYTES; written += line.length) {
                out.write(line);
            }
        }

        assertThatThrownBy(() -> PolicyFiles.read(huge, PolicyFiles.MAX_POLICY_BYTES, "a policy"))
                .isInstanceOf(InputTooLargeException.class)
                .hasMessage(huge + " is larger than 1 MiB, too large for a policy");
    }

    @Test
    void files_expandDirectoriesSortedSkippingHiddenAndTestFiles() throws IOException {
        Files.createDirectories(temp.resolve("p/sub"));
        Files.createDirectories(temp.resolve("p/.git"));
        for (String name :
                List.of("p/b.yaml", "p/a.yml", "p/sub/c.json", "p/notes.txt", "p/.git/x.yaml", "p/assay-test.yaml")) {
            Files.writeString(temp.resolve(name), "kind: X\n");
        }

        assertThat(PolicyFiles.expand(List.of(temp.resolve("p"))))
                .containsExactly(temp.resolve("p/a.yml"), temp.resolve("p/b.yaml"), temp.resolve("p/sub/c.json"));
        assertThat(PolicyFiles.testFiles(temp.resolve("p"))).containsExactly(temp.resolve("p/assay-test.yaml"));
        assertThatThrownBy(() -> PolicyFiles.expand(List.of(temp.resolve("missing"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("no such file or directory: " + temp.resolve("missing"));
    }

    @Test
    void admissionInput_defaultNamespace_onlyForNamespacedKubernetesObjects() {
        List<ResourceDocument> documents = ResourceDocuments.parse("""
                apiVersion: v1
                kind: Pod
                metadata: {name: a}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: b}
                ---
                bomFormat: CycloneDX
                """, "x.yaml");

        assertThat(documents)
                .extracting(document -> document.admissionInput("team").namespace())
                .containsExactly("team", "", "");
    }
}
