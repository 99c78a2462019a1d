package org.logonrights.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point: the only place that calls {@link System#exit}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = mainWithoutExit(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the CLI with the given writers and returns the exit code; tests call this. */
    public static int mainWithoutExit(String[] args, PrintWriter out, PrintWriter err) {
        if (java.util.Arrays.asList(args).contains("--debug")) {
            // Read by logback.xml when logging first initialises, which happens after this point.
            System.setProperty("logonrights.log.level", "DEBUG");
        }
        CommandLine cl = LogonRightsCommand.commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }
}
