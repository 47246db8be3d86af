package dev.assay.match.vex;

import dev.assay.model.VexStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One claim of a VEX document: the status of a vulnerability in some products.
 *
 * @param vulnerability the vulnerability's name as the document gives it ({@code CVE-2021-44228})
 * @param aliases other names of the same vulnerability the document lists
 * @param products what the statement is about; empty when the document names no product (then it applies
 *     to nothing: Assay never applies a statement to everything by default)
 * @param justification the VEX justification, CycloneDX's when the document is CycloneDX, or empty
 * @param impactStatement why the products are not affected (OpenVEX {@code impact_statement}, CycloneDX
 *     {@code analysis.detail}), or empty
 * @param actionStatement what to do about it (OpenVEX {@code action_statement}, CycloneDX {@code
 *     analysis.response}), or empty
 * @param timestamp when the statement was made, or null when neither it nor its document says; a later
 *     statement about the same finding wins over an earlier one
 * @param source the document and the statement's position or id in it, for the suppressed finding
 */
public record VexStatement(
        String vulnerability,
        List<String> aliases,
        List<VexProduct> products,
        VexStatus status,
        String justification,
        String impactStatement,
        String actionStatement,
        Instant timestamp,
        String source) {
    public VexStatement {
        Objects.requireNonNull(vulnerability, "vulnerability");
        Objects.requireNonNull(status, "status");
        aliases = List.copyOf(aliases);
        products = List.copyOf(products);
        justification = justification == null ? "" : justification;
        impactStatement = impactStatement == null ? "" : impactStatement;
        actionStatement = actionStatement == null ? "" : actionStatement;
        source = source == null ? "" : source;
    }

    /** The vulnerability's name followed by its aliases. */
    public List<String> names() {
        List<String> names = new ArrayList<>(aliases.size() + 1);
        names.add(vulnerability);
        names.addAll(aliases);
        return names;
    }

    public Optional<Instant> madeAt() {
        return Optional.ofNullable(timestamp);
    }

    /** The free text a suppressed finding shows: the impact statement, else the action statement. */
    public String statementText() {
        return impactStatement.isEmpty() ? actionStatement : impactStatement;
    }
}
