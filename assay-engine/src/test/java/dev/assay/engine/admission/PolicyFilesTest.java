package dev.assay.engine.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.admission.spi.LoadedPolicies;
import dev.assay.engine.admission.spi.PolicyDocument;
import dev.assay.engine.admission.spi.PolicyLoader;
import dev.assay.model.InvalidInputException;
import dev.assay.policy.admission.AdmissionPolicy;
import dev.assay.policy.admission.Enforcement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFilesTest {
    /** Reads {@code kind: RequiredLabel} documents, and records what it was given. */
    static final class RequiredLabelLoader implements PolicyLoader {
        final List<PolicyDocument> seen = new ArrayList<>();

        @Override
        public Set<String> kinds() {
            return Set.of("RequiredLabel");
        }

        @Override
        public LoadedPolicies load(PolicyDocument document) {
            seen.add(document);
            Map<?, ?> metadata = (Map<?, ?>) document.tree().get("metadata");
            Map<?, ?> spec = (Map<?, ?>) document.tree().get("spec");
            return LoadedPolicies.of(new TestPolicies.RequiredLabel(
                    (String) metadata.get("name"),
                    (String) spec.get("label"),
                    Enforcement.parse((String) spec.get("mode"), document.location())));
        }
    }

    private final RequiredLabelLoader loader = new RequiredLabelLoader();
    private final AdmissionPlugins plugins =
            AdmissionPlugins.builder().loader(loader).build();

    private static String policy(String name, String label, String mode) {
        return "apiVersion: assay.dev/v1\nkind: RequiredLabel\nmetadata:\n  name: " + name + "\nspec:\n  label: "
                + label + "\n  mode: " + mode + "\n";
    }

    @Test
    void load_multiDocumentFile_dispatchesEachDocumentWithItsTextAndLine() throws IOException {
        String content = "# team policies\n" + policy("owner", "owner", "enforce") + "---\n"
                + policy("tier", "tier", "warn") + "...\n--- # empty document\n";

        LoadedPolicies loaded = PolicyFiles.loadContent(content, "team.yaml", plugins);

        assertThat(loaded.policies()).extracting(AdmissionPolicy::name).containsExactly("owner", "tier");
        assertThat(loader.seen).hasSize(2);
        PolicyDocument second = loader.seen.get(1);
        assertThat(second.index()).isEqualTo(2);
        assertThat(second.firstLine()).isEqualTo(10);
        assertThat(second.apiVersion()).isEqualTo("assay.dev/v1");
        assertThat(second.kind()).isEqualTo("RequiredLabel");
        assertThat(second.content())
                .startsWith("apiVersion: assay.dev/v1\nkind: RequiredLabel")
                .contains("tier");
        assertThat(second.location()).isEqualTo("team.yaml (document 2, line 10)");
    }

    @Test
    void load_directory_readsPolicyFilesInNameOrderAndSkipsHiddenOnes(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.yaml"), policy("second", "b", "audit"), StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("a.json"),
                "{\"apiVersion\":\"assay.dev/v1\",\"kind\":\"RequiredLabel\","
                        + "\"metadata\":{\"name\":\"first\"},\"spec\":{\"label\":\"a\",\"mode\":\"warn\"}}",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("notes.txt"), "not a policy", StandardCharsets.UTF_8);
        Path hidden = Files.createDirectory(dir.resolve("..2026_01_01"));
        Files.writeString(hidden.resolve("b.yaml"), policy("stale", "b", "audit"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(".hidden.yaml"), policy("hidden", "h", "audit"), StandardCharsets.UTF_8);

        LoadedPolicies loaded = PolicyFiles.load(List.of(dir), plugins);

        assertThat(loaded.policies()).extracting(AdmissionPolicy::name).containsExactly("first", "second");
    }

    @Test
    void load_unknownKind_namesTheKnownKinds() {
        assertThatThrownBy(() -> PolicyFiles.loadContent("kind: ClusterPolicy\n", "kyverno.yaml", plugins))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("kyverno.yaml (document 1, line 1)")
                .hasMessageContaining("'ClusterPolicy'")
                .hasMessageContaining("known kinds: RequiredLabel");
        assertThatThrownBy(() -> PolicyFiles.loadContent(
                        "kind: Policy\n", "p.yaml", AdmissionPlugins.builder().build()))
                .hasMessageContaining("loads no policy documents yet");
    }

    @Test
    void load_documentWithoutKindOrNotAMap_isRejected() {
        assertThatThrownBy(() -> PolicyFiles.loadContent("metadata: {}\n", "p.yaml", plugins))
                .hasMessageContaining("has no kind");
        assertThatThrownBy(() -> PolicyFiles.loadContent("- a\n- b\n", "p.yaml", plugins))
                .hasMessageContaining("is not a mapping");
    }

    @Test
    void load_missingPathOrHostileYaml_isInvalidInput(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> PolicyFiles.load(List.of(dir.resolve("absent.yaml")), plugins))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not exist");
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int level = 0; level < 9; level++) {
            bomb.append((char) ('b' + level))
                    .append(": &")
                    .append((char) ('b' + level))
                    .append(" [")
                    .append(("*" + (char) ('a' + level) + ", ").repeat(9))
                    .append("*")
                    .append((char) ('a' + level))
                    .append("]\n");
        }
        assertThatThrownBy(() -> PolicyFiles.loadContent(bomb.toString(), "bomb.yaml", plugins))
                .isInstanceOf(InvalidInputException.class);
        Path huge = dir.resolve("huge.yaml");
        Files.write(huge, new byte[(int) PolicyFiles.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> PolicyFiles.load(List.of(huge), plugins)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void documents_markerLineWithContent_startsTheNextDocumentThere() {
        assertThat(PolicyFiles.documents("a: 1\n--- {kind: X}\n"))
                .containsExactly(new PolicyFiles.Chunk(1, "a: 1\n"), new PolicyFiles.Chunk(2, "{kind: X}\n"));
        assertThat(PolicyFiles.documents("text: |\n  ---not a marker\n"))
                .singleElement()
                .extracting(PolicyFiles.Chunk::text)
                .isEqualTo("text: |\n  ---not a marker\n");
    }

    @Test
    void builder_twoLoadersForOneKind_isAProgrammingError() {
        assertThatThrownBy(() -> AdmissionPlugins.builder().loader(loader).loader(new RequiredLabelLoader()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RequiredLabel");
    }
}
