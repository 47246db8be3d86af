package dev.assay.server.portfolio.findings;

import dev.assay.model.AffectedPackage;
import dev.assay.vulndb.PackageNames;
import java.util.Objects;

/**
 * An advisory package as the store keys it: the OSV ecosystem without its release ({@code Maven},
 * {@code Debian}) and the name normalized by {@link PackageNames}. A changed advisory touches the packages
 * of its {@code affected[]} entries; components whose lookups hit one of them are re-matched.
 */
public record PackageKey(String ecosystem, String name) implements Comparable<PackageKey> {
    public PackageKey {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
    }

    /** Normalizes as the advisory store does, so a key from a record equals the key of a lookup. */
    public static PackageKey of(String ecosystem, String name) {
        return new PackageKey(PackageNames.ecosystemBase(ecosystem), PackageNames.normalize(ecosystem, name));
    }

    public static PackageKey of(AffectedPackage affected) {
        return of(affected.ecosystem(), affected.name());
    }

    @Override
    public int compareTo(PackageKey other) {
        int byEcosystem = ecosystem.compareTo(other.ecosystem);
        return byEcosystem != 0 ? byEcosystem : name.compareTo(other.name);
    }
}
