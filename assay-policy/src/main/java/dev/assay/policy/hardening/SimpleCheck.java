package dev.assay.policy.hardening;

import dev.assay.model.Severity;

/** The fixed descriptive half of a check: id, severity, title and remedy given once at construction. */
abstract class SimpleCheck implements HardeningCheck {
    private final String id;
    private final Severity severity;
    private final String title;
    private final String remediation;

    SimpleCheck(String id, Severity severity, String title, String remediation) {
        this.id = id;
        this.severity = severity;
        this.title = title;
        this.remediation = remediation;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity severity() {
        return severity;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final String remediation() {
        return remediation;
    }
}
