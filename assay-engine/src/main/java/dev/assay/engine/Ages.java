package dev.assay.engine;

import java.time.Duration;

/** Durations as people read them in a status line: {@code 3 days}, {@code 5 hours}, {@code 12 minutes}. */
public final class Ages {
    private Ages() {}

    public static String describe(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes >= 2 * 24 * 60) {
            return minutes / (24 * 60) + " days";
        }
        if (minutes >= 120) {
            return minutes / 60 + " hours";
        }
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
