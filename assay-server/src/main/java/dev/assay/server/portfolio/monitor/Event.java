package dev.assay.server.portfolio.monitor;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Something subscribers are told about. {@link #type()} is the name subscriptions list and receivers see. */
public sealed interface Event permits Event.FindingNew, Event.AdvisoriesUpdated {
    String FINDING_NEW = "finding.new";
    String ADVISORIES_UPDATED = "advisories.updated";

    /** Every event type a subscription may name. */
    Set<String> TYPES = Set.of(FINDING_NEW, ADVISORIES_UPDATED);

    String type();

    /** The {@code data} object of the delivered JSON, in a stable field order. */
    Map<String, Object> data();

    /**
     * A vulnerability newly found in a project version (at upload, or by a re-analysis after an advisory
     * update).
     *
     * @param severity lower-case: critical, high, medium, low, unknown
     * @param kev whether CISA lists the vulnerability as known exploited
     */
    record FindingNew(String project, String version, String vulnerability, String severity, String purl, boolean kev)
            implements Event {
        public FindingNew {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(vulnerability, "vulnerability");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(purl, "purl");
        }

        @Override
        public String type() {
            return FINDING_NEW;
        }

        @Override
        public Map<String, Object> data() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("project", project);
            data.put("version", version);
            data.put("vulnerability", vulnerability);
            data.put("severity", severity);
            data.put("purl", purl);
            data.put("kev", kev);
            return data;
        }
    }

    /**
     * The advisory database moved to a new generation.
     *
     * @param previousGeneration empty on the first generation the portfolio sees
     * @param updatedAt when the new generation's data was imported or fetched
     */
    record AdvisoriesUpdated(Optional<String> previousGeneration, String generation, Instant updatedAt, int advisories)
            implements Event {
        public AdvisoriesUpdated {
            Objects.requireNonNull(previousGeneration, "previousGeneration");
            Objects.requireNonNull(generation, "generation");
            Objects.requireNonNull(updatedAt, "updatedAt");
        }

        @Override
        public String type() {
            return ADVISORIES_UPDATED;
        }

        @Override
        public Map<String, Object> data() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("previousGeneration", previousGeneration.orElse(null));
            data.put("generation", generation);
            data.put("updatedAt", updatedAt.toString());
            data.put("advisories", advisories);
            return data;
        }
    }
}
