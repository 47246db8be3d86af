package dev.assay.model.untrusted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InputTooLargeException;
import dev.assay.model.UnableToParseException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostileInputTest {
    @Test
    void safeXml_externalEntity_isRejectedBeforeAnyFileIsRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE project [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<project><name>&xxe;</name></project>";

        assertThatThrownBy(() -> SafeXml.parse(xxe.getBytes(StandardCharsets.UTF_8), "pom.xml"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("pom.xml")
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void safeXml_billionLaughs_isRejected() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int level = 1; level < 10; level++) {
            bomb.append("<!ENTITY lol").append(level).append(" \"");
            bomb.append(("&lol" + (level == 1 ? "" : String.valueOf(level - 1)) + ";").repeat(10));
            bomb.append("\">");
        }
        bomb.append("]><lolz>&lol9;</lolz>");

        assertThatThrownBy(() -> SafeXml.parse(bomb.toString().getBytes(StandardCharsets.UTF_8), "bom.xml"))
                .isInstanceOf(UnableToParseException.class);
    }

    @Test
    void safeXml_truncated_isATypedError() {
        assertThatThrownBy(() -> SafeXml.parse("<project><dependencies>".getBytes(StandardCharsets.UTF_8), "pom.xml"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("pom.xml");
    }

    @Test
    void safeYaml_aliasBomb_isRejected() {
        String bomb = """
        a: &a ["x","x","x","x","x","x","x","x","x"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        """;

        assertThatThrownBy(() -> SafeYaml.load(bomb, "pnpm-lock.yaml"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("pnpm-lock.yaml");
    }

    @Test
    void safeYaml_deepNesting_isATypedErrorNotAStackOverflow() {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);

        assertThatThrownBy(() -> SafeYaml.load(deep, "deep.yaml")).isInstanceOf(UnableToParseException.class);
    }

    @Test
    void safeYamlCompose_aliasBombAndDeepNesting_areTypedErrors() {
        String bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n" + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                + "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n" + "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n";
        String deep = "[".repeat(200_000) + "]".repeat(200_000);

        assertThatThrownBy(() -> SafeYaml.composeAll(bomb, "policy.yaml"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("policy.yaml")
                .hasMessageContaining("alias bomb");
        assertThatThrownBy(() -> SafeYaml.composeAll(deep, "deep.yaml")).isInstanceOf(UnableToParseException.class);
    }

    @Test
    void safeYamlCompose_keepsPositionsAndStyles() {
        List<org.snakeyaml.engine.v2.nodes.Node> documents = SafeYaml.composeAll("a: 1\n---\nb: \"true\"\n", "x.yaml");

        assertThat(documents).hasSize(2);
        var mapping = (org.snakeyaml.engine.v2.nodes.MappingNode) documents.get(1);
        var value = (org.snakeyaml.engine.v2.nodes.ScalarNode)
                mapping.getValue().get(0).getValueNode();
        assertThat(value.getValue()).isEqualTo("true");
        assertThat(value.isPlain()).isFalse();
        assertThat(value.getStartMark().orElseThrow().getLine()).isEqualTo(2);
    }

    @Test
    void safeYaml_scalarsStayStrings() {
        Object document = SafeYaml.load("version: 1.10\nwhen: 2001-12-14\n", "x.yaml");

        assertThat(document).isEqualTo(Map.of("version", "1.10", "when", "2001-12-14"));
    }

    @Test
    void safeYaml_emptyValue_loadsAsNullAndTheWordNullStaysText() {
        Object document = SafeYaml.load("livenessProbe:\nannotations: null\nname: web\n", "pod.yaml");

        assertThat(document).isInstanceOf(java.util.Map.class);
        java.util.Map<?, ?> map = (java.util.Map<?, ?>) document;
        assertThat(map.containsKey("livenessProbe")).isTrue();
        assertThat(map.get("livenessProbe")).isNull();
        assertThat(map.get("annotations")).isEqualTo("null");
        assertThat(map.get("name")).isEqualTo("web");
    }

    @Test
    void safeJson_deepNesting_isATypedError() {
        byte[] deep = ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SafeJson.read(deep, "package-lock.json"))
                .isInstanceOf(UnableToParseException.class)
                .hasMessageContaining("package-lock.json");
    }

    @Test
    void safeJson_invalidUtf8_isATypedError() {
        byte[] invalid = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThatThrownBy(() -> SafeJson.read(invalid, "composer.lock")).isInstanceOf(UnableToParseException.class);
    }

    @Test
    void boundedInput_pastTheLimit_throwsNamingTheInput() {
        InputStream endless = new ByteArrayInputStream(new byte[10_000]);

        assertThatThrownBy(() -> BoundedInput.readAll(endless, 1_000, "huge.lock"))
                .isInstanceOf(InputTooLargeException.class)
                .hasMessageContaining("huge.lock");
    }

    @Test
    void loadAll_emptyValuesAndDocuments_readAsNull() {
        assertThat(SafeYaml.loadAll("---\n---\na: 1\n", "empty.yaml"))
                .containsExactly(null, java.util.Map.of("a", "1"));
        assertThat(SafeYaml.loadAll("---\n...\n", "empty.yaml")).containsExactly((Object) null);
        assertThat(SafeYaml.load("metadata:\n  annotations:\nspec: x\n", "k8s.yaml"))
                .isEqualTo(java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(java.util.Map.of(
                        "metadata", java.util.Collections.singletonMap("annotations", null), "spec", "x"))));
    }

    @Test
    void safeJson_read_matchesTheMappersTree_andRejectsTruncatedEmptyAndTooDeepDocuments() throws Exception {
        String json = "{\"a\":[1,2147483648,123456789012345678901234567890,1.5,true,false,null,\"x\"],"
                + "\"b\":{\"c\":\"d\"},\"a\":\"last wins\"}";

        assertThat(SafeJson.read(json.getBytes(StandardCharsets.UTF_8), "x.json"))
                .isEqualTo(SafeJson.mapper().readTree(json));
        for (String bad : List.of("", "   ", "{\"a\":[1,2", "[1,]", "{\"a\" 1}", "[".repeat(600) + "]".repeat(600))) {
            assertThatThrownBy(() -> SafeJson.read(bad.getBytes(StandardCharsets.UTF_8), "package-lock.json"))
                    .as(bad.length() > 20 ? bad.substring(0, 20) : bad)
                    .isInstanceOf(UnableToParseException.class)
                    .hasMessageContaining("package-lock.json");
        }
    }
}
