package dev.assay.cli;

import dev.assay.catalog.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress indicator on stderr, redrawn in place. Silent unless stderr is an interactive terminal:
 * carriage-return redraws in a CI log or a redirected file are noise. It never touches stdout, which may be
 * carrying the SBOM.
 */
final class ConsoleProgress implements ProgressListener, AutoCloseable {
    private final PrintStream err;
    private final boolean enabled;
    private volatile String phase = "";
    private volatile long total = -1;
    private long lastDrawNanos;
    private boolean drawn;

    ConsoleProgress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Off with --quiet, and with --debug too, where redraws would garble the log lines they interleave with. */
    static ConsoleProgress forOptions(GlobalOptions options, Terminal terminal) {
        return new ConsoleProgress(terminal.err(), terminal.interactiveErr() && !options.quiet && !options.debug);
    }

    boolean enabled() {
        return enabled;
    }

    @Override
    public synchronized void phase(String name, long total) {
        this.phase = name;
        this.total = total;
        draw(0, true);
    }

    @Override
    public synchronized void advance(long done) {
        draw(done, false);
    }

    private void draw(long done, boolean force) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDrawNanos < 100_000_000L) {
            return;
        }
        lastDrawNanos = now;
        String line = total > 0 ? String.format(Locale.ROOT, "%s %d/%d", phase, done, total) : phase + " ...";
        err.print("\r\033[2K" + line);
        err.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        if (enabled && drawn) {
            err.print("\r\033[2K");
            err.flush();
        }
    }
}
