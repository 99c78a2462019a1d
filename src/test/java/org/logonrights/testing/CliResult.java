package org.logonrights.testing;

import java.util.List;

/**
 * What one run of the command line left: its exit code and what it printed. {@link Cli} (in-process)
 * and {@link JarRunner} (the built jar) both return it, so a test moves between them by one call.
 */
public record CliResult(int exitCode, String stdout, String stderr) {

    /** Every line of stderr, blank ones included (a one-line error must be exactly one line). */
    public List<String> stderrLines() {
        return stderr.isEmpty() ? List.of() : stderr.lines().toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + ", stderr:\n" + stderr;
    }
}
