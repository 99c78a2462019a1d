package org.logonrights.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.logonrights.cli.Main;

/**
 * Runs the command line in this JVM through {@link Main#mainWithoutExit}, with fresh writers per run:
 * the same parsing, commands, messages and exit codes as the jar, without a JVM start per call.
 *
 * <p>Like {@link JarRunner}, it runs in the project directory: the CLI has no working-directory
 * option, and rewriting relative arguments here would change the paths that reports and errors
 * cite, so a test passes absolute paths for files elsewhere. There are no environment overrides:
 * the only code that reads a variable a test would set ({@code --password-env}) is reachable with
 * one only through the jar (see RemoteAuditSambaIT).
 *
 * <p>{@code --debug} sets the process-wide {@code logonrights.log.level} property; it is put back
 * after each run so that one run's debugging does not reach the next, and runs are serialised
 * because that property is shared.
 */
public final class Cli {

    private static final String LOG_LEVEL = "logonrights.log.level";

    private Cli() {
    }

    public static CliResult run(String... args) {
        return run(List.of(args));
    }

    public static synchronized CliResult run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String logLevel = System.getProperty(LOG_LEVEL);
        int exitCode;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            exitCode = Main.mainWithoutExit(args.toArray(String[]::new), o, e);
        } finally {
            if (logLevel == null) {
                System.clearProperty(LOG_LEVEL);
            } else {
                System.setProperty(LOG_LEVEL, logLevel);
            }
        }
        return new CliResult(exitCode, out.toString(), err.toString());
    }
}
