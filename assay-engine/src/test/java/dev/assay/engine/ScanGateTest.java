package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Finding;
import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import dev.assay.model.Severity;
import dev.assay.model.Vulnerability;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScanGateTest {
    @Test
    void trips_severityAtOrAboveThreshold_only() {
        ScanGate gate = new ScanGate(Optional.of(Severity.HIGH), false);

        assertThat(gate.trips(finding(Severity.CRITICAL, false))).isTrue();
        assertThat(gate.trips(finding(Severity.HIGH, false))).isTrue();
        assertThat(gate.trips(finding(Severity.MEDIUM, false))).isFalse();
        assertThat(gate.trips(finding(Severity.UNKNOWN, false))).isFalse();
    }

    @Test
    void trips_kevGate_catchesLowSeverityExploitedFindings() {
        ScanGate gate = new ScanGate(Optional.empty(), true);

        assertThat(gate.trips(finding(Severity.LOW, true))).isTrue();
        assertThat(gate.trips(finding(Severity.UNKNOWN, true))).isTrue();
        assertThat(gate.trips(finding(Severity.CRITICAL, false))).isFalse();
    }

    @Test
    void none_tripsNothing() {
        assertThat(ScanGate.NONE.isSet()).isFalse();
        assertThat(ScanGate.NONE.tripping(List.of(finding(Severity.CRITICAL, true))))
                .isEmpty();
    }

    @Test
    void construct_unknownThreshold_isRefused() {
        assertThatThrownBy(() -> new ScanGate(Optional.of(Severity.UNKNOWN), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Finding finding(Severity severity, boolean kev) {
        Purl purl = Purl.of(PackageType.NPM, null, "lodash", "4.17.15");
        Component component = Component.builder(purl)
                .kind(ComponentKind.LIBRARY)
                .name("lodash")
                .version("4.17.15")
                .build();
        Vulnerability vulnerability =
                new Vulnerability("CVE-2020-8203", List.of(), "", List.of(), List.of(), null, null);
        return new Finding(vulnerability, component, severity, List.of(), List.of(), List.of(), kev, null);
    }
}
