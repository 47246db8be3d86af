package dev.assay.oci;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which registries were found to have no referrers API, remembered for a while per client so that a
 * long-running verifier does not pay a 404 round trip on every verification. The memory expires, so a
 * registry upgraded to the API is used as such again within minutes.
 */
final class ReferrersSupport {
    private static final Duration REMEMBER = Duration.ofMinutes(5);

    private final Map<String, Long> absentSince = new ConcurrentHashMap<>();

    boolean knownAbsent(String registry) {
        Long since = absentSince.get(registry);
        if (since == null) {
            return false;
        }
        if (System.nanoTime() - since > REMEMBER.toNanos()) {
            absentSince.remove(registry, since);
            return false;
        }
        return true;
    }

    void clear() {
        absentSince.clear();
    }

    void markAbsent(String registry) {
        absentSince.put(registry, System.nanoTime());
    }
}
