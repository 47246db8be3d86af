package dev.assay.report;

import java.time.Clock;
import java.util.Objects;

/**
 * What a report needs besides the scan result: the version of Assay that wrote it (SARIF's {@code
 * tool.driver}, the VDR's tools, the table header), the clock the table measures the database's age with, and
 * the terminal settings of the table.
 *
 * @param toolVersion Assay's version; blank means {@code unknown}
 * @param clock the only source of "now": reports never read the system clock themselves
 * @param color whether the table may use ANSI colours; the CLI turns it on only when standard output is a
 *     terminal, never for files or pipes
 * @param width the terminal width the table fits its columns to; {@link #DEFAULT_WIDTH} when not positive
 */
public record ReportOptions(String toolVersion, Clock clock, boolean color, int width) {
    public static final int DEFAULT_WIDTH = 120;

    /** Narrower terminals still get every column, just without further shrinking. */
    static final int MINIMUM_WIDTH = 80;

    public ReportOptions {
        toolVersion = toolVersion == null || toolVersion.isBlank() ? "unknown" : toolVersion.strip();
        Objects.requireNonNull(clock, "clock");
        width = width <= 0 ? DEFAULT_WIDTH : Math.max(width, MINIMUM_WIDTH);
    }

    /** The system clock in UTC, no colour, 120 columns. */
    public static ReportOptions defaults(String toolVersion) {
        return new ReportOptions(toolVersion, Clock.systemUTC(), false, DEFAULT_WIDTH);
    }

    public ReportOptions withClock(Clock clock) {
        return new ReportOptions(toolVersion, clock, color, width);
    }

    public ReportOptions withColor(boolean color) {
        return new ReportOptions(toolVersion, clock, color, width);
    }

    public ReportOptions withWidth(int width) {
        return new ReportOptions(toolVersion, clock, color, width);
    }
}
