package dev.assay.sign.intoto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.assay.model.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementTest {
    @TempDir
    Path temp;

    @Test
    void parse_ofWritten_keepsSubjectsAndPredicate() throws IOException {
        Path file = Files.writeString(temp.resolve("app.tar"), "abc");
        var predicate = JsonNodeFactory.instance.objectNode().put("k", "v");

        Statement read = Statement.parse(
                Statement.of(List.of(Subject.ofFile(file)), PredicateTypes.CYCLONEDX, predicate)
                        .toJsonBytes(),
                "s");

        assertThat(read.type()).isEqualTo(Statement.TYPE_V1);
        assertThat(read.predicateType()).isEqualTo(PredicateTypes.CYCLONEDX);
        assertThat(read.predicate().path("k").asText()).isEqualTo("v");
        // SHA-256("abc"), the FIPS 180-2 test vector.
        assertThat(read.subjectWithSha256("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"))
                .hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("app.tar"));
        assertThat(read.subjectWithSha256("00")).isEmpty();
    }

    @Test
    void parse_cosignV01Statement_isRead() {
        String json =
                "{\"_type\":\"https://in-toto.io/Statement/v0.1\",\"predicateType\":\"https://slsa.dev/provenance/v0.2\","
                        + "\"subject\":[{\"name\":\"x\",\"digest\":{\"sha256\":\"aa\"}}],\"predicate\":{}}";

        assertThat(Statement.parse(json.getBytes(StandardCharsets.UTF_8), "s").predicateType())
                .isEqualTo(PredicateTypes.SLSA_PROVENANCE_V02);
    }

    @Test
    void parse_notAStatement_isInvalidInput() {
        assertThatThrownBy(() -> Statement.parse("{\"_type\":\"x\"}".getBytes(StandardCharsets.UTF_8), "s.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not an in-toto Statement");
        assertThatThrownBy(() -> Statement.parse(
                        "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[]}"
                                .getBytes(StandardCharsets.UTF_8),
                        "s.json"))
                .hasMessageContaining("no subjects");
    }

    @Test
    void accepted_shortNamesAndUris() {
        assertThat(PredicateTypes.accepted("slsaprovenance"))
                .containsExactly(PredicateTypes.SLSA_PROVENANCE_V1, PredicateTypes.SLSA_PROVENANCE_V02);
        assertThat(PredicateTypes.accepted("https://example.com/p/v1")).containsExactly("https://example.com/p/v1");
        assertThatThrownBy(() -> PredicateTypes.accepted("nonsense"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown attestation type");
    }
}
