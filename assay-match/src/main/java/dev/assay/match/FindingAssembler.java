package dev.assay.match;

import dev.assay.match.spi.Match;
import dev.assay.model.Advisory;
import dev.assay.model.AffectedPackage;
import dev.assay.model.Component;
import dev.assay.model.EpssScore;
import dev.assay.model.Finding;
import dev.assay.model.MatchEvidence;
import dev.assay.model.Purl;
import dev.assay.model.Rating;
import dev.assay.model.Vulnerability;
import dev.assay.version.InvalidVersionException;
import dev.assay.version.VersionScheme;
import dev.assay.vulndb.AdvisoryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the matches of one component into findings, one per vulnerability.
 *
 * <p>Records that share a name (an id or an alias, ignoring case) describe the same vulnerability and are
 * merged, transitively (union-find): a GHSA aliasing a CVE and a PYSEC aliasing the same CVE become one
 * finding. The merged finding is named by the lowest CVE among all names ({@link VulnerabilityNames}),
 * else by the lowest record id in string order; every other name is an alias. Its summary is the first
 * non-empty summary of the record named by the id, then of the other records in id order, else the first
 * line of the first non-empty details. Ratings and references are the union, published the earliest,
 * modified the latest. Severity follows {@link Severities}. Fixed versions are the union of the records'
 * fixed versions above the component's version, ordered and de-duplicated by the version scheme. KEV is set
 * when any CVE name is in the catalog; EPSS is the highest score among the CVE names.
 */
final class FindingAssembler {
    private static final int SUMMARY_FROM_DETAILS_LIMIT = 200;

    private final AdvisoryStore store;
    private final Map<String, Boolean> kevByCve = new HashMap<>();
    private final Map<String, Optional<EpssScore>> epssByCve = new HashMap<>();

    FindingAssembler(AdvisoryStore store) {
        this.store = store;
    }

    List<Finding> assemble(Component component, List<Match> matches, List<Purl> dependencyPath, VersionScheme scheme) {
        if (matches.isEmpty()) {
            return List.of();
        }
        List<Match> ordered = new ArrayList<>(matches);
        ordered.sort(Comparator.comparing(match -> match.advisory().id()));
        int[] parent = new int[ordered.size()];
        for (int index = 0; index < parent.length; index++) {
            parent[index] = index;
        }
        Map<String, Integer> firstByName = new HashMap<>();
        for (int index = 0; index < ordered.size(); index++) {
            for (String name : names(ordered.get(index).advisory())) {
                Integer earlier = firstByName.putIfAbsent(key(name), index);
                if (earlier != null) {
                    union(parent, earlier, index);
                }
            }
        }
        Map<Integer, List<Match>> groups = new HashMap<>();
        List<Integer> groupOrder = new ArrayList<>();
        for (int index = 0; index < ordered.size(); index++) {
            int root = find(parent, index);
            if (!groups.containsKey(root)) {
                groupOrder.add(root);
            }
            groups.computeIfAbsent(root, ignored -> new ArrayList<>()).add(ordered.get(index));
        }
        List<Finding> findings = new ArrayList<>(groupOrder.size());
        for (Integer root : groupOrder) {
            findings.add(finding(component, groups.get(root), dependencyPath, scheme));
        }
        return findings;
    }

