package dev.assay.engine.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import dev.assay.policy.admission.JsonPatchOperation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonPatchesTest {
    private static Map<String, Object> pod() {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", "app");
        container.put("image", "nginx:1.27");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("containers", new ArrayList<>(List.of(container)));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", "web");
        metadata.put("labels", new LinkedHashMap<>(Map.of("a/b", "1")));
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("metadata", metadata);
        pod.put("spec", spec);
        return pod;
    }

    @Test
    void apply_replaceAddRemove_changesACopyOnly() {
        Map<String, Object> original = pod();

        Map<String, Object> patched = JsonPatches.apply(
                original,
                List.of(
                        JsonPatchOperation.replace("/spec/containers/0/image", "nginx@sha256:abc"),
                        new JsonPatchOperation("add", "/spec/containers/-", Map.of("name", "sidecar")),
                        new JsonPatchOperation("remove", "/metadata/labels/a~1b", null),
                        new JsonPatchOperation("test", "/metadata/name", "web")));

        assertThat(patched)
                .extractingByKey("spec")
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .extractingByKey("containers")
                .asList()
                .hasSize(2)
                .first()
                .isEqualTo(Map.of("name", "app", "image", "nginx@sha256:abc"));
        assertThat((Map<?, ?>) ((Map<?, ?>) patched.get("metadata")).get("labels"))
                .isEmpty();
        assertThat(original).isEqualTo(pod());
    }

    @Test
    void apply_addAtIndex_insertsBeforeIt() {
        Map<String, Object> patched = JsonPatches.apply(
                pod(), List.of(new JsonPatchOperation("add", "/spec/containers/0", Map.of("name", "init"))));

        List<?> containers = (List<?>) ((Map<?, ?>) patched.get("spec")).get("containers");
        List<Object> names = containers.stream()
                .map(container -> (Object) ((Map<?, ?>) container).get("name"))
                .toList();
        assertThat(names).containsExactly("init", "app");
    }

    @Test
    void apply_testComparesIntegersByValue() {
        Map<String, Object> object = new LinkedHashMap<>(Map.of("replicas", 3L));

        assertThat(JsonPatches.apply(object, List.of(new JsonPatchOperation("test", "/replicas", 3))))
                .isEqualTo(object);
    }

    @Test
    void apply_failedTestOrMissingPath_throwsNamingTheOperation() {
        assertThatThrownBy(() ->
                        JsonPatches.apply(pod(), List.of(new JsonPatchOperation("test", "/metadata/name", "api"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("test /metadata/name");
        assertThatThrownBy(
                        () -> JsonPatches.apply(pod(), List.of(JsonPatchOperation.replace("/spec/volumes", List.of()))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no member 'volumes'");
        assertThatThrownBy(() -> JsonPatches.apply(pod(), List.of(JsonPatchOperation.replace("/spec/containers/7", 1))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("out of bounds");
        assertThatThrownBy(
                        () -> JsonPatches.apply(pod(), List.of(JsonPatchOperation.replace("/spec/containers/01", 1))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not an array index");
        assertThatThrownBy(() -> JsonPatches.apply(pod(), List.of(new JsonPatchOperation("move", "/a", null))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unsupported operation 'move'");
        assertThatThrownBy(() -> JsonPatches.apply(pod(), List.of(JsonPatchOperation.replace("spec", 1))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void parse_unescapesTildeAndSlash() {
        assertThat(JsonPatches.parse("/metadata/annotations/a~1b~0c"))
                .containsExactly("metadata", "annotations", "a/b~c");
        assertThat(JsonPatches.parse("")).isEmpty();
        assertThat(JsonPatches.parse("/")).containsExactly("");
    }
}
