package dev.assay.server.portfolio.api;

import dev.assay.server.portfolio.findings.FindingView;
import dev.assay.server.portfolio.monitor.AdvisoryAge;
import dev.assay.server.portfolio.query.Affected;
import dev.assay.server.portfolio.triage.Analysis;
import dev.assay.server.portfolio.triage.TriageDecision;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the findings, triage, impact and overview endpoints, built from the domain records so
 * that enum values go out in their wire names and instants as ISO-8601, exactly as the contract spells them.
 */
final class ApiViews {
    private ApiViews() {}

    record ComponentJson(String purl, String name, String version) {}

    record AnalysisJson(String state, String justification, String comment, String author, String at, String scope) {
        static AnalysisJson of(Analysis analysis) {
            return analysis == null
                    ? null
                    : new AnalysisJson(
                            analysis.state().wireName(),
                            analysis.justification() == null
                                    ? null
                                    : analysis.justification().wireName(),
                            analysis.comment(),
                            analysis.author(),
                            iso(analysis.at()),
                            analysis.scope().wireName());
        }
    }

    record FindingJson(
            long id,
            String vulnerability,
            List<String> aliases,
            String severity,
            Double cvss,
            boolean kev,
            Double epss,
            String summary,
            ComponentJson component,
            List<String> fixedVersions,
            List<List<String>> paths,
            AnalysisJson analysis,
            boolean suppressed) {
        static FindingJson of(FindingView view) {
            return new FindingJson(
                    view.id(),
                    view.vulnerability(),
                    view.aliases(),
                    view.severity(),
                    view.cvss(),
                    view.kev(),
                    view.epss(),
                    view.summary(),
                    new ComponentJson(
                            view.component().purl(),
                            view.component().name(),
                            view.component().version()),
                    view.fixedVersions(),
                    view.paths(),
                    AnalysisJson.of(view.analysis()),
                    view.suppressed());
        }
    }

    /** A decision as {@code POST /triage} answers it and as the history lists it. */
    static Map<String, Object> decision(TriageDecision decision) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", decision.id());
        json.put("vulnerability", decision.vulnerability());
        json.put("scope", decision.scope().wireName());
        json.put("findingId", decision.findingId());
        json.put("project", decision.project());
        json.put("version", decision.version());
        json.put("purl", decision.purl());
        json.put("range", decision.range());
        json.put("state", decision.state().wireName());
        json.put(
                "justification",
                decision.justification() == null
                        ? null
                        : decision.justification().wireName());
        json.put("comment", decision.comment());
        json.put("author", decision.author());
        json.put("at", iso(decision.at()));
        return json;
    }

    record AffectedJson(
            String project,
            String version,
            List<String> tags,
            List<String> imageDigests,
            Map<String, String> component,
            List<List<String>> paths) {
        static AffectedJson of(Affected affected) {
            return new AffectedJson(
                    affected.project(),
                    affected.version(),
                    affected.tags(),
                    affected.imageDigests(),
                    Map.of(
                            "purl", affected.component().purl(),
                            "version", affected.component().version()),
                    affected.paths());
        }
    }

    record AdvisoriesJson(String builtAt, double ageHours, boolean stale) {
        static AdvisoriesJson of(AdvisoryAge age) {
            return new AdvisoriesJson(
                    age.builtAt().map(ApiViews::iso).orElse(null), Math.round(age.ageHours() * 10) / 10.0, age.stale());
        }
    }

    static SeverityCounts counts(dev.assay.server.portfolio.findings.SeverityCounts counts) {
        return counts == null
                ? SeverityCounts.NONE
                : new SeverityCounts(counts.critical(), counts.high(), counts.medium(), counts.low(), counts.unknown());
    }

    static String iso(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
