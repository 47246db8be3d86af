package dev.assay.engine.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.RegistryOptions;
import dev.assay.engine.admission.spi.LoadedPolicies;
import dev.assay.engine.image.ImagePolicyRuntime;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeYaml;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.AdmissionPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped loaders: one policy file may mix CEL policies and image policies, as users keep them. */
class AdmissionPluginsTest {
    private final ImagePolicyRuntime images = ImagePolicyRuntime.create(RegistryOptions.ANONYMOUS);
    private final AdmissionPlugins plugins = AdmissionPlugins.defaults(images);

    @TempDir
    Path directory;

    @AfterEach
    void close() {
        images.close();
    }

    private static final String MIXED = """
            apiVersion: assay.dev/v1
            kind: Policy
            metadata: {name: require-team-label}
            spec:
              match:
                resources: [{kinds: [Pod]}]
              validations:
                - name: team-label
                  expression: "has(object.metadata.labels) && 'team' in object.metadata.labels"
                  message: pods need a team label
            ---
            apiVersion: assay.dev/v1
            kind: ImagePolicy
            metadata: {name: no-latest}
            spec:
              images: ["**"]
              disallowLatest: true
            """;

    @SuppressWarnings("unchecked")
    private static AdmissionInput pod(String yaml) {
        return AdmissionInput.ofManifest(
                (Map<String, Object>) SafeYaml.loadAll(yaml, "pod").get(0));
    }

    @Test
    void loadsCelAndImagePoliciesFromOneFileAndReportsBothCaches() throws Exception {
        Path file = Files.writeString(directory.resolve("policies.yaml"), MIXED);

        LoadedPolicies loaded = PolicyFiles.load(List.of(file), plugins);

        assertThat(loaded.policies())
                .extracting(AdmissionPolicy::name)
                .containsExactly("require-team-label", "no-latest");
        assertThat(plugins.kinds()).contains("Policy", "ImagePolicy");
        assertThat(plugins.caches())
                .extracting(c -> c.cacheName())
                .containsExactly("image-tag-resolution", "image-verification");

        AdmissionController controller = new AdmissionController(loaded.policies(), loaded.mutators());
        AdmissionDecision decision = controller.validate(pod("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: shop}
                spec:
                  containers: [{name: app, image: nginx:latest}]
                """));
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.message()).contains("pods need a team label").contains("latest");
    }

    @Test
    void compileErrorsOfALaterDocumentNameTheLineOfTheWholeFile() throws Exception {
        String[] documents = MIXED.split("---\n");
        String content = documents[1] + "---\n" + documents[0].replace("'team' in object.metadata.labels", "object.(");
        Path file = Files.writeString(directory.resolve("broken.yaml"), content);
        int brokenLine = List.of(content.split("\n", -1))
                        .indexOf(content.lines()
                                .filter(line -> line.contains("object.("))
                                .findFirst()
                                .orElseThrow())
                + 1;

        assertThatThrownBy(() -> PolicyFiles.load(List.of(file), plugins))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("broken.yaml:" + brokenLine + ":");
        assertThat(brokenLine).isGreaterThan(9);
    }
}
