package org.logonrights.cli;

import java.io.PrintWriter;
import org.logonrights.app.FleetAudit;

/**
 * The progress line of a fleet run on standard error ("12/40 hosts done, 1 failed, 8 s"), rewritten
 * in place, and only when standard error is a terminal: a log or a pipe gets nothing, and standard
 * output, where the report goes, never does. With --debug, each host's failure prints its stack trace.
 */
final class FleetProgress implements FleetAudit.Progress {

    private final PrintWriter err;
    private final boolean shown;
    private final boolean debug;
    private final long start = System.nanoTime();
    private int width;

    FleetProgress(PrintWriter err, boolean shown, boolean debug) {
        this.err = err;
        this.shown = shown;
        this.debug = debug;
    }

    @Override
    public synchronized void update(int done, int total, int failed) {
        if (!shown) {
            return;
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        String line = done + "/" + total + " hosts done, " + failed + " failed, " + seconds + " s";
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = line.length();
    }

    @Override
    public synchronized void failure(String host, Exception cause) {
        if (debug) {
            clear();
            err.println("logonrights: " + host + ":");
            cause.printStackTrace(err);
            err.flush();
        }
    }

    /** Removes the line, so that what follows starts at the margin. */
    synchronized void finish() {
        clear();
    }

    private void clear() {
        if (shown && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }
}