    private Finding finding(Component component, List<Match> group, List<Purl> path, VersionScheme scheme) {
        LinkedHashSet<String> allNames = new LinkedHashSet<>();
        Set<String> seenKeys = new HashSet<>();
        for (Match match : group) {
            for (String name : names(match.advisory())) {
                if (seenKeys.add(key(name))) {
                    allNames.add(VulnerabilityNames.isCve(name) ? VulnerabilityNames.canonicalCve(name) : name);
                }
            }
        }
        String id = VulnerabilityNames.lowestCve(allNames)
                .orElse(group.getFirst().advisory().id());
        List<String> aliases = allNames.stream()
                .filter(name -> !key(name).equals(key(id)))
                .sorted()
                .toList();

        List<Advisory> records = group.stream().map(Match::advisory).toList();
        LinkedHashSet<Rating> ratings = new LinkedHashSet<>();
        LinkedHashSet<String> references = new LinkedHashSet<>();
        Instant published = null;
        Instant modified = null;
        for (Advisory record : records) {
            ratings.addAll(record.ratings());
            references.addAll(record.references());
            published = earliest(published, record.published());
            modified = latest(modified, record.modified());
        }
        Vulnerability vulnerability = new Vulnerability(
                id, aliases, summary(records, id), List.copyOf(ratings), List.copyOf(references), published, modified);

        List<String> ecosystemLabels = new ArrayList<>();
        List<MatchEvidence> evidence = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        for (Match match : group) {
            evidence.add(match.evidence());
            fixed.addAll(match.fixedVersions());
            for (AffectedPackage entry : match.advisory().affected()) {
                if (entry.ecosystem().equals(match.evidence().ecosystem())
                        && entry.name().equals(match.evidence().packageName())
                        && !entry.severity().isEmpty()) {
                    ecosystemLabels.add(entry.severity());
                }
            }
        }

        boolean kev = false;
        EpssScore epss = null;
        for (String name : allNames) {
            if (!VulnerabilityNames.isCve(name)) {
                continue;
            }
            kev |= kevByCve.computeIfAbsent(name, cve -> store.kev(cve).isPresent());
            Optional<EpssScore> score = epssByCve.computeIfAbsent(name, store::epss);
            if (score.isPresent() && (epss == null || score.get().probability() > epss.probability())) {
                epss = score.get();
            }
        }
        return new Finding(
                vulnerability,
                component,
                Severities.of(ratings, ecosystemLabels),
                sortedFixed(fixed, scheme),
                evidence,
                path,
                kev,
                epss);
    }

    private static String summary(List<Advisory> records, String id) {
        List<Advisory> preferred = new ArrayList<>();
        for (Advisory record : records) {
            if (key(record.id()).equals(key(id))) {
                preferred.add(record);
            }
        }
        for (Advisory record : records) {
            if (!preferred.contains(record)) {
                preferred.add(record);
            }
        }
        for (Advisory record : preferred) {
            if (!record.summary().isBlank()) {
                return record.summary().strip();
            }
        }
        for (Advisory record : preferred) {
            if (!record.details().isBlank()) {
                String firstLine = record.details().strip().lines().findFirst().orElse("");
                return firstLine.length() <= SUMMARY_FROM_DETAILS_LIMIT
                        ? firstLine
                        : firstLine.substring(0, SUMMARY_FROM_DETAILS_LIMIT - 3) + "...";
            }
        }
        return "";
    }

    private static List<String> sortedFixed(List<String> fixed, VersionScheme scheme) {
        if (fixed.isEmpty()) {
            return List.of();
        }
        if (scheme == null) {
            return List.copyOf(new LinkedHashSet<>(fixed));
        }
        TreeSet<String> sorted = new TreeSet<>((left, right) -> {
            try {
                return scheme.compare(left, right);
            } catch (InvalidVersionException e) {
                return left.compareTo(right);
            }
        });
        sorted.addAll(fixed);
        return List.copyOf(sorted);
    }

    private static List<String> names(Advisory advisory) {
        List<String> names = new ArrayList<>(advisory.aliases().size() + 1);
        names.add(advisory.id());
        names.addAll(advisory.aliases());
        return names;
    }

    private static String key(String name) {
        return name.strip().toUpperCase(Locale.ROOT);
    }

    private static Instant earliest(Instant current, Instant candidate) {
        return candidate == null ? current : current == null || candidate.isBefore(current) ? candidate : current;
    }

    private static Instant latest(Instant current, Instant candidate) {
        return candidate == null ? current : current == null || candidate.isAfter(current) ? candidate : current;
    }

    private static int find(int[] parent, int index) {
        int root = index;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[index] != root) {
            int next = parent[index];
            parent[index] = root;
            index = next;
        }
        return root;
    }

    private static void union(int[] parent, int left, int right) {
        int leftRoot = find(parent, left);
        int rightRoot = find(parent, right);
        if (leftRoot != rightRoot) {
            parent[Math.max(leftRoot, rightRoot)] = Math.min(leftRoot, rightRoot);
        }
    }
}
