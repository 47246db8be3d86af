package dev.assay.match.vex;

import java.util.List;
import java.util.Objects;

/**
 * The statements of one VEX document, in document order.
 *
 * @param source how the document is named in suppressed findings (a file name)
 * @param warnings what was read but cannot be applied (a product reference that names nothing, a statement
 *     without a status), one line each, so that a user can see why a statement had no effect
 */
public record VexDocument(String source, VexFormat format, List<VexStatement> statements, List<String> warnings) {
    public VexDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        statements = List.copyOf(statements);
        warnings = List.copyOf(warnings);
    }
}
