package dev.assay.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile manifests: each must end in a clear error for the document (or file) concerned, never in an
 * exception, a hang or an exhausted heap, and the other documents must still be read.
 */
class ManifestReaderHostileInputTest {
    private static final String GOOD = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: good}\n";

    @TempDir
    Path temp;

    private static ManifestSet read(String name, byte[] bytes) {
        return ManifestReader.withDefaults().read(List.of(new ManifestSource.Content(name, bytes)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aliasBomb_isAnErrorForItsDocumentOnly() {
        String bomb = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: bomb
                data:
                  a: &a ["x","x","x","x","x","x","x","x","x"]
                  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                """;

        ManifestSet set = read("bomb.yaml", utf8(GOOD + "---\n" + bomb + "---\n" + GOOD));

        assertThat(set.documents()).extracting(ManifestDocument::document).containsExactly(1, 3);
        assertThat(set.errors()).singleElement().satisfies(error -> {
            assertThat(error.document()).isEqualTo(2);
            assertThat(error.message()).contains("alias");
        });
    }

    @Test
    void deepNesting_isAnErrorNotAStackOverflow() {
        String deep = "apiVersion: v1\nkind: ConfigMap\ndata: " + "[".repeat(50_000) + "]".repeat(50_000) + "\n";

        ManifestSet set = read("deep.yaml", utf8(deep + "---\n" + GOOD));

        assertThat(set.documents()).extracting(ManifestDocument::name).containsExactly("good");
        assertThat(set.errors())
                .singleElement()
                .satisfies(error -> assertThat(error.message()).contains("nested"));
        assertThat(read("deep.json", utf8("{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"))
                        .errors())
                .singleElement()
                .satisfies(error -> assertThat(error.message()).startsWith("not valid JSON"));
    }

    @Test
    void invalidUtf8_costsOnlyTheDocumentThatHoldsIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8(GOOD + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: \""));
        bytes.write(0xC3);
        bytes.write(0x28);
        bytes.writeBytes(utf8("\"}\n---\n" + GOOD));

        ManifestSet set = read("latin1.yaml", bytes.toByteArray());

        assertThat(set.documents()).extracting(ManifestDocument::document).containsExactly(1, 3);
        assertThat(set.errors()).singleElement().satisfies(error -> {
            assertThat(error.document()).isEqualTo(2);
            assertThat(error.line()).isEqualTo(7);
            assertThat(error.message()).startsWith("not valid UTF-8");
        });
        assertThat(read("bad.json", new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'})
                        .errors())
                .singleElement()
                .satisfies(error -> assertThat(error.message()).isEqualTo("not valid UTF-8"));
    }

    @Test
    void fileOverTheLimit_isAnErrorForThatFile() throws Exception {
        Path big = temp.resolve("big.yaml");
        Files.writeString(big, GOOD + "data:\n  blob: " + "x".repeat(4096) + "\n");
        Path small = temp.resolve("small.yaml");
        Files.writeString(small, GOOD);

        ManifestSet set = new ManifestReader(1024).read(List.of(new ManifestSource.FileOrDirectory(temp)));

        assertThat(set.files()).isEqualTo(2);
        assertThat(set.documents()).extracting(ManifestDocument::file).containsExactly(small.toString());
        assertThat(set.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo(big.toString());
            assertThat(error.message()).contains("larger than the limit of 1024 bytes");
        });
        assertThat(new ManifestReader(16)
                        .read(List.of(new ManifestSource.Content("-", utf8(GOOD))))
                        .errors())
                .singleElement()
                .satisfies(error -> assertThat(error.message()).contains("larger than the limit"));
    }

    @Test
    void manyDocumentsAndLongValues_areReadInFull() {
        StringBuilder many = new StringBuilder();
        for (int index = 0; index < 5_000; index++) {
            many.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm")
                    .append(index)
                    .append("}\n");
        }
        many.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: long}\ndata:\n  blob: ")
                .append("y".repeat(512 * 1024))
                .append('\n');

        ManifestSet set = read("many.yaml", utf8(many.toString()));

        assertThat(set.errors()).isEmpty();
        assertThat(set.documents()).hasSize(5_001);
        assertThat(set.documents().getLast().line()).isEqualTo(5_000 * 4 + 2);
    }

    @Test
    void lineLongerThanAnyObjectCanHold_isRefusedBeforeParsing() {
        String huge = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge}\ndata:\n  blob: "
                + "z".repeat(ManifestParser.MAX_LINE_CHARS + 1) + "\n";

        ManifestSet set = read("huge.yaml", utf8(GOOD + "---\n" + huge));

        assertThat(set.documents()).extracting(ManifestDocument::name).containsExactly("good");
        assertThat(set.errors()).singleElement().satisfies(error -> {
            assertThat(error.document()).isEqualTo(2);
            assertThat(error.line()).isEqualTo(9);
            assertThat(error.message()).contains("longer than 2 MiB");
        });
    }

    @Test
    void binaryGarbage_isAnErrorNotACrash() {
        byte[] garbage = new byte[64 * 1024];
        new java.util.Random(42).nextBytes(garbage);

        ManifestSet set = read("garbage.yaml", garbage);

        assertThat(set.documents()).isEmpty();
        assertThat(set.errors()).isNotEmpty();
    }
}
