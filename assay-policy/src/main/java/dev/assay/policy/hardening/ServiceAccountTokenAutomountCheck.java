package dev.assay.policy.hardening;

import dev.assay.model.Severity;
import dev.assay.policy.Violation;
import java.util.List;

/** A ServiceAccount that lets its token be mounted into every pod that runs as it and does not opt out. */
final class ServiceAccountTokenAutomountCheck extends SimpleCheck {
    ServiceAccountTokenAutomountCheck() {
        super(
                "service-account-token-automount",
                Severity.LOW,
                "ServiceAccount lets pods mount its token by default",
                "Set automountServiceAccountToken: false on the ServiceAccount; pods that call the API server set it"
                        + " to true themselves.");
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return object.is("", "ServiceAccount");
    }

    @Override
    public List<Violation> check(KubeObject account) {
        if (Fields.isFalse(account.fields(), "automountServiceAccountToken")) {
            return List.of();
        }
        return List.of(violation("automountServiceAccountToken is not false: every pod running as this account gets"
                + " its token unless the pod opts out"));
    }
}
