package dev.assay.policy.pss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PodDocumentsTest {
    private static final String BUNDLE = """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                spec:
                  containers: [{name: app, image: nginx}]
            ---
            just text
            ---
            kind: Pod
            metadata: {name: broken}
            ---
            metadata: {name: kindless}
            """;

    @Test
    void read_multiDocument_classifiesEachDocumentOnItsOwn() {
        List<PodDocument> documents = PodDocuments.read(BUNDLE, "bundle.yaml");

        assertThat(documents).extracting(PodDocument::index).containsExactly(0, 1, 2, 3, 4);
        assertThat(documents)
                .extracting(PodDocument::describe)
                .containsExactly("Service/web", "Deployment/web", "", "Pod/broken", "/kindless");
        assertThat(documents.get(0).content())
                .isEqualTo(new PodDocument.Skipped("Service is not a Pod or a workload with a pod template"));
        assertThat(documents.get(1).content()).isInstanceOf(PodDocument.Pod.class);
        assertThat(documents.get(1).namespace()).isEqualTo("shop");
        assertThat(documents.get(2).content()).isEqualTo(new PodDocument.Invalid("not a Kubernetes object"));
        assertThat(documents.get(3).content()).isEqualTo(new PodDocument.Invalid("spec is missing or not a map"));
        assertThat(documents.get(4).content()).isEqualTo(new PodDocument.Invalid("no kind: not a Kubernetes object"));
    }

    @Test
    void read_kindList_expandsItemsWithTheirPosition() {
        String list = """
                apiVersion: v1
                kind: List
                items:
                - {kind: Pod, metadata: {name: a}, spec: {containers: [{name: c}]}}
                - {kind: ConfigMap, metadata: {name: b}}
                """;

        List<PodDocument> documents = PodDocuments.read(list, "list.yaml");

        assertThat(documents).extracting(PodDocument::item).containsExactly(0, 1);
        assertThat(documents).extracting(PodDocument::index).containsOnly(0);
        assertThat(documents.get(0).content()).isInstanceOf(PodDocument.Pod.class);
        assertThat(documents.get(1).content()).isInstanceOf(PodDocument.Skipped.class);
    }

    @Test
    void read_json_isOneDocument() {
        String json = "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"},"
                + " \"spec\": {\"containers\": [{\"name\": \"c\", \"securityContext\": {\"privileged\": true}}]}}";

        List<PodDocument> documents = PodDocuments.read(json, "pod.json");

        assertThat(documents).singleElement().satisfies(document -> {
            assertThat(document.describe()).isEqualTo("Pod/p");
            PodInput pod = ((PodDocument.Pod) document.content()).pod();
            assertThat(PodSecurity.violations(Level.BASELINE, PolicyVersion.LATEST, pod))
                    .extracting(PodSecurityViolation::message)
                    .containsExactly("privileged (container \"c\" must not set securityContext.privileged=true)");
        });
    }

    @Test
    void read_workloadWithoutTemplate_isInvalidNamingThePath() {
        List<PodDocument> documents =
                PodDocuments.read("kind: CronJob\nmetadata: {name: nightly}\nspec: {}\n", "c.yaml");

        assertThat(documents.get(0).content())
                .isEqualTo(new PodDocument.Invalid("spec.jobTemplate.spec.template.spec is missing or not a map"));
    }
}
