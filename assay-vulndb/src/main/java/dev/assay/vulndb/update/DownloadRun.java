package dev.assay.vulndb.update;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one {@link OsvDownloader#download} call: one entry per requested ecosystem, in the order
 * requested. The run itself never fails because an ecosystem did; the caller decides the exit code.
 *
 * @param startedAt wall-clock start, from the options' clock
 * @param duration monotonic elapsed time of the whole run
 */
public record DownloadRun(Instant startedAt, Duration duration, List<EcosystemDownload> ecosystems) {
    public DownloadRun {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        ecosystems = List.copyOf(ecosystems);
    }

    /** The dumps that were downloaded and now need importing. */
    public List<EcosystemDownload.Updated> updated() {
        return ofType(EcosystemDownload.Updated.class);
    }

    public List<EcosystemDownload.Unchanged> unchanged() {
        return ofType(EcosystemDownload.Unchanged.class);
    }

    public List<EcosystemDownload.NotAvailable> notAvailable() {
        return ofType(EcosystemDownload.NotAvailable.class);
    }

    public List<EcosystemDownload.Failed> failed() {
        return ofType(EcosystemDownload.Failed.class);
    }

    public boolean anyFailed() {
        return !failed().isEmpty();
    }

    private <T extends EcosystemDownload> List<T> ofType(Class<T> type) {
        return ecosystems.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
