package dev.assay.match.vex;

import dev.assay.model.Finding;
import java.util.Objects;

/** A VEX statement that keeps a finding reported ({@code affected}, {@code under_investigation}). */
public record VexAnnotation(Finding finding, VexStatement statement, String vexSource) {
    public VexAnnotation {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(statement, "statement");
        vexSource = vexSource == null ? "" : vexSource;
    }
}
