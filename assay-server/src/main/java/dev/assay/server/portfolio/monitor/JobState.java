package dev.assay.server.portfolio.monitor;

import java.util.Locale;

/** Where a job is in its life: waiting (possibly for a retry time), leased to an instance, or finished. */
public enum JobState {
    QUEUED,
    RUNNING,
    DONE,
    /** Failed {@code max_attempts} times or permanently; kept for inspection, never run again. */
    DEAD;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static JobState ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
