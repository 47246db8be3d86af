package dev.assay.model;

import java.util.Objects;

/**
 * A finding a VEX statement set aside: still reported, with the statement's reason, but never counted by a
 * gate.
 *
 * @param justification the VEX justification ({@code vulnerable_code_not_in_execute_path}...) or empty
 * @param statement the impact or action statement, free text, or empty
 * @param vexSource the VEX document that said so (file name and statement id where present)
 */
public record SuppressedFinding(
        Finding finding, VexStatus status, String justification, String statement, String vexSource) {
    public SuppressedFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(status, "status");
        justification = justification == null ? "" : justification;
        statement = statement == null ? "" : statement;
        vexSource = vexSource == null ? "" : vexSource;
    }
}
