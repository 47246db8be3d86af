package dev.assay.policy.pss;

import dev.assay.policy.Violation;
import java.util.ArrayList;
import java.util.List;

/** Collects the offending fields of one check into at most one violation, as PSA reports them. */
final class Offenders {
    private final PodSecurityCheck check;
    private final List<String> found = new ArrayList<>();

    Offenders(PodSecurityCheck check) {
        this.check = check;
    }

    void add(String offender) {
        found.add(offender);
    }

    List<Violation> result() {
        return found.isEmpty() ? List.of() : List.of(check.violation(String.join("; ", found)));
    }
}
