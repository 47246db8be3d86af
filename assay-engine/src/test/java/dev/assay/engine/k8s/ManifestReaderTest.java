package dev.assay.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import dev.assay.report.ManifestIssue;
import dev.assay.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestReaderTest {
    private static final ManifestReader READER = ManifestReader.withDefaults();

    private static Path fixture(String name) {
        return Fixtures.path(ManifestReaderTest.class, "k8s/" + name);
    }

    private static ManifestSet read(Path... paths) {
        return READER.read(List.of(paths).stream()
                .map(path -> (ManifestSource) new ManifestSource.FileOrDirectory(path))
                .toList());
    }

    static ManifestSet content(String name, String text) {
        return READER.read(List.of(new ManifestSource.Content(name, text.getBytes(StandardCharsets.UTF_8))));
    }

    private static String summary(ManifestDocument document) {
        return document.document() + ":" + document.item() + ":" + document.line() + " " + document.kind() + " "
                + document.name() + " <" + document.source() + ">";
    }

    @Test
    void helmRenderedOutput_keepsDocumentLineAndSourceTemplate() {
        ManifestSet set = read(fixture("helm-rendered.yaml"));

        assertThat(set.errors()).isEmpty();
        assertThat(set.skipped()).isEmpty();
        assertThat(set.files()).isEqualTo(1);
        assertThat(set.documents())
                .extracting(ManifestReaderTest::summary)
                .containsExactly(
                        "1:0:3 ServiceAccount shop-web <shop/templates/serviceaccount.yaml>",
                        "2:0:15 Secret shop-web-db <shop/templates/secret.yaml>",
                        "3:0:31 Service shop-web <shop/templates/service.yaml>",
                        "4:0:51 Deployment shop-web <shop/templates/deployment.yaml>",
                        "5:0:117 Pod shop-web-test-connection <shop/templates/tests/test-connection.yaml>");
        // "annotations:" with nothing after it, as Helm renders an empty block.
        assertThat(((Map<?, ?>) set.documents().get(2).object().get("metadata")).containsKey("annotations"))
                .isTrue();
    }

    @Test
    void kustomizeBuildOutput_takesSourceFromOriginAnnotations() {
        ManifestSet set = read(fixture("kustomize-build.yaml"));

        assertThat(set.errors()).isEmpty();
        assertThat(set.documents())
                .extracting(ManifestReaderTest::summary)
                .containsExactly(
                        "1:0:1 Namespace payments-prod <base/namespace.yaml>",
                        "2:0:11 ServiceAccount prod-payments <base/serviceaccount.yaml>",
                        "3:0:22 ClusterRole prod-payments-operator <base/rbac.yaml>",
                        "4:0:39 ClusterRoleBinding prod-payments-operator <base/rbac.yaml>",
                        "5:0:57 ConfigMap prod-payments-config-7g2h9k8b5t <>",
                        "6:0:74 Deployment prod-payments <base/deployment.yaml>",
                        "7:0:120 NetworkPolicy prod-default-deny <base/networkpolicy.yaml>");
        assertThat(set.documents().get(1).namespace()).isEqualTo("payments-prod");
    }

    @Test
    void jsonList_expandsItemsWithTheirLinesAndTypedValues() {
        ManifestSet set = read(fixture("list.json"));

        assertThat(set.errors()).isEmpty();
        assertThat(set.documents())
                .extracting(ManifestReaderTest::summary)
                .containsExactly(
                        "1:1:5 ServiceAccount builder <>",
                        "1:2:14 ClusterRoleBinding builder-admin <>",
                        "1:3:33 Pod builder <>");
        assertThat(set.documents().getFirst().object().get("automountServiceAccountToken"))
                .isEqualTo(Boolean.FALSE);
    }

    @Test
    void yamlList_expandsItemsAndSkipsWhatIsNotAnObject() {
        ManifestSet set = read(fixture("list.yaml"));

        assertThat(set.documents())
                .extracting(ManifestReaderTest::summary)
                .containsExactly("1:1:5 ConfigMap settings <>", "1:2:12 Secret token <>");
        assertThat(set.skipped())
                .extracting(ManifestIssue::message)
                .containsExactly("item 3 is not a Kubernetes object");
        assertThat(set.skipped().getFirst().line()).isEqualTo(19);
    }

    @Test
    void malformedDocument_isAnErrorAndTheOthersAreRead() {
        ManifestSet set = read(fixture("broken.yaml"));

        assertThat(set.documents())
                .extracting(ManifestReaderTest::summary)
                .containsExactly("1:0:1 ConfigMap first <>", "3:0:16 ConfigMap third <>");
        assertThat(set.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).endsWith("broken.yaml");
            assertThat(error.document()).isEqualTo(2);
            assertThat(error.line()).isBetween(13, 14);
            assertThat(error.message()).startsWith("not valid YAML");
        });
    }

    @Test
    void directory_readsManifestFilesOnlyAndLeavesHiddenDirectoriesOut() {
        ManifestSet chart = read(fixture("chart"));

        assertThat(chart.files()).isEqualTo(3);
        assertThat(chart.documents()).isEmpty();
        assertThat(chart.skipped())
                .extracting(issue -> Path.of(issue.file()).getFileName() + ": " + issue.message())
                .containsExactlyInAnyOrder(
                        "Chart.yaml: not a Kubernetes object (no kind): a Helm Chart.yaml?",
                        "values.yaml: not a Kubernetes object (no apiVersion or kind)");
        assertThat(chart.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).endsWith("serviceaccount.yaml");
            assertThat(error.message()).contains("unrendered Helm template");
        });

        ManifestSet rendered = read(fixture("rendered"));
        assertThat(rendered.files()).isEqualTo(1);
        assertThat(rendered.documents()).hasSize(5);
    }

    @Test
    void namedFile_isReadWhateverItsExtension() {
        ManifestSet set = read(fixture("rendered/notes.txt"));

        assertThat(set.files()).isEqualTo(1);
        assertThat(set.errors())
                .singleElement()
                .satisfies(error -> assertThat(error.message()).startsWith("not valid YAML"));
    }

    @Test
    void missingPath_isAnInputErrorForTheRun() {
        assertThatThrownBy(() -> read(fixture("rendered").resolve("nope.yaml")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no such file or directory");
    }

    @Test
    void content_jsonOnStandardInput_isRecognisedByItsFirstCharacter() {
        ManifestSet set =
                content("-", "\n  {\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"x\"}}");

        assertThat(set.documents()).extracting(ManifestReaderTest::summary).containsExactly("1:0:2 Namespace x <>");
        assertThat(set.documents().getFirst().file()).isEqualTo("-");
    }

    @Test
    void yamlFlowMapping_thatIsNotJson_fallsBackToYaml() {
        ManifestSet set = content("cm.yaml", "{apiVersion: v1, kind: ConfigMap, metadata: {name: flow}}\n");

        assertThat(set.errors()).isEmpty();
        assertThat(set.documents()).extracting(ManifestDocument::name).containsExactly("flow");
    }

    @Test
    void markers_inlineContentAndDocumentEnd() {
        ManifestSet set = content("markers.yaml", """
                --- {apiVersion: v1, kind: ConfigMap, metadata: {name: inline}}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: ended}
                ...
                # trailing comment after the end marker
                ---   # a marker with a comment
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: last}
                """);

        assertThat(set.errors()).isEmpty();
        assertThat(set.documents())
                .extracting(ManifestReaderTest::summary)
                .containsExactly("1:0:1 ConfigMap inline <>", "2:0:3 ConfigMap ended <>", "3:0:9 ConfigMap last <>");
    }

    @Test
    void byteOrderMarkAndCrLf_areHandled() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body =
                "apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: windows\r\n---\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: second\r\n"
                        .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);

        ManifestSet set = READER.read(List.of(new ManifestSource.Content("win.yaml", bytes)));

        assertThat(set.errors()).isEmpty();
        assertThat(set.documents())
                .extracting(ManifestReaderTest::summary)
                .containsExactly("1:0:1 ConfigMap windows <>", "2:0:6 ConfigMap second <>");
    }

    @Test
    void notObjects_areSkippedWithAReason() {
        ManifestSet set = content("misc.yaml", """
                just a scalar
                ---
                - a
                - list
                ---
                apiVersion: v1
                kind: List
                items: []
                ---
                # only a comment: not a document at all
                """);

        assertThat(set.documents()).isEmpty();
        assertThat(set.errors()).isEmpty();
        assertThat(set.skipped())
                .extracting(issue -> issue.document() + ": " + issue.message())
                .containsExactly(
                        "1: not a Kubernetes object: the document is a scalar",
                        "2: not a Kubernetes object: the document is a list",
                        "3: an empty List");
    }

    @Test
    void malformedObjects_areErrors() {
        ManifestSet set = content("odd.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: [not, a, map]
                ---
                ? [complex, key]
                : value
                apiVersion: v1
                kind: ConfigMap
                """);

        assertThat(set.documents()).isEmpty();
        assertThat(set.errors())
                .extracting(issue -> issue.document() + ": " + issue.message())
                .containsExactly(
                        "1: ConfigMap whose metadata is not a map",
                        "2: not valid YAML: Non scalar key is detected but it is not configured to be allowed.");
    }

    @Test
    void json_invalidOrTrailingContent_isAnError() {
        assertThat(content("bad.json", "{\"apiVersion\": \"v1\",}").errors())
                .singleElement()
                .satisfies(error -> assertThat(error.message()).startsWith("not valid JSON"));
        assertThat(content("two.json", "{\"kind\": \"A\"} {\"kind\": \"B\"}").errors())
                .singleElement()
                .satisfies(error -> assertThat(error.message()).startsWith("not valid JSON"));
    }
}
