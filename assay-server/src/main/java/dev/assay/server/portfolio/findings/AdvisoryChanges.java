package dev.assay.server.portfolio.findings;

import dev.assay.model.Advisory;
import dev.assay.model.AffectedPackage;
import dev.assay.vulndb.AdvisoryListing;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What changed between two advisory generations, and the packages those changes touch: every package of
 * an added record, of a removed record, and of both the old and the new form of a changed record (a record
 * whose range moved away from a package must re-match that package too, to resolve its findings).
 *
 * <p>A record counts as changed when its {@code modified} time differs, which OSV requires of every
 * change; records without a {@code modified} time on both sides are compared in full.
 */
public record AdvisoryChanges(
        SortedSet<String> added, SortedSet<String> changed, SortedSet<String> removed, SortedSet<PackageKey> packages) {

    public AdvisoryChanges {
        added = Collections.unmodifiableSortedSet(new TreeSet<>(added));
        changed = Collections.unmodifiableSortedSet(new TreeSet<>(changed));
        removed = Collections.unmodifiableSortedSet(new TreeSet<>(removed));
        packages = Collections.unmodifiableSortedSet(new TreeSet<>(packages));
    }

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    public static AdvisoryChanges between(AdvisoryListing before, AdvisoryListing after) {
        SortedMap<String, Instant> old = before.modifiedById();
        SortedMap<String, Instant> current = after.modifiedById();
        TreeSet<String> added = new TreeSet<>();
        TreeSet<String> changed = new TreeSet<>();
        TreeSet<String> removed = new TreeSet<>();
        TreeSet<PackageKey> packages = new TreeSet<>();
        for (Map.Entry<String, Instant> entry : current.entrySet()) {
            String id = entry.getKey();
            Instant previous = old.get(id);
            if (previous == null) {
                added.add(id);
                addPackages(packages, after.advisory(id));
            } else if (!previous.equals(entry.getValue())
                    || (previous.equals(AdvisoryListing.NO_MODIFIED)
                            && !Objects.equals(before.advisory(id), after.advisory(id)))) {
                changed.add(id);
                addPackages(packages, before.advisory(id));
                addPackages(packages, after.advisory(id));
            }
        }
        for (String id : old.keySet()) {
            if (!current.containsKey(id)) {
                removed.add(id);
                addPackages(packages, before.advisory(id));
            }
        }
        return new AdvisoryChanges(added, changed, removed, packages);
    }

    private static void addPackages(TreeSet<PackageKey> packages, Optional<Advisory> advisory) {
        advisory.ifPresent(record -> {
            for (AffectedPackage affected : record.affected()) {
                packages.add(PackageKey.of(affected));
            }
        });
    }
}
