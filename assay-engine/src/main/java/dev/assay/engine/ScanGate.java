package dev.assay.engine;

import dev.assay.model.Finding;
import dev.assay.model.Severity;
import java.util.List;
import java.util.Optional;

/**
 * The build gate of {@code assay scan}: which findings trip it. Suppressed findings never reach it; a
 * finding of {@link Severity#UNKNOWN} severity trips only the KEV gate, because an unrated record is not
 * evidence of a threshold being reached.
 *
 * @param failOn the lowest severity that trips the gate, or empty for no severity gate
 * @param failOnKev whether any finding in CISA's KEV catalog trips the gate, whatever its severity
 */
public record ScanGate(Optional<Severity> failOn, boolean failOnKev) {
    public static final ScanGate NONE = new ScanGate(Optional.empty(), false);

    public ScanGate {
        failOn = failOn == null ? Optional.empty() : failOn;
        if (failOn.filter(severity -> severity == Severity.UNKNOWN).isPresent()) {
            throw new IllegalArgumentException("UNKNOWN is not a threshold");
        }
    }

    public boolean isSet() {
        return failOn.isPresent() || failOnKev;
    }

    /** The findings that trip the gate, in the order given. */
    public List<Finding> tripping(List<Finding> findings) {
        return findings.stream().filter(this::trips).toList();
    }

    public boolean trips(Finding finding) {
        if (failOnKev && finding.kev()) {
            return true;
        }
        return failOn.map(threshold -> finding.severity().atLeast(threshold)).orElse(false);
    }
}
