package dev.assay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.sign.intoto.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a verified statement (or its predicate) for pipelines: only ever after every check passed. */
final class VerifiedStatementOutput {
    enum Part {
        statement,
        predicate,
        none
    }

    private VerifiedStatementOutput() {}

    static void write(Statement statement, Part part, AssayCommand root) throws IOException {
        if (part == Part.none) {
            return;
        }
        JsonNode node = part == Part.predicate
                ? statement.predicate()
                : SafeJson.read(statement.toJsonBytes(), "the verified statement");
        OutputTarget.write(
                root.globalOptions.output,
                root.terminal().out(),
                out -> out.write((node.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8)));
    }
}
